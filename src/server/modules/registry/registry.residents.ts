/**
 * Reading residents: the scoped list and its WHERE (search and export share it), exact lookups by a whole ID-card or
 * mobile number (audited and throttled), a resident's detail with history, and the audited reveal.
 */
import { and, desc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { appendAudit, auditedLimitWait, type Actor } from '../../core/auth/audit.ts';
import {
  blindIndex,
  decrypt,
  maskIdCard,
  maskMobile,
  mobilePattern,
  type DataKeys,
} from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith, startsWithInCodeOrder } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { gridCounts, type RegistryCounts } from './grid-stats.ts';
import type { ResidentFilter, ResidentSort, ResidentView } from './registry.schemas.ts';
import {
  buildings,
  households,
  registryHistory,
  residents,
  residentTags,
  units,
  type KeyPopulationTag,
} from './registry.tables.ts';
import { ageInYears, ageOn, formatAddress, territoryCodeInScope, type Deps } from './registry.common.ts';
import { territories } from '../territory/territory.public.ts';

/** The grid a resident's building lies in (its name for the list's grid column). */
const grid = alias(territories, 'resident_grid');

/** The ISO date `years` years before today: residents born after it are younger than `years`. */
function birthDateYearsAgo(years: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()))
    .toISOString()
    .slice(0, 10);
}

const tagsJson = sql<{ tag: KeyPopulationTag; careLevel: number }[]>`coalesce((
  select json_agg(json_build_object('tag', t.tag, 'careLevel', t.care_level) order by t.tag)
  from ${residentTags} t where t.resident_id = ${residents.id}), '[]'::json)`;

const residentColumns = {
  id: residents.id,
  name: residents.name,
  gender: residents.gender,
  birthDate: residents.birthDate,
  idCardEnc: residents.idCardEnc,
  phoneEnc: residents.phoneEnc,
  relation: residents.relation,
  politicalStatus: residents.politicalStatus,
  residency: residents.residency,
  note: residents.note,
  householdId: residents.householdId,
  buildingId: residents.buildingId,
  territoryCode: residents.territoryCode,
  movedOutAt: residents.movedOutAt,
  buildingName: buildings.name,
  unitNumber: units.number,
  room: households.room,
  gridName: grid.name,
  tags: tagsJson,
};
export function selectResidents(db: Executor) {
  return db
    .select(residentColumns)
    .from(residents)
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(buildings, eq(buildings.id, households.buildingId))
    .leftJoin(grid, eq(grid.id, buildings.gridId));
}

type ResidentRow = Awaited<ReturnType<ReturnType<typeof selectResidents>['execute']>>[number];

/**
 * What leaves the server for a resident: ID-card number and phone masked, an age instead of the birth date (the
 * birth date with the county's region code and the ID card's last four would rebuild the whole number). The full
 * birth date comes only with the audited reveal, for every caller: so nobody rebuilds numbers unaudited.
 */
export function presentResident(keys: DataKeys, row: ResidentRow): ResidentView {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    age: ageOn(row.birthDate),
    idCard: row.idCardEnc ? maskIdCard(decrypt(keys, row.idCardEnc)) : null,
    phone: row.phoneEnc ? maskMobile(decrypt(keys, row.phoneEnc)) : null,
    relation: row.relation,
    politicalStatus: row.politicalStatus,
    residency: row.residency,
    note: row.note,
    tags: row.tags,
    householdId: row.householdId,
    address:
      row.buildingName && row.unitNumber !== null && row.room
        ? formatAddress(row.buildingName, row.unitNumber, row.room)
        : null,
    gridCode: row.territoryCode,
    gridName: row.gridName,
    movedOutAt: row.movedOutAt?.toISOString() ?? null,
  };
}

/**
 * The WHERE of a resident list within the scope (search, export). `q` is a whole ID-card number or mobile number
 * (exact match through the blind index) or the start of a name.
 */
