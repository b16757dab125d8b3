import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { decrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, territoryCodeCondition, type AuthContext, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { containsPattern, startsWith } from '../../core/db/like.ts';
import { errors, type ErrorDetail } from '../../core/http/errors.ts';
import { households } from '../registry/registry.public.ts';
import { loadInScope, territories } from '../territory/territory.public.ts';
import type {
  AppointGridWorkerInput,
  EndGridWorkerInput,
  GridLoadFilter,
  GridWorkerFilter,
  GridWorkerView,
} from './grid-workers.schemas.ts';
import {
  accessStartsOn,
  endPositionAccess,
  grantPositionAccess,
  type Grantor,
  type OpenedAccount,
} from './people.access.ts';
import { personInScope, recordPerson, refusingDuplicates } from './people.service.ts';
import { gridWorkers, persons } from './people.tables.ts';
import { shanghaiDay } from '../registry/registry.public.ts';

type Deps = { db: Db; keys: DataKeys };

/** The kind of position naming the role assignment a grid worker's service gives (one per worker, all grids). */
export const GRID_WORKER_SOURCE = 'grid_worker';

/** SQL: the grid worker row is serving on day `day` (both ends included). */
function activeOn(day: string): SQL {
  return sql`(${gridWorkers.startsOn} <= ${day} and (${gridWorkers.endsOn} is null or ${gridWorkers.endsOn} >= ${day}))`;
}

/** Rows still serving: no last day recorded. The list, the load and the access all follow these. */
const serving = isNull(gridWorkers.endsOn);

const community = alias(territories, 'community');

function selectServices(db: Executor) {
  return db
    .select({
      id: gridWorkers.id,
      personId: gridWorkers.personId,
      gridId: gridWorkers.gridId,
      gridCode: territories.code,
      gridName: territories.name,
      communityName: community.name,
      employment: gridWorkers.employment,
      occupation: gridWorkers.occupation,
      startsOn: gridWorkers.startsOn,
      endsOn: gridWorkers.endsOn,
    })
    .from(gridWorkers)
    .innerJoin(territories, eq(territories.id, gridWorkers.gridId))
    .leftJoin(community, eq(community.id, territories.parentId));
}
type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['execute']>>[number];

/** Households (not moved out) and serving workers of grids, by grid id. */
async function gridStats(db: Executor, gridIds: string[]) {
  const stats = new Map<string, { households: number; workers: number }>();
  if (gridIds.length === 0) return stats;
  const rows = await db
    .select({
      id: territories.id,
      // Qualified by hand: drizzle leaves a one-table query's columns unqualified, and gw has an id too.
      households: sql<number>`(select count(*) from ${households} h
        where h.territory_code = "territories"."code" and h.moved_out_at is null)::int`,
      workers: sql<number>`(select count(distinct gw.person_id) from ${gridWorkers} gw
        where gw.grid_id = "territories"."id" and gw.ends_on is null)::int`,
    })
    .from(territories)
    .where(sql`${territories.id} = any(${sql.param([...new Set(gridIds)])}::uuid[])`);
  for (const row of rows) stats.set(row.id, { households: row.households, workers: row.workers });
  return stats;
}

async function personsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: persons.id,
      name: persons.name,
      gender: persons.gender,
      mobileEnc: persons.mobileEnc,
      publishMobile: persons.publishMobile,
      territoryCode: persons.territoryCode,
      userId: persons.userId,
      accountName: users.displayName,
    })
    .from(persons)
    .leftJoin(users, eq(users.id, persons.userId))
    .where(sql`${persons.id} = any(${sql.param(ids)}::uuid[])`);
}
type WorkerPerson = Awaited<ReturnType<typeof personsByIds>>[number];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Builds the views of workers from their person rows and service rows; the load counts serving rows. */
async function presentWorkers(
  db: Executor,
  keys: DataKeys,
  people: WorkerPerson[],
  services: ServiceRow[],
  maxLoad: number,
): Promise<GridWorkerView[]> {
  const stats = await gridStats(
    db,
    services.filter((s) => s.endsOn === null).map((s) => s.gridId),
  );
  return people.map((p) => {
    const mine = services.filter((s) => s.personId === p.id);
    const view = (s: ServiceRow) => ({
      id: s.id,
      gridId: s.gridId,
      gridCode: s.gridCode,
      gridName: s.gridName,
      communityName: s.communityName,
      employment: s.employment,
      occupation: s.occupation,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      households: s.endsOn === null ? (stats.get(s.gridId)?.households ?? 0) : 0,
      workers: s.endsOn === null ? (stats.get(s.gridId)?.workers ?? 0) : 0,
    });
    const grids = mine.filter((s) => s.endsOn === null).map(view);
    const history = mine.filter((s) => s.endsOn !== null).map(view);
    const load = round1(grids.reduce((sum, g) => sum + (g.workers ? g.households / g.workers : 0), 0));
    const mobile = p.mobileEnc ? decrypt(keys, p.mobileEnc) : null;
    return {
      personId: p.id,
      name: p.name,
      gender: p.gender,
      mobile: mobile && !p.publishMobile ? maskMobile(mobile) : mobile,
      publishMobile: p.publishMobile,
      territoryCode: p.territoryCode,
      account: p.userId ? { id: p.userId, displayName: p.accountName ?? '' } : null,
      employment: grids[0]?.employment ?? null,
      occupation: grids[0]?.occupation ?? null,
      grids,
      history,
      load,
      overloaded: load > maxLoad,
    };
  });
}

