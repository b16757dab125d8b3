import { sql } from 'drizzle-orm';
import { encrypt } from '../../core/auth/personal-data.ts';
import { insertColumns, columnArrays, pushRow, withIndexesDeferred } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { territories } from '../territory/territory.public.ts';
import { buildDutyItem, type DutyItemSpec } from './duties.factories.ts';
import { generateTasks } from './duties.holders.ts';
import { addDays } from './duties.service.ts';
import { dutyItems, dutyTaskAssignees, dutyTasks } from './duties.tables.ts';

type Template = Omit<DutyItemSpec, 'territoryCode'>;

/** The county's template (县级职责任务清单模板), five to seven items per role group, normal and emergency. */
const TEMPLATE: Template[] = [
  // 社区党组织书记
  {
    roleGroup: 'community_secretary',
    title: '每日查看网格事件和群众诉求办理情况',
    frequency: 'daily',
    evidence: 'none',
  },
  {
    roleGroup: 'community_secretary',
    title: '每周召开社区“两委”例会，研判网格重点工作',
    frequency: 'weekly',
    evidence: 'note',
  },
  {
    roleGroup: 'community_secretary',
    title: '每月主持召开社区党建共同体联席会议',
    frequency: 'monthly',
    evidence: 'photo',
  },
  {
    roleGroup: 'community_secretary',
    title: '每月督导检查网格员民情日志和走访台账',
    frequency: 'monthly',
    evidence: 'note',
  },
  {
    roleGroup: 'community_secretary',
    title: '每轮敲门行动统筹调度，确保全覆盖',
    frequency: 'per_round',
    evidence: 'note',
  },
  {
    roleGroup: 'community_secretary',
    title: '应急时24小时在岗，统筹调度社区力量',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'note',
  },
  {
    roleGroup: 'community_secretary',
    title: '一键启动应急响应，组织报到党员下沉网格',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'note',
  },
  // 网格党支部书记
  {
    roleGroup: 'branch_secretary',
    title: '每月召开网格党群议事会',
    description: '与网格员共同组织，党员、居民代表、物业、业委会参加',
    frequency: 'monthly',
    evidence: 'photo',
    shared: true,
  },
  {
    roleGroup: 'branch_secretary',
    title: '每周与网格员共同研判网格民情',
    frequency: 'weekly',
    evidence: 'note',
    shared: true,
  },
  {
    roleGroup: 'branch_secretary',
    title: '每月组织支部党员开展主题党日活动',
    frequency: 'monthly',
    evidence: 'photo',
  },
  {
    roleGroup: 'branch_secretary',
    title: '每周走访联系困难党员和群众',
    frequency: 'weekly',
    evidence: 'visit',
  },
  {
    roleGroup: 'branch_secretary',
    title: '每轮敲门行动督导网格全覆盖走访',
    frequency: 'per_round',
    evidence: 'none',
  },
  {
    roleGroup: 'branch_secretary',
    title: '应急时组织支部党员就近编组、参与值守',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'note',
  },
  // 报到干部（在职党员）
  {
    roleGroup: 'registered_cadre',
    title: '每月到居住地社区报到并参加一次志愿服务',
    frequency: 'monthly',
    evidence: 'photo',
  },
  {
    roleGroup: 'registered_cadre',
    title: '每月联系走访结对户，了解困难和诉求',
    frequency: 'monthly',
    evidence: 'visit',
  },
  { roleGroup: 'registered_cadre', title: '认领并完成群众微心愿', frequency: 'on_event', evidence: 'note' },
  {
    roleGroup: 'registered_cadre',
    title: '参加网格党群议事会，反映社情民意',
    frequency: 'on_event',
    evidence: 'none',
  },
  {
    roleGroup: 'registered_cadre',
    title: '应急时24小时内到居住地社区报到，服从编队调度',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'note',
  },
  {
    roleGroup: 'registered_cadre',
    title: '参与卡口值守、物资配送等应急志愿服务',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'photo',
  },
  // 网格员（民情书记）
  { roleGroup: 'grid_worker', title: '每日巡查网格，排查安全隐患', frequency: 'daily', evidence: 'note' },
  {
    roleGroup: 'grid_worker',
    title: '每周入户走访重点人群（独居老人、残疾人、低保户）',
    frequency: 'weekly',
    evidence: 'visit',
  },
  { roleGroup: 'grid_worker', title: '每周整理民情日志并上报社区', frequency: 'weekly', evidence: 'note' },
  {
    roleGroup: 'grid_worker',
    title: '每月核对更新网格人口和房屋底数',
    frequency: 'monthly',
    evidence: 'note',
  },
  {
    roleGroup: 'grid_worker',
    title: '跟进处置入户走访中发现的问题',
    frequency: 'on_event',
    evidence: 'note',
  },
  {
    roleGroup: 'grid_worker',
    title: '每轮敲门行动完成负责楼栋全覆盖走访',
    frequency: 'per_round',
    evidence: 'visit',
  },
  {
    roleGroup: 'grid_worker',
    title: '应急时24小时在岗，落实“日报告、零报告”',
    mode: 'emergency',
    frequency: 'daily',
    evidence: 'note',
  },
  {
    roleGroup: 'grid_worker',
    title: '应急时排查登记重点人员，逐户通知到位',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'visit',
  },
  // 红色楼长
  {
    roleGroup: 'building_leader',
    title: '每周巡查楼栋公共区域，发现问题及时上报',
    frequency: 'weekly',
    evidence: 'note',
  },
  {
    roleGroup: 'building_leader',
    title: '每周在楼栋微信群发布通知、收集居民诉求',
    frequency: 'weekly',
    evidence: 'none',
  },
  {
    roleGroup: 'building_leader',
    title: '每月走访楼内独居老人等重点住户',
    frequency: 'monthly',
    evidence: 'visit',
  },
  {
    roleGroup: 'building_leader',
    title: '协助网格员完成敲门行动入户',
    frequency: 'per_round',
    evidence: 'none',
  },
  {
    roleGroup: 'building_leader',
    title: '应急时每日向网格员报告本楼人员情况（零报告）',
    mode: 'emergency',
    frequency: 'daily',
    evidence: 'note',
  },
  {
    roleGroup: 'building_leader',
    title: '应急时组织本楼居民做好防护，为困难住户代购代送',
    mode: 'emergency',
    frequency: 'on_event',
    evidence: 'note',
  },
];