export async function residentListCondition(
  { db, keys }: Deps,
  scope: Scope,
  filter: Omit<ResidentFilter, 'page' | 'pageSize' | 'sort' | 'order'>,
): Promise<SQL | undefined> {
  const q = filter.q?.trim();
  const exact = q ? wholeNumberOf(keys, q) : null;
  let match: SQL | undefined;
  if (exact) match = eq(exact.kind === 'idCard' ? residents.idCardIndex : residents.phoneIndex, exact.index);
  else if (q) match = startsWithInCodeOrder(nameInCodeOrder, q);
  const territoryCode = filter.territoryId
    ? await territoryCodeInScope(db, scope, filter.territoryId)
    : undefined;
  return and(
    registryCondition(scope, residents.territoryCode, residents.buildingId),
    match,
    territoryCode ? startsWith(residents.territoryCode, territoryCode) : undefined,
    filter.buildingId ? eq(residents.buildingId, filter.buildingId) : undefined,
    filter.includeMovedOut ? undefined : isNull(residents.movedOutAt),
    filter.tag
      ? sql`exists (select 1 from ${residentTags} t where t.resident_id = ${residents.id} and t.tag = ${filter.tag})`
      : undefined,
    filter.ageFrom !== undefined
      ? sql`${residents.birthDate} <= ${birthDateYearsAgo(filter.ageFrom)}`
      : undefined,
    filter.ageTo !== undefined
      ? sql`${residents.birthDate} > ${birthDateYearsAgo(filter.ageTo + 1)}`
      : undefined,
  );
}

/** The name as residents_name_active_idx holds it: prefix search and order in code-point order, on any locale. */
const nameInCodeOrder = sql`(${residents.name} collate "C")`;

/** Statements of whole ID-card / mobile-number lookups, built once per database (the hottest search of all). */
const exactStatements = new WeakMap<Executor, ReturnType<typeof prepareExactLookups>>();

function prepareExactLookups(db: Executor) {
  return {
    idCard: selectResidents(db)
      .where(eq(residents.idCardIndex, sql.placeholder('index')))
      .prepare('residents_by_id_card'),
    mobile: selectResidents(db)
      .where(eq(residents.phoneIndex, sql.placeholder('index')))
      .prepare('residents_by_mobile'),
  };
}

/** A whole ID-card or mobile number in `q`, as the blind index to match exactly; null for anything else. */
function wholeNumberOf(keys: DataKeys, q: string) {
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'idCard' as const, index: blindIndex(keys, 'idCard', q) };
  if (mobilePattern.test(q)) return { kind: 'mobile' as const, index: blindIndex(keys, 'mobile', q) };
  return null;
}

/** Whether `q` is a whole ID-card or mobile number (an exact lookup, throttled unless reveal covers the scope). */
export function isWholeNumber(q: string | undefined): boolean {
  const trimmed = q?.trim() ?? '';
  return /^\d{17}[\dXx]$/.test(trimmed) || mobilePattern.test(trimmed);
}

/** The blind index to look up when `q` is a whole ID-card or mobile number and nothing else narrows the list. */
function exactLookupOf({ keys }: Deps, filter: ResidentFilter) {
  const narrowed =
    filter.territoryId !== undefined ||
    filter.buildingId !== undefined ||
    filter.tag !== undefined ||
    filter.ageFrom !== undefined ||
    filter.ageTo !== undefined;
  return narrowed ? null : wholeNumberOf(keys, filter.q?.trim() ?? '');
}

/**
 * A whole ID-card or mobile number: the prepared statement finds its few rows, and the same rules as the list's
 * WHERE (scope, moved out) are applied to them here, with the list's order (name in code-point order, then id).
 */
async function lookUpExactly(
  { db, keys }: Deps,
  scope: Scope,
  filter: ResidentFilter,
  exact: NonNullable<ReturnType<typeof exactLookupOf>>,
) {
  let statements = exactStatements.get(db);
  if (!statements) exactStatements.set(db, (statements = prepareExactLookups(db)));
  const found = (await statements[exact.kind].execute({ index: exact.index }))
    .filter(
      (r) =>
        (filter.includeMovedOut || r.movedOutAt === null) &&
        (scope.all || registryRowInScope(scope, r.territoryCode, r.buildingId)),
    )
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) || (a.id < b.id ? -1 : 1));
  const offset = (filter.page - 1) * filter.pageSize;
  return {
    rows: found.slice(offset, offset + filter.pageSize).map((r) => presentResident(keys, r)),
    total: found.length,
  };
}

/**
 * Whole-number lookups by callers without personal:reveal over their whole read scope (scope.ts revealCovers): a hit
 * confirms a guessed number, and the last four, the age and the county's region code leave about 30 guesses. So each
 * such lookup is audited, and at most `misses` lookups that found nobody are answered within the window (counted
 * from the audit log: no extra state).
 */
export const numberLookupThrottle = { windowMs: 15 * 60_000, misses: 10 };