const byCode = (a: { gridCode: string }, b: { gridCode: string }) =>
  a.gridCode < b.gridCode ? -1 : a.gridCode > b.gridCode ? 1 : 0;

/**
 * Grid workers serving a grid inside the scope (and the filter's place), a page at a time, by name: their grids
 * served now (all of them, for the load), employment and occupation, the mobile masked unless published, and their
 * household load marked above `maxLoad`.
 */
export async function listGridWorkers({ db, keys }: Deps, scope: Scope, filter: GridWorkerFilter) {
  const place = filter.territoryId ? (await loadInScope(db, scope, filter.territoryId)).code : undefined;
  const q = filter.q?.trim();
  const matching = await db
    .selectDistinct({ personId: gridWorkers.personId })
    .from(gridWorkers)
    .innerJoin(persons, eq(persons.id, gridWorkers.personId))
    .where(
      and(
        serving,
        territoryCodeCondition(scope, gridWorkers.territoryCode),
        place ? startsWith(gridWorkers.territoryCode, place) : undefined,
        filter.employment ? eq(gridWorkers.employment, filter.employment) : undefined,
        filter.occupation ? eq(gridWorkers.occupation, filter.occupation) : undefined,
        q ? sql`${persons.name} ilike ${containsPattern(q)}` : undefined,
      ),
    );
  const ids = matching.map((m) => m.personId);
  const [people, services] = await Promise.all([
    personsByIds(db, ids),
    ids.length
      ? selectServices(db)
          .where(and(serving, sql`${gridWorkers.personId} = any(${sql.param(ids)}::uuid[])`))
          .orderBy(asc(territories.code))
      : Promise.resolve([]),
  ]);
  let workers = await presentWorkers(db, keys, people, services, filter.maxLoad);
  if (filter.overloaded) workers = workers.filter((w) => w.overloaded === (filter.overloaded === 'true'));
  workers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.personId < b.personId ? -1 : 1));
  const start = (filter.page - 1) * filter.pageSize;
  return { rows: workers.slice(start, start + filter.pageSize), total: workers.length };
}

/** One worker who serves or served a grid inside the scope, with every grid and their ended service; 404 otherwise. */
export async function getGridWorker({ db, keys }: Deps, scope: Scope, personId: string, maxLoad: number) {
  const services = (
    await selectServices(db).where(eq(gridWorkers.personId, personId)).orderBy(asc(gridWorkers.startsOn))
  ).sort((a, b) => byCode(a, b));
  if (!services.some((s) => codeInScope(scope, s.gridCode))) throw errors.notFound();
  const people = await personsByIds(db, [personId]);
  const [worker] = await presentWorkers(db, keys, people, services, maxLoad);
  if (!worker) throw errors.notFound();
  return worker;
}

/**
 * Workload of every grid inside the scope (and the filter's place), in code order: households, workers serving it
 * (full-time, part-time), households per worker marked above `maxLoad`; `uncovered` keeps grids without (or with) a
 * worker.
 */
