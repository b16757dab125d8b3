import { sql } from 'drizzle-orm';
import { rowsOf, withIndexesDeferred } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { encrypt } from '../../core/auth/personal-data.ts';
import { generateRoundTasks } from '../duties/duties.public.ts';
import { territories } from '../territory/territory.public.ts';
import { buildRound } from './rounds.factories.ts';
import { NO_VISITOR } from './rounds.service.ts';
import { roundGrids, roundHouseholds, rounds, roundVisitors, roundVisits } from './rounds.tables.ts';

/** The county-wide rounds done since 2022 (the report: "2022 年以来 5 轮全覆盖敲门行动"). */
const PAST_ROUNDS = [
  { name: '2022 年春季全覆盖敲门行动', startsOn: '2022-03-07', days: 21, purpose: '疫情防控与人口底数核查' },
  { name: '2022 年秋季全覆盖敲门行动', startsOn: '2022-10-10', days: 21, purpose: '冬季安全与困难群众排查' },
  { name: '2023 年全覆盖敲门行动', startsOn: '2023-06-05', days: 28, purpose: '防汛与独居老人关爱' },
  { name: '2024 年全覆盖敲门行动', startsOn: '2024-05-13', days: 28, purpose: '矛盾纠纷排查化解' },
  { name: '2025 年全覆盖敲门行动', startsOn: '2025-09-01', days: 28, purpose: '民生需求与燃气安全排查' },
] as const;

const CHECKLIST = [
  { key: 'q1', text: '是否有独居老人需要帮助？' },
  { key: 'q2', text: '是否存在燃气、电动车充电等安全隐患？' },
  { key: 'q3', text: '是否有矛盾纠纷需要调解？' },
];

/** Notes of the documented outcomes: no personal data. */
const NOTES = {
  refused: '住户表示不便接待，已留联系卡',
  vacant: '房屋空置，门口无人居住迹象',
  moved_out: '邻居反映已搬走，待核实后办理迁出',
} as const;

/**
 * The rounds module's demo data: five completed county-wide rounds since 2022 (about 99 % covered, each closed with
 * a reason for the few households left) and one open round started this month, about half done. Everything is made
 * in SQL (INSERT … SELECT from the round's households), the indexes of the big tables deferred: an outcome is a hash
 * of the household's place (building code, unit, room) salted from `context.random`, so a seed gives the same
 * county. Each grid's visits are made by its grid worker (the first by name).
 */