/** Seconds to wait when the caller's lookups that found nobody within the window number more than `allowed`. */
async function numberLookupWait(db: Executor, userId: string | null, allowed: number): Promise<number> {
  if (!userId) return 0;
  // More than `allowed`: the lookup being answered is counted already.
  return auditedLimitWait(
    db,
    userId,
    'resident.looked_up',
    { windowMs: numberLookupThrottle.windowMs, count: allowed + 1 },
    sql`(${auditLog.changes} ->> 'found')::int = 0`,
  );
}

/**
 * Residents within the scope, a page at a time in the chosen order, masked, with the exact total. `unrevealed`:
 * the caller's personal:reveal does not cover the whole scope, so a lookup by a whole ID-card or mobile number is
 * throttled and audited.
 */
export async function searchResidents(
  deps: Deps,
  scope: Scope,
  filter: ResidentFilter,
  unrevealed: Actor | null = null,
) {
  const number = unrevealed ? wholeNumberOf(deps.keys, filter.q?.trim() ?? '') : null;
  if (!unrevealed || !number) return findResidents(deps, scope, filter);
  const { misses } = numberLookupThrottle;
  const before = await numberLookupWait(deps.db, unrevealed.userId, misses - 1);
  if (before > 0) throw errors.lookupThrottled(before);
  const found = await findResidents(deps, scope, filter);
  const q = filter.q!.trim();
  await appendAudit(deps.db, unrevealed, {
    action: 'resident.looked_up',
    entityType: 'resident',
    entityId: found.rows.length === 1 ? found.rows[0]!.id : null,
    territoryCode: found.rows.length === 1 ? found.rows[0]!.gridCode : null,
    changes: {
      kind: number.kind,
      q: number.kind === 'idCard' ? maskIdCard(q) : maskMobile(q),
      found: found.total,
    },
  });
  // Lookups sent at once all pass the first check. Counted again with this one recorded, the n-th miss to be
  // recorded sees at least n: so at most `misses` of them are answered, however many run side by side.
  const after = await numberLookupWait(deps.db, unrevealed.userId, misses);
  if (after > 0) throw errors.lookupThrottled(after);
  return found;
}

/** Head of household first, then spouse, then the others: the order of a household card and of the address sort. */
export const relationRank = sql`case ${residents.relation} when 'head' then 0 when 'spouse' then 1 else 2 end`;

/**
 * The ORDER BY of a sort, ending with the id so that every order is total (pages neither repeat nor skip a row).
 * Each but the address and age orders is an index of migration 0017 (or the name index), walked forward or backward.
 */
function residentOrder(sort: ResidentSort, order: 'asc' | 'desc'): SQL[] {
  const by = (column: SQLWrapper, descending = order === 'desc') =>
    descending ? sql`${column} desc` : sql`${column} asc`;
  switch (sort) {
    case 'name':
      return [by(nameInCodeOrder), by(residents.id)];
    case 'age':
      // Whole years, then the id (in both directions): never the birth date, which the order would give away (see
      // ageInYears). No index holds this order: findResidents reads a page of it through agePageIds.
      return [by(ageInYears(residents.birthDate)), sql`${residents.id} asc`];
    case 'grid':
      return [by(residents.territoryCode), by(nameInCodeOrder), by(residents.id)];
    case 'registered':
      return [by(residents.createdAt), by(residents.id)];
    case 'address':
      return [
        order === 'desc' ? sql`${buildings.code} desc nulls last` : sql`${buildings.code} asc nulls last`,
        by(units.number),
        by(households.room),
        sql`${relationRank} asc`,
        sql`${residents.id} asc`,
      ];
  }
}

/** Whether the filter selects whole grids' current residents (and a tag at most): what the per-grid counts hold. */
function countedByGrid(scope: Scope, filter: Omit<ResidentFilter, 'page' | 'pageSize'>): boolean {
  return (
    !filter.q?.trim() &&
    filter.buildingId === undefined &&
    filter.ageFrom === undefined &&
    filter.ageTo === undefined &&
    !filter.includeMovedOut &&
    (scope.all || scope.buildingIds.length === 0)
  );
}

/** The per-grid counts of the grids inside the scope and under `territoryCode`, from grid-stats.ts. */
export async function gridsInScope(db: Executor, scope: Scope, territoryCode: string | undefined) {
  const grids: RegistryCounts[] = [];
  for (const [code, counts] of await gridCounts(db)) {
    if (codeInScope(scope, code) && (!territoryCode || code.startsWith(territoryCode))) grids.push(counts);
  }
  return grids;
}

