import { sql, type SQL } from 'drizzle-orm';
import { roleAssignments } from '../../core/auth/auth.tables.ts';
import type { Executor } from '../../core/db/client.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { leaderTerms } from '../leaders/leaders.public.ts';
import { partyOrgPlaces, partyOrgs, partyRegistrations, partySecretaries } from '../party/party.public.ts';
import { gridWorkers, persons } from '../people/people.public.ts';
import { buildings } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { dutyTaskAssignees, dutyTasks, sharedGroups } from './duties.tables.ts';

/**
 * SQL (a subquery): every post behind a role group, with its valid period — one row per post and place:
 * `grp`, `holder_key` (the person, else the account), `person_id`, `user_id`, `territory_code` (the grid, or the
 * community of a community secretary), `building_id` (a leader's), `grid_id` (the grid of a branch secretary's or a
 * grid worker's post, for shared duties), `starts_on`, `ends_on` (both days included, null: still on).
 *
 * - community secretary: an account with the community_secretary role on a community (the role's from..to as
 *   Shanghai days), or the secretary of the community's party-building alliance;
 * - branch secretary: the secretary of a grid branch, once per grid the branch covers, while both last;
 * - registered cadre: an approved residence registration (双报到), at its household's grid;
 * - grid worker: each grid worker post; building leader: each approved building or unit leader term.
 */
export function holdersSql(): SQL {
  return sql`(
    select 'community_secretary' as grp, coalesce(p.id, ra.user_id) as holder_key, p.id as person_id,
      ra.user_id, t.code as territory_code, null::uuid as building_id, null::uuid as grid_id,
      coalesce((ra.starts_at at time zone 'Asia/Shanghai')::date, date '2000-01-01') as starts_on,
      ((ra.ends_at - interval '1 microsecond') at time zone 'Asia/Shanghai')::date as ends_on
    from ${roleAssignments} ra
    join ${territories} t on t.id = any(ra.scope_ids) and t.level = 'community'
    left join ${persons} p on p.user_id = ra.user_id
    where ra.role = 'community_secretary'
    union all
    select 'community_secretary', ps.person_id, ps.person_id, p.user_id, o.community_code, null, null,
      greatest(ps.starts_on, o.starts_on), least(ps.ends_on, o.ends_on)
    from ${partySecretaries} ps
    join ${partyOrgs} o on o.id = ps.org_id and o.kind = 'alliance'
    join ${persons} p on p.id = ps.person_id
    union all
    select 'branch_secretary', ps.person_id, ps.person_id, p.user_id, pl.territory_code, null, pl.place_id,
      greatest(ps.starts_on, o.starts_on), least(ps.ends_on, o.ends_on)
    from ${partySecretaries} ps
    join ${partyOrgs} o on o.id = ps.org_id and o.kind = 'branch'
    join ${partyOrgPlaces} pl on pl.org_id = o.id and pl.place_kind = 'grid'
    join ${persons} p on p.id = ps.person_id
    union all
    select 'registered_cadre', pr.person_id, pr.person_id, p.user_id, pr.territory_code, null, null,
      pr.starts_on, pr.ends_on
    from ${partyRegistrations} pr
    join ${persons} p on p.id = pr.person_id
    where pr.starts_on is not null and pr.status in ('approved', 'deregistered', 'transferred')
    union all
    select 'grid_worker', gw.person_id, gw.person_id, p.user_id, gw.territory_code, null, gw.grid_id,
      gw.starts_on, gw.ends_on
    from ${gridWorkers} gw
    join ${persons} p on p.id = gw.person_id
    union all
    select 'building_leader', lt.person_id, lt.person_id, p.user_id, b.territory_code, b.id, null,
      lt.starts_on, lt.ends_on
    from ${leaderTerms} lt
    join ${buildings} b on b.id = lt.building_id
    join ${persons} p on p.id = lt.person_id
    where lt.status = 'approved'
  )`;
}

/** SQL: the holder row `h` (of holdersSql) is on during the day expression `day`. */
const holds = (day: SQL) => sql`(h.starts_on <= ${day} and (h.ends_on is null or h.ends_on >= ${day}))`;

/**
 * Generates the dated tasks of every periodic item (daily / weekly / monthly, normal mode; `emergency: true` adds
 * the emergency items, for the one-key switch) for every period touching the days `from`..`to` (Asia/Shanghai
 * days): a daily period is its day, a weekly one Monday..Sunday, a monthly one the calendar month. A period's task
 * goes to each holder of the item's group on the period's last day up to `to` (today, for the daily job), inside
 * the item's community when it is a community's own item, with the item valid that day. A shared item gives one
 * task per grid, with the grid's branch secretaries and grid workers as its assignees.
 *
 * Idempotent: the unique key (item, period start, holder) turns a second run into no new row; the id is derived from
 * that key too (md5), so the primary key keeps it so while a bulk load has the secondary indexes dropped (the demo). Set-based: two statements however many holders. Returns the number of tasks created.
 */
