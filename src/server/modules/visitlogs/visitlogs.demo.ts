import { sql } from 'drizzle-orm';
import { jsonRows, rowsOf, withIndexesDeferred } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { personName, surname } from '../../core/demo/names.ts';
import type { Random } from '../../core/demo/random.ts';
import type { Executor } from '../../core/db/client.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoAccountRecords } from '../accounts/accounts.public.ts';
import { buildVisitLog, buildVisitLogComment, type VisitLogRow } from './visitlogs.factories.ts';
import { visitLogComments, visitLogs, type FollowUpStatus, type VisitLogKind } from './visitlogs.tables.ts';

/** Templates of what grid workers learn: {who} a resident (made-up name), {place} the building. */
const TEMPLATES: Record<VisitLogKind, { text: string; tags: string[] }[]> = {
  need: [
    { text: '{who}独居，子女在外地，希望社区提供助餐服务，每天中午送餐上门。', tags: ['独居老人', '助餐'] },
    {
      text: '{who}腿脚不便，上下楼困难，希望协调加装电梯，并申请居家养老上门服务。',
      tags: ['加装电梯', '养老服务'],
    },
    { text: '{who}患有慢性病，需要定期上门测量血压，已联系社区卫生服务站。', tags: ['就医'] },
    { text: '{who}家孩子放学后无人照看，希望社区开设四点半课堂。', tags: ['未成年人'] },
    { text: '{who}失业在家，希望了解社区就业岗位和技能培训信息。', tags: ['就业'] },
    { text: '{who}咨询低保申请条件和所需材料，已告知办理流程。', tags: ['低保困难', '政策咨询'] },
    { text: '冬季供暖不足，{place}多户反映室温偏低，需要联系供热公司检修。', tags: ['供暖'] },
    { text: '{who}家卫生间漏水影响楼下住户，希望物业尽快维修。', tags: ['房屋漏水', '物业服务'] },
    { text: '{who}是残疾人，需要办理辅具申领，已协助准备材料。', tags: ['残疾人'] },
  ],
  conflict: [
    {
      text: '{place}楼道堆放杂物，存在消防隐患，{who}与邻居因清理问题发生争执。',
      tags: ['楼道堆物', '邻里纠纷', '安全隐患'],
    },
    { text: '小区停车难，夜间车辆占用消防通道，{who}多次反映。', tags: ['停车'] },
    { text: '{who}反映楼上住户夜间噪音扰民，双方沟通未果，需要调解。', tags: ['噪音扰民', '邻里纠纷'] },
    { text: '{who}与物业因物业费问题产生纠纷，已约双方到社区协商。', tags: ['物业服务'] },
    { text: '{who}家因赡养老人问题产生家庭矛盾，已上门劝解。', tags: ['家庭矛盾'] },
    { text: '{place}有住户在楼道给电动车充电，邻居担心安全，发生口角。', tags: ['电动车充电', '安全隐患'] },
    { text: '{who}在一楼私自搭建棚屋，周边住户有意见。', tags: ['违章搭建'] },
  ],
  opinion: [
    { text: '{who}建议在小区增设健身器材和休息座椅。', tags: [] },
    { text: '{who}建议增加垃圾分类投放点，并定时清运。', tags: ['环境卫生'] },
    { text: '居民对近期物业保洁服务表示满意，{who}特别表扬了保洁员。', tags: ['表扬', '物业服务'] },
    { text: '{who}希望社区多组织文体活动，丰富老年人生活。', tags: ['养老服务'] },
    { text: '{who}建议完善{place}周边路灯照明，夜间出行不便。', tags: ['安全隐患'] },
  ],
  other: [
    { text: '走访{place}，住户情况稳定，未发现新的困难和问题。', tags: [] },
    { text: '{who}家新增一名家庭成员，已提醒到社区更新登记信息。', tags: [] },
    { text: '协助{who}办理老年人优待证，材料已提交。', tags: ['政策咨询'] },
  ],
};

const ENDINGS = [
  '',
  '已记录，待跟进。',
  '已向社区报告。',
  '已当场答复。',
  '下周再次回访。',
  '已转物业处理。',
];

const COMMENTS = [
  '请尽快协调解决，结果及时反馈。',
  '已转物业公司处理，请跟踪落实。',
  '此事纳入下月党群议事会议题。',
  '做得好，继续跟踪。',
  '请联系社区卫生服务站上门服务。',
  '请会同楼栋长再次上门了解情况。',
];

function who(random: Random, building: string, room: string) {
  switch (random.int(0, 3)) {
    case 0:
      return `${surname(random)}${random.pick(['阿姨', '大爷', '奶奶', '爷爷'])}`;
    case 1:
      return `${building}${room}室${personName(random, random.chance(0.5) ? 'male' : 'female')}`;
    case 2:
      return `居民${personName(random, random.chance(0.5) ? 'male' : 'female')}`;
    default:
      return `${surname(random)}${random.pick(['先生', '女士'])}`;
  }
}