export async function listGridLoads(db: Executor, scope: Scope, filter: GridLoadFilter) {
  const place = filter.territoryId ? (await loadInScope(db, scope, filter.territoryId)).code : undefined;
  const counted = (condition: SQL) => sql<number>`(select count(distinct gw.person_id) from ${gridWorkers} gw
    where gw.grid_id = ${territories.id} and gw.ends_on is null and ${condition})::int`;
  const rows = await db
    .select({
      gridId: territories.id,
      gridCode: territories.code,
      gridName: territories.name,
      communityName: community.name,
      households: sql<number>`(select count(*) from ${households} h
        where h.territory_code = ${territories.code} and h.moved_out_at is null)::int`,
      workers: counted(sql`true`),
      fullTime: counted(sql`gw.employment = 'full_time'`),
      partTime: counted(sql`gw.employment = 'part_time'`),
    })
    .from(territories)
    .leftJoin(community, eq(community.id, territories.parentId))
    .where(
      and(
        eq(territories.level, 'grid'),
        territoryCodeCondition(scope, territories.code),
        place ? startsWith(territories.code, place) : undefined,
      ),
    )
    .orderBy(asc(territories.code));
  const all = rows.map((r) => {
    const loadPerWorker = r.workers ? round1(r.households / r.workers) : null;
    return { ...r, loadPerWorker, overloaded: loadPerWorker !== null && loadPerWorker > filter.maxLoad };
  });
  const data =
    filter.uncovered === undefined
      ? all
      : all.filter((g) => (g.workers === 0) === (filter.uncovered === 'true'));
  return {
    data,
    summary: {
      grids: all.length,
      uncovered: all.filter((g) => g.workers === 0).length,
      overloaded: all.filter((g) => g.overloaded).length,
      maxLoad: filter.maxLoad,
    },
  };
}

const notServing = { zh: '该人员未在此网格任职', en: 'The person does not serve this grid' };

/**
 * Serving grids of a person, after a change: the grids their one role assignment covers, from the first day of
 * their earliest post (a worker appointed ahead of time has no access before; one assignment per person, so a
 * further grid whose post starts later is covered from the earlier post's start).
 */
async function syncAccess(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  personId: string,
  grantor: Grantor,
): Promise<OpenedAccount | null> {
  const rows = await tx
    .select({ gridId: gridWorkers.gridId, startsOn: gridWorkers.startsOn })
    .from(gridWorkers)
    .where(and(eq(gridWorkers.personId, personId), serving));
  if (rows.length === 0) {
    await endPositionAccess(tx, actor, [personId]);
    return null;
  }
  const { opened } = await grantPositionAccess(
    tx,
    keys,
    actor,
    personId,
    {
      role: 'grid_worker',
      scopeKind: 'grids',
      scopeIds: [...new Set(rows.map((r) => r.gridId))].sort(),
      source: { kind: GRID_WORKER_SOURCE, id: personId },
      startsAt: accessStartsOn(rows.map((r) => r.startsOn).sort()[0]!),
      endsAt: null,
    },
    grantor,
  );
  return opened;
}

/**
 * Appoints a person grid worker of grids inside the caller's scope: an existing person (inside the scope, or
 * already serving a grid in it) or a new one recorded from a resident or standing alone. A grid the person already
 * serves answers 409. The person's one grid_worker role assignment is (re)granted over every grid they serve,
 * opening an account when they had none (returned once); an account they have must be one the caller could manage
 * (404 otherwise, and nothing is recorded).
 */
