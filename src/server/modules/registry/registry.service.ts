import { and, asc, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { appendAudit, changedFields, type Actor } from '../../core/auth/audit.ts';
import {
  blindIndex,
  decrypt,
  encrypt,
  maskBirthDate,
  maskIdCard,
  maskMobile,
  mobilePattern,
  type DataKeys,
} from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { containsPattern, startsWith, startsWithInCodeOrder } from '../../core/db/like.ts';
import { errors, type ErrorDetail } from '../../core/http/errors.ts';
import { idCardBirthDate, idCardGender, idCardProblem } from './id-card.ts';
import type { HouseholdFilter, ResidentFilter, ResidentView } from './registry.schemas.ts';
import {
  buildings,
  households,
  registryHistory,
  residents,
  residentTags,
  units,
  type KeyPopulationTag,
} from './registry.tables.ts';
import { territories } from '../territory/territory.public.ts';

type Deps = { db: Db; keys: DataKeys };
const grid = alias(territories, 'grid');

/** `幸福家园3号楼2单元302室` */
export function formatAddress(buildingName: string, unitNumber: number, room: string): string {
  return `${buildingName}${unitNumber}单元${room}室`;
}

/** Age in whole years on `on` (default today) from an ISO birth date. */
export function ageOn(birthDate: string, on: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age -= 1;
  return age;
}

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
  tags: tagsJson,
};
function selectResidents(db: Executor) {
  return db
    .select(residentColumns)
    .from(residents)
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(buildings, eq(buildings.id, households.buildingId));
}

type ResidentRow = Awaited<ReturnType<ReturnType<typeof selectResidents>['execute']>>[number];

/**
 * What leaves the server for a resident: ID-card number and phone masked, an age instead of the birth date (the
 * birth date with the county's region code and the ID card's last four would rebuild the whole number). The full
 * birth date comes only with the audited reveal, for every caller: so nobody rebuilds numbers unaudited.
 */
function presentResident(keys: DataKeys, row: ResidentRow): ResidentView {
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
    movedOutAt: row.movedOutAt?.toISOString() ?? null,
  };
}

/** The code of a territory node inside the scope (404 otherwise), to narrow a registry query to its subtree. */
async function territoryCodeInScope(db: Executor, scope: Scope, territoryId: string): Promise<string> {
  const [node] = await db
    .select({ code: territories.code })
    .from(territories)
    .where(eq(territories.id, territoryId));
  if (!node) throw errors.notFound();
  // A building leader's scope names buildings, not territory: they may still filter by the grid of those buildings.
  if (!scope.all && !codeInScope(scope, node.code) && scope.buildingIds.length === 0) throw errors.notFound();
  return node.code;
}

/**
 * The WHERE of a resident list within the scope (search, export). `q` is a whole ID-card number or mobile number
 * (exact match through the blind index) or the start of a name.
 */
export async function residentListCondition(
  { db, keys }: Deps,
  scope: Scope,
  filter: Omit<ResidentFilter, 'page' | 'pageSize'>,
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

/**
 * Counting stops here: past it a list says "more than 1,000" (a one-character surname matches thousands county-wide,
 * and an exact count of them would cost more than the page itself).
 */
export const RESIDENT_COUNT_CAP = 1000;

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

/** Whether `q` is a whole ID-card or mobile number (an exact lookup, throttled without personal:reveal). */
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
    totalCapped: false,
  };
}

/**
 * Whole-number lookups by callers without personal:reveal: a hit confirms a guessed number, and the last four, the
 * age and the county's region code leave about 30 guesses. So each such lookup is audited, and at most `misses`
 * lookups that found nobody are answered within the window (counted from the audit log: no extra state).
 */
export const numberLookupThrottle = { windowMs: 15 * 60_000, misses: 10 };