/** The exact number of residents the filter selects: summed from the per-grid counts when they hold it. */
async function residentTotal(
  db: Executor,
  scope: Scope,
  filter: Omit<ResidentFilter, 'page' | 'pageSize'>,
  where: SQL | undefined,
): Promise<number> {
  if (countedByGrid(scope, filter)) {
    const territoryCode = filter.territoryId
      ? await territoryCodeInScope(db, scope, filter.territoryId)
      : undefined;
    let total = 0;
    for (const counts of await gridsInScope(db, scope, territoryCode)) {
      if (!filter.tag) total += counts.residents.total;
      else for (const [key, n] of counts.tags) if (key.startsWith(`${filter.tag}|`)) total += n;
    }
    return total;
  }
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(residents)
    .where(where);
  return row?.total ?? 0;
}

/** The latest birth date (YYYY-MM-DD) of someone `years` old on `today` (YYYYMMDD): 29 February falls to the 28th. */
function latestBirthDateAged(today: number, years: number): string {
  const year = Math.floor(today / 10000) - years;
  const month = Math.floor(today / 100) % 100;
  let day = today % 100;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) day = 28;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The ids of a page in the age order (whole years, then the id: see residentOrder) without sorting the whole scope.
 * Each age is a run of birth dates, so the row at `offset` in the birth-date index (walked as before) is of the age
 * the page starts in; the rows of that age before it are counted, and the page is read from that age's rows by id,
 * going on to the next age present while the page is not full. Reads only the ages the page touches.
 */
async function agePageIds(
  db: Executor,
  where: SQL | undefined,
  order: 'asc' | 'desc',
  offset: number,
  pageSize: number,
  now: Date = new Date(),
): Promise<string[]> {
  const today = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  const ageOf = (birthDate: string) => Math.floor((today - Number(birthDate.replaceAll('-', ''))) / 10000);
  // The youngest first walks the birth dates downwards.
  const youngestFirst = order === 'asc';
  const birthOrder = youngestFirst
    ? [sql`${residents.birthDate} desc`, sql`${residents.id} desc`]
    : [sql`${residents.birthDate} asc`, sql`${residents.id} asc`];
  const aged = (age: number) =>
    sql`${residents.birthDate} <= ${latestBirthDateAged(today, age)} and ${residents.birthDate} > ${latestBirthDateAged(today, age + 1)}`;
  const [start] = await db
    .select({ birthDate: residents.birthDate, id: residents.id })
    .from(residents)
    .where(where)
    .orderBy(...birthOrder)
    .limit(1)
    .offset(offset);
  if (!start) return [];
  let age = ageOf(start.birthDate);
  // The rows of this age that come before the page's first row in the walk.
  const [before] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(
      and(
        where,
        aged(age),
        youngestFirst
          ? sql`(${residents.birthDate}, ${residents.id}) > (${start.birthDate}, ${start.id})`
          : sql`(${residents.birthDate}, ${residents.id}) < (${start.birthDate}, ${start.id})`,
      ),
    );
  let skip = before?.n ?? 0;
  const ids: string[] = [];
  for (;;) {
    const rows = await db
      .select({ id: residents.id })
      .from(residents)
      .where(and(where, aged(age)))
      .orderBy(sql`${residents.id} asc`)
      .limit(pageSize - ids.length)
      .offset(skip);
    ids.push(...rows.map((r) => r.id));
    if (ids.length >= pageSize) return ids;
    // The next age present in the walk.
    const [next] = await db
      .select({ birthDate: residents.birthDate })
      .from(residents)
      .where(
        and(
          where,
          youngestFirst
            ? sql`${residents.birthDate} <= ${latestBirthDateAged(today, age + 1)}`
            : sql`${residents.birthDate} > ${latestBirthDateAged(today, age)}`,
        ),
      )
      .orderBy(...birthOrder)
      .limit(1);
    if (!next) return ids;
    age = ageOf(next.birthDate);
    skip = 0;
  }
}