export async function appointGridWorker(
  { db, keys }: Deps,
  scopes: { write: Scope; residents: Scope | null },
  auth: AuthContext,
  actor: Actor,
  input: AppointGridWorkerInput,
): Promise<{ personId: string; opened: OpenedAccount | null }> {
  return refusingDuplicates(() =>
    db.transaction(async (tx) => {
      const grids = [];
      const wrongLevel: ErrorDetail[] = [];
      for (const [i, id] of input.gridIds.entries()) {
        const node = await loadInScope(tx, scopes.write, id);
        if (node.level !== 'grid') {
          wrongLevel.push({
            field: `gridIds.${i}`,
            code: 'level',
            message: { zh: '请选择网格', en: 'Choose a grid' },
          });
        }
        grids.push(node);
      }
      if (wrongLevel.length) throw errors.validation(wrongLevel);

      let personId: string;
      if (input.personId) {
        const [person] = await tx
          .select({ id: persons.id })
          .from(persons)
          .where(
            and(
              eq(persons.id, input.personId),
              sql`(${personInScope(scopes.write)} or exists (select 1 from ${gridWorkers} gw
                where gw.person_id = ${persons.id} and gw.ends_on is null
                and ${territoryCodeCondition(scopes.write, sql.raw('gw.territory_code'))}))`,
            ),
          )
          .limit(1);
        if (!person) throw errors.notFound();
        personId = person.id;
      } else {
        personId = await recordPerson(tx, keys, scopes, actor, input.person!);
      }
      // One appointment of a person at a time: the checks below and the insert see the same rows.
      await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for('update');
      const current = await tx
        .select({ gridId: gridWorkers.gridId })
        .from(gridWorkers)
        .where(and(eq(gridWorkers.personId, personId), serving));
      const taken = input.gridIds.findIndex((id) => current.some((c) => c.gridId === id));
      if (taken >= 0) {
        throw errors.conflict(`gridIds.${taken}`, {
          zh: '该人员已在此网格任网格员',
          en: 'The person already serves this grid',
        });
      }
      const startsOn = input.startsOn ?? shanghaiDay();
      await tx.insert(gridWorkers).values(
        grids.map((g) => ({
          id: newId(),
          personId,
          gridId: g.id,
          territoryCode: g.code,
          employment: input.employment,
          occupation: input.occupation,
          startsOn,
        })),
      );
      if (input.publishMobile !== undefined) {
        await tx
          .update(persons)
          .set({ publishMobile: input.publishMobile, updatedAt: new Date() })
          .where(eq(persons.id, personId));
      }
      await appendAudit(tx, actor, {
        action: 'grid_worker.appointed',
        entityType: 'grid_worker',
        entityId: personId,
        territoryCode: grids[0]!.code,
        changes: {
          grids: grids.map((g) => g.code),
          employment: input.employment,
          occupation: input.occupation,
          startsOn,
          ...(input.publishMobile !== undefined ? { publishMobile: input.publishMobile } : {}),
        },
      });
      const opened = await syncAccess(tx, keys, actor, personId, { auth, permission: 'grid_worker:write' });
      return { personId, opened };
    }),
  );
}

/**
 * Ends a worker's service on grids inside the caller's scope (all of them there when none are named) on `endsOn`
 * (today unless given; not after today, not before a service began). Their access shrinks to the grids still
 * served, or ends, within the transaction: their next request runs without it.
 */
export async function endGridWorker(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  personId: string,
  input: EndGridWorkerInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for('update');
    const rows = await tx
      .select({
        id: gridWorkers.id,
        gridId: gridWorkers.gridId,
        code: gridWorkers.territoryCode,
        startsOn: gridWorkers.startsOn,
        endsOn: gridWorkers.endsOn,
      })
      .from(gridWorkers)
      .where(
        and(eq(gridWorkers.personId, personId), territoryCodeCondition(scope, gridWorkers.territoryCode)),
      );
    if (rows.length === 0) throw errors.notFound();
    const open = rows.filter((r) => r.endsOn === null);
    let targets = open;
    if (input.gridIds) {
      const missing: ErrorDetail[] = [];
      input.gridIds.forEach((id, i) => {
        if (!open.some((r) => r.gridId === id)) {
          missing.push({ field: `gridIds.${i}`, code: 'not_serving', message: notServing });
        }
      });
      if (missing.length) throw errors.validation(missing);
      targets = open.filter((r) => input.gridIds!.includes(r.gridId));
    }
    if (targets.length === 0) {
      throw errors.validation([{ field: 'gridIds', code: 'not_serving', message: notServing }]);
    }
    const today = shanghaiDay();
    const endsOn = input.endsOn ?? today;
    if (endsOn > today) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'future',
          message: { zh: '最后任职日不能晚于今天', en: 'The last day served cannot be after today' },
        },
      ]);
    }
    if (targets.some((r) => endsOn < r.startsOn)) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'before_start',
          message: {
            zh: '最后任职日不能早于任职开始日',
            en: 'The last day served cannot be before the first',
          },
        },
      ]);
    }
    await tx
      .update(gridWorkers)
      .set({ endsOn, updatedAt: new Date() })
      .where(
        and(
          inArray(
            gridWorkers.id,
            targets.map((r) => r.id),
          ),
          isNull(gridWorkers.endsOn),
        ),
      );
    await appendAudit(tx, actor, {
      action: 'grid_worker.ended',
      entityType: 'grid_worker',
      entityId: personId,
      territoryCode: targets[0]!.code,
      changes: { grids: targets.map((r) => r.code), endsOn },
    });
    await syncAccess(tx, keys, actor, personId, 'kept');
  });
}

/**
 * The grid worker figures of a place within the scope as of `asOf` (its day in Shanghai): distinct persons serving
 * a grid on that day, and those serving part-time.
 */