/** A community's own additions (the first community's). */
const COMMUNITY_ITEMS: Template[] = [
  {
    roleGroup: 'grid_worker',
    title: '每周检查小区消防通道和电动车充电情况',
    frequency: 'weekly',
    evidence: 'photo',
  },
  {
    roleGroup: 'community_secretary',
    title: '每月开展一次“拉呱日”，面对面收集民意',
    frequency: 'monthly',
    evidence: 'note',
  },
];

/** Evidence notes of the demo's completed tasks: no personal data. */
const NOTES = {
  note: '已按要求完成，未发现异常情况',
  visit: '已入户走访，住户情况稳定，暂无特殊需求',
  photo: '已完成，现场照片留存于社区台账',
} as const;

/**
 * The duties module's demo data: the county's template, a community's own items, and the tasks of the last eight
 * weeks generated as the daily job would have (one set-based statement), created done where they were (the same
 * statement, `TaskHistory`): each holder has an on-time rate drawn from a hash of their key salted from `context.random` (80 % to 97 %), some tasks done late, the
 * rest left overdue; tasks of the current periods about half done. Deterministic for a seed.
 */
export async function generateDutiesDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx, random, keys } = context;
  const [county] = await tx
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(sql`${territories.parentId} is null`)
    .orderBy(territories.code)
    .limit(1);
  if (!county) return { dutyItems: 0, dutyTasks: 0 };
  const [community] = await tx
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(sql`${territories.level} = 'community'`)
    .orderBy(territories.code)
    .limit(1);
  const items = columnArrays(dutyItems, [
    'id',
    'communityId',
    'territoryCode',
    'roleGroup',
    'title',
    'description',
    'mode',
    'frequency',
    'evidence',
    'shared',
    'sortOrder',
    'startsOn',
    'endsOn',
    'createdBy',
  ]);
  TEMPLATE.forEach((t, i) =>
    pushRow(items, buildDutyItem({ ...t, territoryCode: county.code, sortOrder: i, startsOn: '2024-01-01' })),
  );
  if (community) {
    COMMUNITY_ITEMS.forEach((t, i) =>
      pushRow(
        items,
        buildDutyItem({
          ...t,
          communityId: community.id,
          territoryCode: community.code,
          sortOrder: 100 + i,
          startsOn: '2025-01-01',
        }),
      ),
    );
  }
  await insertColumns(tx, dutyItems, items);

  const today = shanghaiDay();
  const salt = random.int(1, 1_000_000_000);
  const notes = Object.fromEntries(Object.entries(NOTES).map(([k, v]) => [k, encrypt(keys, v)]));
  let created = 0;
  await withIndexesDeferred(tx, [dutyTasks, dutyTaskAssignees], async () => {
    // r: the task's draw (0..999); cut: its holder's on-time share (800..969). Past tasks: on time below the cut,
    // late up to 40 more, else overdue. Tasks still running: half done since their first day, never in the future.
    const r = sql`(abs(hashtext(${`${salt}:`} || k.id::text)::bigint) % 1000)::int`;
    const cut = sql`(800 + abs(hashtext(${`${salt}:h:`} || k.holder_key::text)::bigint) % 170)::int`;
    const at = sql`case when k.due_on < ${today}::date and ${r} < ${cut} then
          (k.period_start + (${r} % (k.due_on - k.period_start + 1)))::timestamp at time zone 'Asia/Shanghai'
            + (9 + ${r} % 9) * interval '1 hour' + (${r} % 60) * interval '1 minute'
        when k.due_on < ${today}::date and ${r} < ${cut} + 40 then
          (least(k.due_on + 1 + ${r} % 3, ${today}::date - 1))::timestamp at time zone 'Asia/Shanghai'
            + (10 + ${r} % 8) * interval '1 hour'
        when k.due_on >= ${today}::date and k.period_start < ${today}::date and ${r} < 500 then
          k.period_start::timestamp at time zone 'Asia/Shanghai' + (9 + ${r} % 9) * interval '1 hour'
      end`;
    created = await generateTasks(
      tx,
      { from: addDays(today, -55), to: today },
      {
        doneAt: sql`(select x.at from (select ${at} as at) x where x.at < now())`,
        note: sql`case k.evidence when 'note' then ${notes.note} when 'visit' then ${notes.visit}
          when 'photo' then ${notes.photo} end`,
      },
    );
  });
  return { dutyItems: TEMPLATE.length + (community ? COMMUNITY_ITEMS.length : 0), dutyTasks: created };
}