/**
 * The visit logs' demo data: about 3,000 logs at scale 1 (150 at the tests' 0.05) from 2022-01-01 to today, written
 * by each grid's first grid worker (an account's first) or, for a building with a leader, often by the leader; texts
 * from templates with made-up names, tags, follow-up statuses by age, and comments on about a third by the demo
 * supervisor over the log (the community's secretary or worker, the street's administrator, else the county's).
 * Households are drawn from the registry in an order the seed decides (building code, room).
 */
export async function generateVisitLogsDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx, random, keys, options } = context;
  const houses = await jsonRows<{
    id: string;
    buildingId: string;
    building: string;
    room: string;
    code: string;
    gridId: string;
    createdAt: string;
  }>(
    tx,
    sql`select h.id::text as "id", h.building_id::text as "buildingId", b.name as "building", h.room,
      h.territory_code as "code", b.grid_id::text as "gridId", h.created_at::text as "createdAt"
      from households h join buildings b on b.id = h.building_id
      where h.moved_out_at is null order by b.code, h.room, h.created_at, h.id`,
  );
  if (houses.length === 0) return { visitLogs: 0, visitLogComments: 0 };
  const workers = await rowsOf<{ gridId: string; personId: string; userId: string | null }>(
    tx,
    sql`select distinct on (gw.grid_id) gw.grid_id::text as "gridId", gw.person_id::text as "personId",
      p.user_id::text as "userId"
      from grid_workers gw join persons p on p.id = gw.person_id
      where gw.ends_on is null
      order by gw.grid_id, (p.user_id is null), p.name, gw.starts_on`,
  );
  const workerOf = new Map(workers.map((w) => [w.gridId, w]));
  const leaders = await rowsOf<{ buildingId: string; personId: string; userId: string | null }>(
    tx,
    sql`select distinct on (lt.building_id) lt.building_id::text as "buildingId", lt.person_id::text as "personId",
      p.user_id::text as "userId"
      from leader_terms lt join persons p on p.id = lt.person_id
      where lt.status = 'approved'
      order by lt.building_id, (p.user_id is null), lt.starts_on desc, p.name`,
  );
  const leaderOf = new Map(leaders.map((l) => [l.buildingId, l]));
  // The supervisors who comment: demo accounts by the code of the place they oversee.
  const accounts = demoAccountRecords(context);
  const anchors = accounts.flatMap((a) =>
    ['street_admin', 'community_secretary', 'community_worker', 'county_admin'].includes(a.role)
      ? [{ id: a.id, role: a.role, places: a.roles.flatMap((r) => r.scopeIds) }]
      : [],
  );
  const placeIds = anchors.flatMap((a) => a.places);
  const codes = placeIds.length
    ? await rowsOf<{ id: string; code: string }>(
        tx,
        sql`select id::text as id, code from territories where id = any(${sql.param(placeIds)}::uuid[])`,
      )
    : [];
  const codeOf = new Map(codes.map((c) => [c.id, c.code]));
  const supervisors = anchors
    .flatMap((a) =>
      a.role === 'county_admin'
        ? [{ id: a.id, code: '' }]
        : a.places.map((p) => ({ id: a.id, code: codeOf.get(p) ?? '\u0000' })),
    )
    .sort((a, b) => b.code.length - a.code.length || a.id.localeCompare(b.id));
  const supervisorFor = (code: string) => {
    const fits = supervisors.filter((s) => code.startsWith(s.code));
    const longest = fits[0]?.code.length;
    const best = fits.filter((s) => s.code.length === longest);
    return best.length ? random.pick(best).id : null;
  };

  const total = Math.max(60, Math.round(3000 * options.scale));
  const first = Date.parse('2022-01-01T00:00:00+08:00');
  const today = shanghaiDay();
  const last = Date.parse(`${today}T00:00:00+08:00`);
  const days = Math.floor((last - first) / 86_400_000) + 1;
  const kinds: VisitLogKind[] = ['need', 'need', 'need', 'conflict', 'conflict', 'opinion', 'other'];
  const logs: VisitLogRow[] = [];
  const comments: ReturnType<typeof buildVisitLogComment>[] = [];
  for (let i = 0; i < total; i++) {
    const day = first + random.int(0, days - 1) * 86_400_000;
    const occurredOn = shanghaiDay(new Date(day + 12 * 3_600_000));
    const house = random.pick(houses);
    const kind = random.pick(kinds);
    const template = random.pick(TEMPLATES[kind]);
    const text =
      template.text
        .replace('{who}', who(random, house.building, house.room))
        .replace('{place}', house.building) + random.pick(ENDINGS);
    const leader = leaderOf.get(house.buildingId);
    const author = leader && random.chance(0.3) ? leader : workerOf.get(house.gridId);
    // Written the same day or the next, at a working hour, never in the future.
    const createdAt = new Date(
      Math.min(Date.now() - 60_000, day + random.int(0, 1) * 86_400_000 + random.int(9, 19) * 3_600_000),
    );
    const age = (Date.now() - day) / 86_400_000;
    let followUp: FollowUpStatus = 'none';
    if (kind === 'need' || kind === 'conflict') {
      followUp =
        age > 60
          ? random.chance(0.9)
            ? 'done'
            : 'in_progress'
          : random.pick(['open', 'in_progress', 'done'] as const);
    } else if (random.chance(0.2)) {
      followUp = age > 30 ? 'done' : 'open';
    }
    const onGrid = random.chance(0.1);
    const row = buildVisitLog(keys, {
      kind,
      text,
      tags: [...template.tags, ...(random.chance(0.1) ? ['重点关注'] : [])],
      placeKind: onGrid ? 'grid' : 'households',
      territoryCode: house.code,
      gridId: house.gridId,
      buildingId: onGrid ? null : house.buildingId,
      buildingIds: onGrid ? [] : [house.buildingId],
      householdIds: onGrid ? [] : [house.id],
      occurredOn,
      followUp,
      authorUserId: author?.userId ?? null,
      authorPersonId: author?.personId ?? null,
      createdAt,
    });
    logs.push(row);
    if (random.chance(0.3)) {
      const supervisor = supervisorFor(house.code);
      if (supervisor) {
        comments.push(
          buildVisitLogComment(keys, {
            logId: row.id,
            text: random.pick(COMMENTS),
            authorUserId: supervisor,
            createdAt: new Date(
              Math.min(Date.now() - 30_000, createdAt.getTime() + random.int(1, 72) * 3_600_000),
            ),
          }),
        );
      }
    }
    if (i % 500 === 499) context.progress?.(i + 1, total, 'visit logs');
  }
  // Array columns cannot go through insertColumns (unnest flattens a text[][]): each array travels as one text
  // (tokens and tags hold no space, ids no comma) and is split in SQL; the GIN indexes are built once after.
  await withIndexesDeferred(tx, [visitLogs], async () => {
    for (let i = 0; i < logs.length; i += 1000) await insertLogs(tx, logs.slice(i, i + 1000));
  });
  for (let i = 0; i < comments.length; i += 1000) {
    await tx.insert(visitLogComments).values(comments.slice(i, i + 1000));
  }
  return { visitLogs: logs.length, visitLogComments: comments.length };
}