export async function countGridWorkers(db: Executor, scope: Scope, code?: string, asOf?: Date) {
  const day = shanghaiDay(asOf ?? new Date());
  const [row] = await db
    .select({
      gridWorkers: sql<number>`count(distinct ${gridWorkers.personId})::int`,
      partTimeGridWorkers: sql<number>`(count(distinct ${gridWorkers.personId}) filter (where ${gridWorkers.employment} = 'part_time'))::int`,
    })
    .from(gridWorkers)
    .where(
      and(
        activeOn(day),
        territoryCodeCondition(scope, gridWorkers.territoryCode),
        code ? startsWith(gridWorkers.territoryCode, code) : undefined,
      ),
    );
  return { gridWorkers: row?.gridWorkers ?? 0, partTimeGridWorkers: row?.partTimeGridWorkers ?? 0 };
}

/** A grid ended by a redrawing (a grid plan applied) and the grid in force that takes over its workers. */
export type GridSuccession = { from: string; to: { id: string; code: string } };

/**
 * Moves the workers of grids a redrawing ended (a grid plan applied: the grids end the day before `day`) to their
 * successors, inside the caller's transaction: a service that had begun ends the day before and a new one on the
 * successor starts on `day` (same employment and occupation; none when the person already serves it); one that had
 * not begun yet is moved as it is. Each person's access follows at once (their one grid_worker assignment, over the
 * grids they now serve), and each move is audited as `grid_worker.moved`. Returns the persons moved.
 */
export async function moveWorkersOfEndedGrids(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  successions: GridSuccession[],
  day: string,
): Promise<string[]> {
  const successor = new Map(successions.map((s) => [s.from, s.to]));
  if (successor.size === 0) return [];
  const rows = await tx
    .select({
      id: gridWorkers.id,
      personId: gridWorkers.personId,
      gridId: gridWorkers.gridId,
      code: gridWorkers.territoryCode,
      employment: gridWorkers.employment,
      occupation: gridWorkers.occupation,
      startsOn: gridWorkers.startsOn,
    })
    .from(gridWorkers)
    .where(and(inArray(gridWorkers.gridId, [...successor.keys()]), serving))
    .orderBy(asc(gridWorkers.personId), asc(gridWorkers.territoryCode));
  if (rows.length === 0) return [];
  const persons = [...new Set(rows.map((r) => r.personId))];
  const served = await tx
    .select({ personId: gridWorkers.personId, gridId: gridWorkers.gridId })
    .from(gridWorkers)
    .where(and(inArray(gridWorkers.personId, persons), serving));
  const serves = new Set(served.map((s) => `${s.personId}:${s.gridId}`));
  const lastDay = shanghaiDay(new Date(Date.parse(`${day}T12:00:00+08:00`) - 86_400_000));
  const moved = new Map<string, { from: string[]; to: string[] }>();
  for (const row of rows) {
    const to = successor.get(row.gridId)!;
    const already = serves.has(`${row.personId}:${to.id}`);
    if (row.startsOn >= day && !already) {
      await tx
        .update(gridWorkers)
        .set({ gridId: to.id, territoryCode: to.code, updatedAt: new Date() })
        .where(eq(gridWorkers.id, row.id));
    } else {
      // Begun (or a duplicate of a service on the successor): it ends with its grid.
      await tx
        .update(gridWorkers)
        .set({ endsOn: row.startsOn > lastDay ? row.startsOn : lastDay, updatedAt: new Date() })
        .where(eq(gridWorkers.id, row.id));
      if (!already) {
        await tx.insert(gridWorkers).values({
          id: newId(),
          personId: row.personId,
          gridId: to.id,
          territoryCode: to.code,
          employment: row.employment,
          occupation: row.occupation,
          startsOn: day,
        });
      }
    }
    serves.add(`${row.personId}:${to.id}`);
    const entry = moved.get(row.personId) ?? { from: [], to: [] };
    entry.from.push(row.code);
    if (!entry.to.includes(to.code)) entry.to.push(to.code);
    moved.set(row.personId, entry);
  }
  for (const [personId, { from, to }] of moved) {
    await appendAudit(tx, actor, {
      action: 'grid_worker.moved',
      entityType: 'grid_worker',
      entityId: personId,
      territoryCode: to[0]!,
      changes: { fromGrids: from, toGrids: to, startsOn: day },
    });
    await syncAccess(tx, keys, actor, personId, 'kept');
  }
  return [...moved.keys()];
}