async function findResidents(deps: Deps, scope: Scope, filter: ResidentFilter) {
  const { db, keys } = deps;
  const exact = exactLookupOf(deps, filter);
  if (exact) return lookUpExactly(deps, scope, filter, exact);
  const where = await residentListCondition(deps, scope, filter);
  const offset = (filter.page - 1) * filter.pageSize;
  const order = residentOrder(filter.sort, filter.order);
  // The page's ids in the order's index (an index-only walk up to the offset), then the joins for those rows only.
  let matching = db.select({ id: residents.id }).from(residents).$dynamic();
  if (filter.sort === 'address') {
    matching = matching
      .leftJoin(households, eq(households.id, residents.householdId))
      .leftJoin(units, eq(units.id, households.unitId))
      .leftJoin(buildings, eq(buildings.id, households.buildingId));
  }
  const ids =
    filter.sort === 'age'
      ? await agePageIds(db, where, filter.order, offset, filter.pageSize)
      : matching
          .where(where)
          .orderBy(...order)
          .limit(filter.pageSize)
          .offset(offset);
  const [page, total] = await Promise.all([
    selectResidents(db)
      .where(inArray(residents.id, ids))
      .orderBy(...order),
    residentTotal(db, scope, filter, where),
  ]);
  return { rows: page.map((r) => presentResident(keys, r)), total };
}

/**
 * One resident inside the scope (404 otherwise) as other modules need it: name, gender, place, whether moved out.
 * The row is locked against changes until the caller's transaction ends (`for share`), so a record copied from it
 * (the people module's person, which follows the resident's grid) cannot miss a move made meanwhile.
 */
export async function residentInScope(tx: Executor, scope: Scope, id: string) {
  const [row] = await tx
    .select({
      id: residents.id,
      name: residents.name,
      gender: residents.gender,
      territoryCode: residents.territoryCode,
      buildingId: residents.buildingId,
      movedOutAt: residents.movedOutAt,
    })
    .from(residents)
    .where(eq(residents.id, id))
    .limit(1)
    .for('share');
  if (!row || !(scope.all || registryRowInScope(scope, row.territoryCode, row.buildingId))) {
    throw errors.notFound();
  }
  return row;
}

export async function loadResident(db: Executor, scope: Scope, id: string) {
  const [row] = await selectResidents(db).where(eq(residents.id, id)).limit(1);
  if (!row || !registryRowInScope(scope, row.territoryCode, row.buildingId)) throw errors.notFound();
  return row;
}

/** What happened to a household or resident, newest first, with the addresses of the households moved between. */
export async function historyOf(db: Executor, entityType: 'household' | 'resident', id: string) {
  const rows = await db
    .select()
    .from(registryHistory)
    .where(and(eq(registryHistory.entityType, entityType), eq(registryHistory.entityId, id)))
    .orderBy(desc(registryHistory.at), desc(registryHistory.id));
  const householdIds = [
    ...new Set(rows.flatMap((r) => [r.fromHouseholdId, r.toHouseholdId]).filter((h) => h !== null)),
  ];
  const addresses = new Map(
    householdIds.length
      ? (
          await db
            .select({
              id: households.id,
              building: buildings.name,
              unit: units.number,
              room: households.room,
            })
            .from(households)
            .innerJoin(units, eq(units.id, households.unitId))
            .innerJoin(buildings, eq(buildings.id, households.buildingId))
            .where(inArray(households.id, householdIds))
        ).map((h) => [h.id, formatAddress(h.building, h.unit, h.room)])
      : [],
  );
  const addressOf = (householdId: string | null) => (householdId && addresses.get(householdId)) ?? null;
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    event: r.event,
    fromHouseholdId: r.fromHouseholdId,
    fromAddress: addressOf(r.fromHouseholdId),
    toHouseholdId: r.toHouseholdId,
    toAddress: addressOf(r.toHouseholdId),
    details: r.details,
  }));
}

export async function residentDetail({ db, keys }: Deps, scope: Scope, id: string) {
  const row = await loadResident(db, scope, id);
  return { ...presentResident(keys, row), history: await historyOf(db, 'resident', id) };
}

/** The clear ID-card number, phone and birth date of one resident; the reveal is audited. */
export async function revealResident({ db, keys }: Deps, scope: Scope, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    await appendAudit(tx, actor, {
      action: 'personal.revealed',
      entityType: 'resident',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { fields: ['idCard', 'phone', 'birthDate'] },
    });
    return {
      idCard: row.idCardEnc ? decrypt(keys, row.idCardEnc) : null,
      phone: row.phoneEnc ? decrypt(keys, row.phoneEnc) : null,
      birthDate: row.birthDate,
    };
  });
}