/** Seconds to wait when the caller's lookups that found nobody within the window number more than `allowed`. */
async function numberLookupWait(db: Executor, userId: string | null, allowed: number): Promise<number> {
  if (!userId) return 0;
  const since = new Date(Date.now() - numberLookupThrottle.windowMs);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${auditLog.at})` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, userId),
        gt(auditLog.at, since),
        eq(auditLog.action, 'resident.looked_up'),
        sql`(${auditLog.changes} ->> 'found')::int = 0`,
      ),
    );
  if (!row || row.count <= allowed || !row.oldest) return 0;
  const until = new Date(row.oldest).getTime() + numberLookupThrottle.windowMs;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

/**
 * Residents within the scope, a page at a time, masked; `totalCapped` when more than the cap match. `unrevealed`:
 * the caller holds no personal:reveal, so a lookup by a whole ID-card or mobile number is throttled and audited.
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

async function findResidents(deps: Deps, scope: Scope, filter: ResidentFilter) {
  const { db, keys } = deps;
  const exact = exactLookupOf(deps, filter);
  if (exact) return lookUpExactly(deps, scope, filter, exact);
  const where = await residentListCondition(deps, scope, filter);
  const offset = (filter.page - 1) * filter.pageSize;
  const order = [asc(nameInCodeOrder), asc(residents.id)];
  // One statement: the page's ids in index order (joins only for those rows) and, evaluated once, the capped count.
  const matching = db
    .select({ id: residents.id })
    .from(residents)
    .where(where)
    .orderBy(...order)
    .limit(filter.pageSize)
    .offset(offset);
  const counted = sql<number>`(select count(*)::int from (select 1 from ${residents} where ${where} limit ${RESIDENT_COUNT_CAP + 1}) matched)`;
  const page = await db
    .select({ ...residentColumns, counted })
    .from(residents)
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(buildings, eq(buildings.id, households.buildingId))
    .where(inArray(residents.id, matching))
    .orderBy(...order);
  // A page past the end has no row to carry the count.
  let total = page[0]?.counted;
  if (total === undefined) {
    const [row] = await db.select({ counted }).from(residents).limit(1);
    total = row?.counted ?? 0;
  }
  return {
    rows: page.map((r) => presentResident(keys, r)),
    total: Math.min(total, RESIDENT_COUNT_CAP),
    totalCapped: total > RESIDENT_COUNT_CAP,
  };
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

async function loadResident(db: Executor, scope: Scope, id: string) {
  const [row] = await selectResidents(db).where(eq(residents.id, id)).limit(1);
  if (!row || !registryRowInScope(scope, row.territoryCode, row.buildingId)) throw errors.notFound();
  return row;
}

/** What happened to a household or resident, newest first, with the addresses of the households moved between. */
async function historyOf(db: Executor, entityType: 'household' | 'resident', id: string) {
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

const householdColumns = {
  id: households.id,
  buildingId: households.buildingId,
  buildingName: buildings.name,
  unitNumber: units.number,
  room: households.room,
  kind: households.kind,
  tenure: households.tenure,
  note: households.note,
  gridId: grid.id,
  gridCode: grid.code,
  gridName: grid.name,
  movedOutAt: households.movedOutAt,
  size: sql<number>`(select count(*)::int from ${residents} m where m.household_id = ${households.id} and m.moved_out_at is null)`,
};

function selectHouseholds(db: Executor) {
  return db
    .select(householdColumns)
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(grid, eq(grid.id, buildings.gridId));
}

type HouseholdRow = Awaited<ReturnType<ReturnType<typeof selectHouseholds>['execute']>>[number];

function presentHousehold(row: HouseholdRow) {
  return {
    ...row,
    address: formatAddress(row.buildingName, row.unitNumber, row.room),
    movedOutAt: row.movedOutAt?.toISOString() ?? null,
  };
}

/** Parses “幸福家园3号楼 2单元 302” into a building-name part, an optional unit and an optional room. */
export function parseAddressQuery(q: string): { building: string; unit?: number; room?: string } {
  const unit = /(\d+)\s*单元/.exec(q);
  const room = /(\d+[A-Za-z]?)\s*室?\s*$/.exec(q.replace(/(\d+)\s*单元/, ' '));
  let building = q.replace(/(\d+)\s*单元/, ' ');
  if (room && (unit || /\s/.test(q.trim()))) building = building.slice(0, room.index);
  return {
    building: building.replace(/\s+/g, '').replace(/室$/, ''),
    unit: unit ? Number(unit[1]) : undefined,
    room: room && (unit || /\s/.test(q.trim())) ? room[1] : undefined,
  };
}

/** Households within the scope, found by address (building name, unit, room) and filters. */
export async function searchHouseholds({ db }: Deps, scope: Scope, filter: HouseholdFilter) {
  const territoryCode = filter.territoryId
    ? await territoryCodeInScope(db, scope, filter.territoryId)
    : undefined;
  const address = filter.q ? parseAddressQuery(filter.q) : undefined;
  const where = and(
    registryCondition(scope, households.territoryCode, households.buildingId),
    isNull(households.movedOutAt),
    territoryCode ? startsWith(households.territoryCode, territoryCode) : undefined,
    filter.buildingId ? eq(households.buildingId, filter.buildingId) : undefined,
    filter.kind ? eq(households.kind, filter.kind) : undefined,
    filter.tenure ? eq(households.tenure, filter.tenure) : undefined,
    address?.building ? sql`${buildings.name} like ${containsPattern(address.building)}` : undefined,
    address?.unit !== undefined ? eq(units.number, address.unit) : undefined,
    address?.room ? eq(households.room, address.room) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    selectHouseholds(db)
      .where(where)
      .orderBy(asc(buildings.code), asc(units.number), asc(households.room))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .where(where),
  ]);
  return { rows: rows.map(presentHousehold), total: count?.total ?? 0 };
}

async function loadHousehold(db: Executor, scope: Scope, id: string) {
  const [row] = await selectHouseholds(db).where(eq(households.id, id)).limit(1);
  if (!row || !registryRowInScope(scope, row.gridCode, row.buildingId)) throw errors.notFound();
  return row;
}

/** The household card: address, kind, its current members (masked) and its history. */
export async function householdCard({ db, keys }: Deps, scope: Scope, id: string) {
  const row = await loadHousehold(db, scope, id);
  const [members, history] = await Promise.all([
    selectResidents(db)
      .where(and(eq(residents.householdId, id), isNull(residents.movedOutAt)))
      .orderBy(
        sql`case ${residents.relation} when 'head' then 0 when 'spouse' then 1 else 2 end`,
        asc(residents.birthDate),
      ),
    historyOf(db, 'household', id),
  ]);
  return { ...presentHousehold(row), members: members.map((m) => presentResident(keys, m)), history };
}

export async function searchBuildings(
  db: Executor,
  scope: Scope,
  filter: { q?: string; territoryId?: string; page: number; pageSize: number },
) {
  const territoryCode = filter.territoryId
    ? await territoryCodeInScope(db, scope, filter.territoryId)
    : undefined;
  const where = and(
    registryCondition(scope, buildings.territoryCode, buildings.id),
    territoryCode ? startsWith(buildings.territoryCode, territoryCode) : undefined,
    filter.q ? sql`${buildings.name} like ${containsPattern(filter.q)}` : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      // Subqueries name "buildings".id: drizzle leaves a one-table select's columns unqualified, and a bare
      // "id" inside them would be the household's or resident's own id.
      .select({
        id: buildings.id,
        code: buildings.code,
        name: buildings.name,
        compound: buildings.compound,
        kind: buildings.kind,
        floors: buildings.floors,
        unitCount: buildings.unitCount,
        lng: buildings.lng,
        lat: buildings.lat,
        propertyCompany: buildings.propertyCompany,
        gridId: buildings.gridId,
        gridCode: buildings.territoryCode,
        households: sql<number>`(select count(*)::int from ${households} h where h.building_id = ${buildings}.id and h.moved_out_at is null)`,
        residents: sql<number>`(select count(*)::int from ${residents} r where r.building_id = ${buildings}.id and r.moved_out_at is null)`,
      })
      .from(buildings)
      .where(where)
      .orderBy(asc(buildings.code))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(buildings)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

type ResidentInput = {
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  idCard?: string | null;
  phone?: string | null;
  relation?: ResidentView['relation'];
  politicalStatus?: ResidentView['politicalStatus'];
  residency?: ResidentView['residency'];
  note?: string | null;
  tags?: { tag: KeyPopulationTag; careLevel: number }[];
};

/**
 * Gender and birth date follow the ID-card number when it is given; when they are also given they must agree.
 * Returns field errors rather than throwing, so that an import can report every row.
 */
export function reconcileIdentity(input: { idCard?: string | null; gender?: string; birthDate?: string }): {
  gender?: 'male' | 'female';
  birthDate?: string;
  problems: ErrorDetail[];
} {
  const problems: ErrorDetail[] = [];
  if (!input.idCard || idCardProblem(input.idCard)) {
    if (input.birthDate && new Date(input.birthDate).getTime() > Date.now()) {
      problems.push({
        field: 'birthDate',
        code: 'future',
        message: { zh: '出生日期不能晚于今天', en: 'The birth date cannot be in the future' },
      });
    }
    return { gender: input.gender as 'male' | 'female' | undefined, birthDate: input.birthDate, problems };
  }
  const birth = idCardBirthDate(input.idCard)!.toISOString().slice(0, 10);
  const gender = idCardGender(input.idCard);
  if (input.birthDate && input.birthDate !== birth) {
    problems.push({
      field: 'birthDate',
      code: 'id_card_mismatch',
      message: { zh: '出生日期与身份证号不一致', en: 'The birth date does not match the ID-card number' },
    });
  }
  if (input.gender && input.gender !== gender) {
    problems.push({
      field: 'gender',
      code: 'id_card_mismatch',
      message: { zh: '性别与身份证号不一致', en: 'The gender does not match the ID-card number' },
    });
  }
  return { gender, birthDate: birth, problems };
}

async function assertIdCardFree(tx: Executor, keys: DataKeys, idCard: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: residents.id })
    .from(residents)
    .where(eq(residents.idCardIndex, blindIndex(keys, 'idCard', idCard)))
    .limit(1);
  if (clash && clash.id !== exceptId) {
    throw errors.conflict('idCard', {
      zh: '该身份证号已登记',
      en: 'A resident with this ID-card number is already registered',
    });
  }
}

async function writeTags(
  tx: Executor,
  residentId: string,
  tags: { tag: KeyPopulationTag; careLevel: number }[],
) {
  await tx.delete(residentTags).where(eq(residentTags.residentId, residentId));
  if (tags.length) await tx.insert(residentTags).values(tags.map((t) => ({ residentId, ...t })));
}

async function recordHistory(
  tx: Executor,
  actor: Actor,
  entry: Omit<typeof registryHistory.$inferInsert, 'id' | 'actorId'>,
) {
  await tx.insert(registryHistory).values({ id: newId(), actorId: actor.userId, ...entry });
}

/** The audit log keeps personal fields masked: an ID card's last four, a mobile's first three and last four, a birth year. */
const maskPersonal = { idCard: maskIdCard, phone: maskMobile, birthDate: maskBirthDate };

export async function createResident(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  input: ResidentInput & { householdId: string; name: string; relation: ResidentView['relation'] },
): Promise<string> {
  const identity = reconcileIdentity(input);
  if (!identity.gender || !identity.birthDate) {
    identity.problems.push(
      ...(['gender', 'birthDate'] as const)
        .filter((f) => !identity[f])
        .map((field) => ({
          field,
          code: 'required',
          message: { zh: '未填写身份证号时此项必填', en: 'Required when no ID-card number is given' },
        })),
    );
  }
  if (identity.problems.length) throw errors.validation(identity.problems);
  return db.transaction(async (tx) => {
    const household = await loadHousehold(tx, scope, input.householdId);
    if (household.movedOutAt) throw errors.notFound();
    if (input.idCard) await assertIdCardFree(tx, keys, input.idCard);
    const id = newId();
    await tx.insert(residents).values({
      id,
      householdId: household.id,
      buildingId: household.buildingId,
      territoryCode: household.gridCode,
      name: input.name,
      gender: identity.gender!,
      birthDate: identity.birthDate!,
      idCardEnc: input.idCard ? encrypt(keys, input.idCard) : null,
      idCardIndex: input.idCard ? blindIndex(keys, 'idCard', input.idCard) : null,
      phoneEnc: input.phone ? encrypt(keys, input.phone) : null,
      phoneIndex: input.phone ? blindIndex(keys, 'mobile', input.phone) : null,
      relation: input.relation,
      politicalStatus: input.politicalStatus ?? 'masses',
      residency: input.residency ?? 'registered',
      note: input.note ?? null,
    });
    await writeTags(tx, id, input.tags ?? []);
    await recordHistory(tx, actor, {
      entityType: 'resident',
      entityId: id,
      event: 'moved_in',
      toHouseholdId: household.id,
    });
    await appendAudit(tx, actor, {
      action: 'resident.created',
      entityType: 'resident',
      entityId: id,
      territoryCode: household.gridCode,
      changes: changedFields(
        null,
        {
          name: input.name,
          householdId: household.id,
          idCard: input.idCard ?? null,
          phone: input.phone ?? null,
          tags: input.tags ?? [],
        },
        maskPersonal,
      ),
    });
    return id;
  });
}

export async function updateResident(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: ResidentInput,
) {
  await db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    const before = {
      name: row.name,
      gender: row.gender,
      birthDate: row.birthDate,
      idCard: row.idCardEnc ? decrypt(keys, row.idCardEnc) : null,
      phone: row.phoneEnc ? decrypt(keys, row.phoneEnc) : null,
      relation: row.relation,
      politicalStatus: row.politicalStatus,
      residency: row.residency,
      note: row.note,
      tags: row.tags,
    };
    const idCard = input.idCard === undefined ? before.idCard : input.idCard;
    // A kept ID-card number fixes the birth date: refuse any date given with it, right or wrong alike, so that an
    // editor without personal:reveal cannot find the date by trying dates (a match used to pass, a miss to fail).
    if (input.birthDate !== undefined && input.idCard === undefined && before.idCard) {
      throw errors.validation([
        {
          field: 'birthDate',
          code: 'follows_id_card',
          message: {
            zh: '出生日期随身份证号，不能单独修改；请修改身份证号',
            en: 'The birth date follows the ID-card number; change the ID-card number instead',
          },
        },
      ]);
    }
    const identity = reconcileIdentity({
      idCard,
      gender: input.gender ?? (input.idCard ? undefined : before.gender),
      birthDate: input.birthDate ?? (input.idCard ? undefined : before.birthDate),
    });
    if (identity.problems.length) throw errors.validation(identity.problems);
    if (idCard && idCard !== before.idCard) await assertIdCardFree(tx, keys, idCard, id);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      idCard,
      gender: identity.gender ?? before.gender,
      birthDate: identity.birthDate ?? before.birthDate,
    };
    const changes = changedFields(before, after, maskPersonal);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(residents)
      .set({
        name: after.name,
        gender: after.gender,
        birthDate: after.birthDate,
        idCardEnc: after.idCard ? encrypt(keys, after.idCard) : null,
        idCardIndex: after.idCard ? blindIndex(keys, 'idCard', after.idCard) : null,
        phoneEnc: after.phone ? encrypt(keys, after.phone) : null,
        phoneIndex: after.phone ? blindIndex(keys, 'mobile', after.phone) : null,
        relation: after.relation,
        politicalStatus: after.politicalStatus,
        residency: after.residency,
        note: after.note,
        updatedAt: new Date(),
      })
      .where(eq(residents.id, id));
    if (input.tags) await writeTags(tx, id, input.tags);
    await recordHistory(tx, actor, {
      entityType: 'resident',
      entityId: id,
      event: 'updated',
      details: { fields: Object.keys(changes) },
    });
    await appendAudit(tx, actor, {
      action: 'resident.updated',
      entityType: 'resident',
      entityId: id,
      territoryCode: row.territoryCode,
      changes,
    });
  });
}

/** Moves a resident to another household (both in scope); the history keeps where they came from. */
export async function moveResident(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: { householdId: string; relation: ResidentView['relation']; note?: string },
) {
  await db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    const target = await loadHousehold(tx, scope, input.householdId);
    if (target.movedOutAt) throw errors.notFound();
    if (row.householdId === target.id) {
      throw errors.validation([
        {
          field: 'householdId',
          code: 'same_household',
          message: { zh: '已在该户中', en: 'Already in this household' },
        },
      ]);
    }
    await tx
      .update(residents)
      .set({
        householdId: target.id,
        buildingId: target.buildingId,
        territoryCode: target.gridCode,
        relation: input.relation,
        movedOutAt: null,
        updatedAt: new Date(),
      })
      .where(eq(residents.id, id));
    const details = input.note ? { note: input.note } : null;
    await recordHistory(tx, actor, {
      entityType: 'resident',
      entityId: id,
      event: 'moved',
      fromHouseholdId: row.householdId,
      toHouseholdId: target.id,
      details,
    });
    if (row.householdId) {
      await recordHistory(tx, actor, {
        entityType: 'household',
        entityId: row.householdId,
        event: 'updated',
        details: { left: id },
      });
    }
    await recordHistory(tx, actor, {
      entityType: 'household',
      entityId: target.id,
      event: 'updated',
      details: { joined: id },
    });
    await appendAudit(tx, actor, {
      action: 'resident.moved',
      entityType: 'resident',
      entityId: id,
      territoryCode: target.gridCode,
      changes: {
        householdId: { from: row.householdId, to: target.id },
        relation: { from: row.relation, to: input.relation },
      },
    });
  });
}

/** A resident leaves the county's registry; the row and its history stay. */
export async function moveOutResident({ db }: Deps, scope: Scope, actor: Actor, id: string, note?: string) {
  await db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    if (row.movedOutAt) return;
    await tx
      .update(residents)
      .set({ householdId: null, movedOutAt: new Date(), updatedAt: new Date() })
      .where(eq(residents.id, id));
    await recordHistory(tx, actor, {
      entityType: 'resident',
      entityId: id,
      event: 'moved_out',
      fromHouseholdId: row.householdId,
      details: note ? { note } : null,
    });
    await appendAudit(tx, actor, {
      action: 'resident.moved_out',
      entityType: 'resident',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { householdId: { from: row.householdId, to: null } },
    });
  });
}

/** The whole household moves out: its members move out with it; rows and history stay. */
export async function moveOutHousehold({ db }: Deps, scope: Scope, actor: Actor, id: string, note?: string) {
  await db.transaction(async (tx) => {
    const row = await loadHousehold(tx, scope, id);
    if (row.movedOutAt) return;
    const now = new Date();
    const members = await tx
      .update(residents)
      .set({ householdId: null, movedOutAt: now, updatedAt: now })
      .where(and(eq(residents.householdId, id), isNull(residents.movedOutAt)))
      .returning({ id: residents.id });
    await tx.update(households).set({ movedOutAt: now, updatedAt: now }).where(eq(households.id, id));
    for (const m of members) {
      await recordHistory(tx, actor, {
        entityType: 'resident',
        entityId: m.id,
        event: 'moved_out',
        fromHouseholdId: id,
        details: { withHousehold: true },
      });
    }
    await recordHistory(tx, actor, {
      entityType: 'household',
      entityId: id,
      event: 'moved_out',
      details: { members: members.map((m) => m.id), ...(note ? { note } : {}) },
    });
    await appendAudit(tx, actor, {
      action: 'household.moved_out',
      entityType: 'household',
      entityId: id,
      territoryCode: row.gridCode,
      changes: { members: members.length },
    });
  });
}

export async function createHousehold(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: {
    buildingId: string;
    unitNumber: number;
    room: string;
    kind: 'permanent' | 'floating' | 'vacant';
    tenure: 'owned' | 'rented' | 'public' | 'other';
    note?: string | null;
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [building] = await tx.select().from(buildings).where(eq(buildings.id, input.buildingId)).limit(1);
    if (!building || !registryRowInScope(scope, building.territoryCode, building.id)) throw errors.notFound();
    if (input.unitNumber > building.unitCount) {
      throw errors.validation([
        {
          field: 'unitNumber',
          code: 'too_big',
          message: {
            zh: `该楼只有 ${building.unitCount} 个单元`,
            en: `The building has ${building.unitCount} units`,
          },
        },
      ]);
    }
    let [unit] = await tx
      .select()
      .from(units)
      .where(and(eq(units.buildingId, building.id), eq(units.number, input.unitNumber)))
      .limit(1);
    if (!unit) {
      [unit] = await tx
        .insert(units)
        .values({ id: newId(), buildingId: building.id, number: input.unitNumber })
        .returning();
    }
    const [clash] = await tx
      .select({ id: households.id })
      .from(households)
      .where(
        and(eq(households.unitId, unit!.id), eq(households.room, input.room), isNull(households.movedOutAt)),
      )
      .limit(1);
    if (clash) {
      throw errors.conflict('room', { zh: '该房号已有在住户', en: 'A household already lives in this room' });
    }
    const id = newId();
    await tx.insert(households).values({
      id,
      buildingId: building.id,
      unitId: unit!.id,
      territoryCode: building.territoryCode,
      room: input.room,
      kind: input.kind,
      tenure: input.tenure,
      note: input.note ?? null,
    });
    await recordHistory(tx, actor, { entityType: 'household', entityId: id, event: 'created' });
    await appendAudit(tx, actor, {
      action: 'household.created',
      entityType: 'household',
      entityId: id,
      territoryCode: building.territoryCode,
      changes: changedFields(null, {
        address: formatAddress(building.name, input.unitNumber, input.room),
        kind: input.kind,
        tenure: input.tenure,
      }),
    });
    return id;
  });
}

export async function updateHousehold(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: {
    kind?: 'permanent' | 'floating' | 'vacant';
    tenure?: 'owned' | 'rented' | 'public' | 'other';
    note?: string | null;
  },
) {
  await db.transaction(async (tx) => {
    const row = await loadHousehold(tx, scope, id);
    const before = { kind: row.kind, tenure: row.tenure, note: row.note };
    const after = {
      kind: input.kind ?? row.kind,
      tenure: input.tenure ?? row.tenure,
      note: input.note === undefined ? row.note : input.note,
    };
    const changes = changedFields(before, after);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(households)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(households.id, id));
    await recordHistory(tx, actor, {
      entityType: 'household',
      entityId: id,
      event: 'updated',
      details: changes,
    });
    await appendAudit(tx, actor, {
      action: 'household.updated',
      entityType: 'household',
      entityId: id,
      territoryCode: row.gridCode,
      changes,
    });
  });
}

/** Buildings by id with the grid code they lie in: used to check the buildings named in role assignments. */
export function buildingsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: buildings.id, code: buildings.territoryCode })
    .from(buildings)
    .where(inArray(buildings.id, ids));
}

/** SQL subquery: ids of the buildings inside the scope, for other modules' scoped queries. */
export function buildingIdsInScope(scope: Scope): SQL {
  return sql`(select b.id from ${buildings} b where ${registryCondition(scope, sql.raw('b.territory_code'), sql.raw('b.id'))})`;
}