export async function generateTasks(
  tx: Executor,
  range: { from: string; to: string; emergency?: boolean },
  history?: TaskHistory,
): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(tx, generationSql(range, history));
  return row!.n;
}

/**
 * Past tasks created already done (the demo's weeks of history): when each was done, or null, and its evidence
 * note, as expressions over the generated task `k` (columns id, holder_key, period_start, due_on, evidence). The
 * doer is the holder (a shared task's first person). One statement: an UPDATE of 134,000 tasks afterwards cost
 * 3.4 s of a 45 s demo seed on PGlite.
 */
export type TaskHistory = { doneAt: SQL; note: SQL };

/**
 * Generates the tasks of the per-round items (每轮, normal mode) of a door-knocking round when it opens, inside the
 * caller's transaction (rounds.openRound): one task per item and holder of the item's group whose post lies inside the
 * round's scope (`territoryCode`) on the round's first day (today, when it opens later), from the first day to the
 * last (its due day); a shared item gives one task per grid. Idempotent: each task's source key
 * `round:<round>:<item>:<holder>` (and its id, derived from it) makes a second call create nothing. A round closed
 * early leaves its tasks as they are (see rounds.closeRound). Set-based. Returns the number of tasks created.
 */
export async function generateRoundTasks(
  tx: Executor,
  round: { id: string; territoryCode: string; startsOn: string; endsOn: string },
  today: string,
): Promise<number> {
  const onDay = today > round.startsOn ? (today < round.endsOn ? today : round.endsOn) : round.startsOn;
  const periods = sql`(select 'per_round'::text as frequency, ${round.startsOn}::date as period_start,
    ${round.endsOn}::date as due_on, ${onDay}::date as on_day)`;
  const [row] = await rowsOf<{ n: number }>(
    tx,
    tasksSql({
      periods,
      modes: sql`('normal')`,
      holderIn: sql`h.territory_code like ${round.territoryCode} || '%'`,
      keyOf: (w) => sql`'round:' || ${round.id}::text || ':' || ${w}.item_id || ':' || ${w}.holder_key`,
      source: 'round',
    }),
  );
  return row!.n;
}

/** The statement of generateTasks (one, set-based), answering the number of tasks created as `n`. */
export function generationSql(
  range: { from: string; to: string; emergency?: boolean },
  history?: TaskHistory,
): SQL {
  const modes = range.emergency ? sql`('normal', 'emergency')` : sql`('normal')`;
  const periods = sql`(
    select pp.*, least(pp.due_on, ${range.to}::date) as on_day from (
    select s.frequency, s.period_start,
      case s.frequency when 'daily' then s.period_start
        when 'weekly' then s.period_start + 6
        else (s.period_start + interval '1 month' - interval '1 day')::date end as due_on
    from (
      select distinct f.frequency,
        case f.frequency when 'daily' then g::date when 'weekly' then date_trunc('week', g)::date
          else date_trunc('month', g)::date end as period_start
      from (values ('daily'), ('weekly'), ('monthly')) f(frequency)
      cross join generate_series(${range.from}::date, ${range.to}::date, interval '1 day') g
    ) s) pp
  )`;
  return tasksSql({
    periods,
    modes,
    holderIn: sql`true`,
    keyOf: (w) => sql`'duty:' || ${w}.item_id || ':' || ${w}.period_start || ':' || ${w}.holder_key`,
    source: 'generated',
    history,
  });
}

/**
 * The one statement making tasks: for each period of `periods` (frequency, period_start, due_on, on_day: the day the
 * holders and the item must be on), each item of that frequency and mode, each holder of its group (`holderIn`
 * narrows them) — a shared item one task per grid. A task's id is derived from `keyOf` (md5); a round's task also
 * keeps that key as its source key.
 */