export async function generateRoundsDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx, random, keys } = context;
  const [county] = await tx
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(sql`${territories.parentId} is null`)
    .orderBy(territories.code)
    .limit(1);
  if (!county) return { rounds: 0, roundVisits: 0 };
  const today = shanghaiDay();
  // The open round started two weeks ago and runs a month: about half its households are visited.
  const openStart = shanghaiDay(new Date(Date.parse(`${today}T12:00:00+08:00`) - 14 * 86_400_000));
  const plans = [
    ...PAST_ROUNDS.map((r) => ({ ...r, open: false, share: 1 })),
    {
      name: `${openStart.slice(0, 4)} 年 ${Number(openStart.slice(5, 7))} 月敲门行动`,
      startsOn: openStart,
      days: 30,
      purpose: '入户走访与民情收集',
      open: true,
      share: 0.5,
    },
  ];
  const notes = Object.fromEntries(Object.entries(NOTES).map(([k, v]) => [k, encrypt(keys, v)]));
  let visits = 0;
  await withIndexesDeferred(tx, [roundHouseholds, roundVisits], async () => {
    // The grids' visitors: each grid's first worker by name (and their account, when they have one).
    await tx.execute(sql`
      create temporary table demo_round_visitors on commit drop as
      select distinct on (gw.grid_id) gw.grid_id, gw.person_id, p.user_id
      from grid_workers gw join persons p on p.id = gw.person_id
      order by gw.grid_id, p.name, gw.starts_on, gw.territory_code`);
    // The county's households with their order keys and their registry period, joined once for every round.
    await tx.execute(sql`
      create temporary table demo_round_base on commit drop as
      select h.id, b.grid_id, h.territory_code, h.building_id, b.code, u.number, h.room,
        case when h.room ~ '^[0-9]{3,6}$' then substr(h.room, 1, length(h.room) - 2)::smallint else 0::smallint end
          as floor,
        b.code || ':' || u.number || ':' || h.room as place,
        h.created_at, h.moved_out_at
      from households h join buildings b on b.id = h.building_id join units u on u.id = h.unit_id
      where h.territory_code like ${`${county.code}%`}`);
    for (const plan of plans) {
      const salt = random.int(1, 1_000_000_000);
      const start = Date.parse(`${plan.startsOn}T00:00:00+08:00`);
      const endsOn = shanghaiDay(new Date(start + (plan.days - 1) * 86_400_000 + 12 * 3_600_000));
      // First visits fall on the round's days but its last four (the open round: its first ten, so that a second
      // visit, one to three days later, is still in the past).
      const span = plan.open ? 10 : plan.days - 4;
      const round = buildRound({
        territoryId: county.id,
        territoryCode: county.code,
        name: plan.name,
        purpose: plan.purpose,
        startsOn: plan.startsOn,
        endsOn,
        checklist: CHECKLIST,
        status: plan.open ? 'open' : 'closed',
        openedAt: new Date(start + 9 * 3_600_000),
        closeReason: plan.open ? null : '个别住户多次上门未遇，已转入日常走访跟进',
      });
      await tx.insert(rounds).values(round);
      // The open round's per-round duty tasks, as opening it made them.
      if (plan.open) await generateRoundTasks(tx, { ...round, endsOn }, today);
      // r: the household's draw in 0..999 (one hash of its place), then its first visit (at1) and a second one to
      // three days later (at2).
      const cut = plan.open ? Math.round(1000 * plan.share) : 1000;
      const from = new Date(start).toISOString();
      const opened = round.openedAt.toISOString();
      await tx.execute(sql`
        insert into ${roundHouseholds} (round_id, household_id, grid_id, territory_code, building_id, building_code,
          unit_number, floor, room, state, visits, last_outcome, last_visited_at, nobody_home_on, covered_at)
        select ${round.id}::uuid, x.id, x.grid_id, x.territory_code, x.building_id, x.code, x.number, x.floor, x.room,
          case when x.r >= ${cut} then 'pending'
               when x.r < 940 then 'met' when x.r < 965 then 'attempted'
               when x.r < 990 then 'documented' else 'pending' end,
          case when x.r >= ${cut} then 0 when x.r < 880 then 1 when x.r < 965 then 2 else 1 end,
          case when x.r >= ${cut} then null when x.r < 940 then 'met'
               when x.r < 965 then 'nobody_home' when x.r < 975 then 'refused' when x.r < 985 then 'vacant'
               when x.r < 990 then 'moved_out' else 'nobody_home' end,
          case when x.r >= ${cut} then null when x.r between 880 and 964 then x.at2 else x.at1 end,
          case when x.r between 880 and 964 or x.r >= 990 and x.r < ${cut}
            then (x.at1 at time zone 'Asia/Shanghai')::date end,
          case when x.r >= ${cut} or x.r >= 990 then null when x.r between 880 and 964 then x.at2 else x.at1 end
        from (
          select y.*,
            ${from}::timestamptz + ((y.r * 7919) % ${span}) * interval '1 day'
              + (9 + y.r % 10) * interval '1 hour' + (y.r % 60) * interval '1 minute' as at1,
            ${from}::timestamptz + ((y.r * 7919) % ${span} + 1 + y.r % 3) * interval '1 day'
              + (18 + y.r % 3) * interval '1 hour' as at2
          from (
            select base.*, abs(hashtext(${`${salt}:`} || base.place)::bigint) % 1000 as r from demo_round_base base
            -- A round lists the households registered on the day it opened (as opening one does).
            where base.created_at <= ${opened}::timestamptz
              and (base.moved_out_at is null or base.moved_out_at > ${opened}::timestamptz)
            -- OFFSET 0 keeps each subquery whole: pulled up, its r, at1 and at2 would be computed again in every
            -- expression that names them (r twenty times a row).
            offset 0
          ) y
          offset 0
        ) x`);
      // The first visit of every visited household, then the second of those visited twice.
      const inserted = await rowsOf<{ n: number }>(
        tx,
        sql`
        with v as (
          insert into ${roundVisits} (id, client_id, round_id, household_id, territory_code, building_id,
            visitor_user_id, visitor_person_id, visited_at, outcome, answers, note_enc, follow_up)
          select md5(${`v${salt}:`} || rh.household_id || s.at)::uuid, md5(${`c${salt}:`} || rh.household_id || s.at)::uuid,
            rh.round_id, rh.household_id, rh.territory_code, rh.building_id,
            w.user_id, w.person_id, s.at, s.outcome, s.answers, s.note, s.follow_up
          from ${roundHouseholds} rh
          left join demo_round_visitors w on w.grid_id = rh.grid_id
          cross join lateral (
            select case when rh.visits = 2 then rh.nobody_home_on::timestamp at time zone 'Asia/Shanghai'
                          + interval '10 hours' + (abs(hashtext(rh.room)::bigint) % 480) * interval '1 minute'
                        else rh.last_visited_at end as at,
              case when rh.visits = 2 then 'nobody_home' else rh.last_outcome end as outcome,
              case when rh.visits = 1 and rh.last_outcome = 'met' then jsonb_build_object(
                'q1', abs(hashtext(rh.room || ${String(salt)})::bigint) % 50 = 0,
                'q2', abs(hashtext(rh.room || ${String(salt)})::bigint) % 40 = 1,
                'q3', abs(hashtext(rh.room || ${String(salt)})::bigint) % 60 = 2) else '{}'::jsonb end as answers,
              case rh.last_outcome when 'refused' then ${notes.refused} when 'vacant' then ${notes.vacant}
                when 'moved_out' then ${notes.moved_out} end as note,
              rh.last_outcome = 'met' and abs(hashtext(rh.room || ${String(salt)})::bigint) % 50 = 0 as follow_up
            union all
            select rh.last_visited_at, rh.last_outcome, '{}'::jsonb, null, false where rh.visits = 2
          ) s
          where rh.round_id = ${round.id}::uuid and rh.visits > 0
          returning 1)
        select count(*)::int as n from v`,
      );
      visits += inserted[0]!.n;
      // The visitors' counters: each grid's visits are its worker's.
      await tx.execute(sql`
        insert into ${roundVisitors} (round_id, grid_id, territory_code, visitor_key, visitor_user_id,
          visitor_person_id, visits, households)
        select ${round.id}::uuid, rh.grid_id, rh.territory_code, coalesce(w.person_id, w.user_id, ${NO_VISITOR}::uuid),
          w.user_id, w.person_id, sum(rh.visits)::int, count(*)::int
        from ${roundHouseholds} rh left join demo_round_visitors w on w.grid_id = rh.grid_id
        where rh.round_id = ${round.id}::uuid and rh.visits > 0
        group by rh.grid_id, rh.territory_code, w.person_id, w.user_id`);
      await tx.execute(sql`
        insert into ${roundGrids} (round_id, grid_id, territory_code, households, visited, covered)
        select ${round.id}::uuid, grid_id, territory_code, count(*)::int, (count(*) filter (where visits > 0))::int,
          (count(*) filter (where state <> 'pending'))::int
        from ${roundHouseholds} where round_id = ${round.id}::uuid group by grid_id, territory_code`);
      await tx.execute(sql`
        update ${rounds} set households = (select coalesce(sum(households), 0)::int from ${roundGrids}
          where round_id = ${round.id}::uuid) where id = ${round.id}::uuid`);
      context.progress?.(plans.indexOf(plan) + 1, plans.length, 'door-knocking rounds');
    }
  });
  return { rounds: plans.length, roundVisits: visits };
}