/** Inserts built log rows with one `insert … select from unnest(…)` statement, arrays passed as joined text. */
async function insertLogs(tx: Executor, rows: VisitLogRow[]) {
  const column = <T>(pick: (r: VisitLogRow) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`
    insert into ${visitLogs} (id, kind, text_enc, search_tokens, tags, place_kind, territory_code, grid_id, building_id,
      building_ids, household_ids, occurred_on, follow_up, author_user_id, author_person_id, created_at, updated_at)
    select id, kind, text_enc, string_to_array(tokens, ' '), string_to_array(tags, ' '), place_kind, territory_code,
      grid_id, building_id, string_to_array(building_ids, ',')::uuid[], string_to_array(household_ids, ',')::uuid[],
      occurred_on, follow_up, author_user_id, author_person_id, created_at, updated_at
    from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.kind)}::text[],
      ${column((r) => r.textEnc)}::text[], ${column((r) => r.searchTokens.join(' '))}::text[],
      ${column((r) => r.tags.join(' '))}::text[], ${column((r) => r.placeKind)}::text[],
      ${column((r) => r.territoryCode)}::text[], ${column((r) => r.gridId)}::uuid[],
      ${column((r) => r.buildingId)}::uuid[], ${column((r) => r.buildingIds.join(','))}::text[],
      ${column((r) => r.householdIds.join(','))}::text[], ${column((r) => r.occurredOn)}::date[],
      ${column((r) => r.followUp)}::text[], ${column((r) => r.authorUserId)}::uuid[],
      ${column((r) => r.authorPersonId)}::uuid[], ${column((r) => r.createdAt.toISOString())}::timestamptz[],
      ${column((r) => r.updatedAt.toISOString())}::timestamptz[])
      as x(id, kind, text_enc, tokens, tags, place_kind, territory_code, grid_id, building_id, building_ids,
        household_ids, occurred_on, follow_up, author_user_id, author_person_id, created_at, updated_at)`);
}