function tasksSql(spec: {
  periods: SQL;
  modes: SQL;
  holderIn: SQL;
  keyOf: (alias: SQL) => SQL;
  source: 'generated' | 'round';
  history?: TaskHistory;
}): SQL {
  const { modes, holderIn, history } = spec;
  const shared = sql.raw(`(${sharedGroups.map((g) => `'${g}'`).join(', ')})`);
  const key = spec.keyOf(sql.raw('w'));
  return sql`
    with h as materialized ${holdersSql()},
    p as (select * from ${spec.periods} pp),
    wanted as (
      -- Each holder's own tasks.
      select i.id as item_id, i.role_group, i.mode, i.frequency, i.evidence, false as shared, p.period_start,
        p.due_on, h.holder_key, min(h.territory_code) as territory_code,
        (array_agg(h.building_id order by h.territory_code, h.building_id) filter (where h.building_id is not null))[1]
          as building_id,
        null::uuid[] as a_keys, null::uuid[] as a_persons, null::uuid[] as a_users, null::text[] as a_groups
      from duty_items i
      join p on p.frequency = i.frequency
      join h on h.grp = i.role_group and ${holds(sql`p.on_day`)} and ${holderIn}
        and h.territory_code like i.territory_code || '%'
      where not i.shared and i.mode in ${modes}
        and i.starts_on <= p.on_day and (i.ends_on is null or i.ends_on >= p.on_day)
      group by i.id, p.period_start, p.due_on, h.holder_key
      union all
      -- A shared item: one task per grid with a branch secretary or a grid worker on it.
      -- Its people: the grid's branch secretaries and grid workers on the period's day.
      select i.id, i.role_group, i.mode, i.frequency, i.evidence, true, p.period_start, p.due_on, h.grid_id,
        min(h.territory_code), null::uuid, array_agg(h.holder_key), array_agg(h.person_id), array_agg(h.user_id),
        array_agg(h.grp)
      from duty_items i
      join p on p.frequency = i.frequency
      join h on h.grp in ${shared} and h.grid_id is not null and ${holds(sql`p.on_day`)} and ${holderIn}
        and h.territory_code like i.territory_code || '%'
      where i.shared and i.mode in ${modes}
        and i.starts_on <= p.on_day and (i.ends_on is null or i.ends_on >= p.on_day)
      group by i.id, p.period_start, p.due_on, h.grid_id
    ),
    -- Each task's id, derived from its key (a UUID of version 8, RFC variant): deterministic, so the assignees below
    -- are keyed without reading back what was inserted (a second run finds them all present).
    keyed as (
      select w.*, ${key} as source_key,
        overlay(overlay(md5(${key}) placing '8' from 13) placing '8' from 17)::uuid as id
      from wanted w
    ),
    created as (
      insert into ${dutyTasks} (id, item_id, holder_key, period_start, due_on, role_group, mode, frequency, evidence,
        shared, territory_code, building_id, source, source_key${history ? sql`, status, done_at, note_enc, done_by, done_person_id` : sql``})
      select k.id, k.item_id, k.holder_key, k.period_start, k.due_on, k.role_group, k.mode, k.frequency, k.evidence,
        k.shared, k.territory_code, k.building_id, ${spec.source},
        ${spec.source === 'round' ? sql`k.source_key` : sql`null`}${
          history
            ? sql`, case when d.at is null then 'open' else 'done' end, d.at,
              case when d.at is not null then ${history.note} end,
              case when d.at is not null then d.user_id end, case when d.at is not null then d.person_id end`
            : sql``
        }
      from keyed k${
        history
          ? // OFFSET 0 keeps d whole: pulled up into the insert, its doneAt (a dozen hashes) was computed once for
            // each of the five places that name d.at (the demo's 155,000 tasks: 7.0 → 4.8 s CPU, same rows).
            sql` left join ${persons} pe on pe.id = k.holder_key and not k.shared
            cross join lateral (select ${history.doneAt} as at,
              case when k.shared then k.a_users[1] else coalesce(pe.user_id, case when pe.id is null then k.holder_key end)
                end as user_id,
              case when k.shared then k.a_persons[1] else pe.id end as person_id offset 0) d`
          : sql``
      }
      on conflict do nothing
      returning 1
    ),
    personal as (
      insert into ${dutyTaskAssignees} (task_id, holder_key, person_id, user_id, role_group, due_on)
      select k.id, k.holder_key, pe.id, coalesce(pe.user_id, case when pe.id is null then k.holder_key end),
        k.role_group, k.due_on
      from keyed k left join ${persons} pe on pe.id = k.holder_key
      where not k.shared
      on conflict do nothing
      returning 1
    ),
    -- A shared task's people (one who starts later in a period joins its task on the next run).
    joint as (
      insert into ${dutyTaskAssignees} (task_id, holder_key, person_id, user_id, role_group, due_on)
      select k.id, a.holder_key, a.person_id, a.user_id, a.grp, k.due_on
      from keyed k cross join lateral unnest(k.a_keys, k.a_persons, k.a_users, k.a_groups)
        as a(holder_key, person_id, user_id, grp)
      where k.shared
      on conflict do nothing
      returning 1
    )
    select (select count(*) from created)::int as n`;
}
