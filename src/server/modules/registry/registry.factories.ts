import { and, asc, eq, sql } from 'drizzle-orm';
import { blindIndex, decrypt, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { idCardBirthDate, idCardGender, makeIdCard } from './id-card.ts';
import {
  buildings,
  households,
  residents,
  residentTags,
  units,
  type KeyPopulationTag,
} from './registry.tables.ts';

/*
 * Test factories of the registry: `build*` makes one complete row without touching the database (the demo
 * generator builds every row with them and inserts in bulk); `insert*` writes rows for a test, as they are, without
 * permission checks, audit or history.
 */

export type BuildingRow = RowOf<
  typeof buildings,
  | 'id'
  | 'gridId'
  | 'territoryCode'
  | 'code'
  | 'name'
  | 'compound'
  | 'kind'
  | 'floors'
  | 'unitCount'
  | 'lng'
  | 'lat'
  | 'propertyCompany'
>;
export type UnitRow = RowOf<typeof units, 'id' | 'buildingId' | 'number'>;
export type HouseholdRow = RowOf<
  typeof households,
  'id' | 'buildingId' | 'unitId' | 'territoryCode' | 'room' | 'kind' | 'tenure' | 'note' | 'movedOutAt'
>;
export type ResidentRow = RowOf<
  typeof residents,
  | 'id'
  | 'householdId'
  | 'buildingId'
  | 'territoryCode'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'idCardEnc'
  | 'idCardIndex'
  | 'phoneEnc'
  | 'phoneIndex'
  | 'relation'
  | 'politicalStatus'
  | 'residency'
  | 'note'
  | 'movedOutAt'
>;
export type ResidentTagRow = RowOf<typeof residentTags, 'residentId' | 'tag' | 'careLevel'>;

/** A grid, as a building is placed on it. */
export type GridRef = { id: string; code: string };

/** A building on the grid `gridId` (code `territoryCode`); its code is the grid's code and the 3-digit sequence. */
export type BuildingSpec = Partial<BuildingRow> &
  Pick<BuildingRow, 'gridId' | 'territoryCode'> & { sequence?: number };

export function buildBuilding(spec: BuildingSpec): BuildingRow {
  const sequence = spec.sequence ?? 1;
  const compound = spec.compound === undefined ? '幸福家园' : spec.compound;
  return {
    id: spec.id ?? newId(),
    gridId: spec.gridId,
    territoryCode: spec.territoryCode,
    code: spec.code ?? spec.territoryCode + String(sequence).padStart(3, '0'),
    name: spec.name ?? `${compound ?? '幸福家园'}${sequence}号楼`,
    compound,
    kind: spec.kind ?? 'residential_compound',
    floors: spec.floors ?? 6,
    unitCount: spec.unitCount ?? 1,
    lng: spec.lng ?? null,
    lat: spec.lat ?? null,
    propertyCompany: spec.propertyCompany ?? null,
  };
}

export function buildUnit(spec: Partial<UnitRow> & Pick<UnitRow, 'buildingId'>): UnitRow {
  return { id: spec.id ?? newId(), buildingId: spec.buildingId, number: spec.number ?? 1 };
}

export type HouseholdSpec = Partial<HouseholdRow> &
  Pick<HouseholdRow, 'buildingId' | 'unitId' | 'territoryCode'>;

/** A household: a permanent one in room 101 unless told otherwise (a floating household rents). */
export function buildHousehold(spec: HouseholdSpec): HouseholdRow {
  const kind = spec.kind ?? 'permanent';
  return {
    id: spec.id ?? newId(),
    buildingId: spec.buildingId,
    unitId: spec.unitId,
    territoryCode: spec.territoryCode,
    room: spec.room ?? '101',
    kind,
    tenure: spec.tenure ?? (kind === 'floating' ? 'rented' : 'owned'),
    note: spec.note ?? null,
    movedOutAt: spec.movedOutAt ?? null,
  };
}

export type ResidentSpec = Partial<
  Omit<ResidentRow, 'idCardEnc' | 'idCardIndex' | 'phoneEnc' | 'phoneIndex'>
> &
  Pick<ResidentRow, 'householdId' | 'buildingId' | 'territoryCode'> & {
    /**
     * The ID-card number in clear (gender and birth date follow it unless given); when absent, a valid number of the
     * resident's gender and birth date in the territory's county; none when null.
     */
    idCard?: string | null;
    /** The mobile number in clear; none when absent. */
    phone?: string | null;
  };

/**
 * The default birth date: a 30th, which the demo never draws (its days are 1–28), so that a default ID-card number
 * is never a seeded resident's.
 */
const DEFAULT_BIRTH_DATE = '1985-06-30';
let defaultSequences = 0;

/** A resident with the ID card and mobile encrypted and blind-indexed with `keys`, as the registry stores them. */
export function buildResident(keys: DataKeys, spec: ResidentSpec): ResidentRow {
  const fromCard = spec.idCard ?? null;
  const gender = spec.gender ?? (fromCard ? idCardGender(fromCard) : 'male');
  const birthDate =
    spec.birthDate ??
    (fromCard ? idCardBirthDate(fromCard)?.toISOString().slice(0, 10) : undefined) ??
    DEFAULT_BIRTH_DATE;
  const id = spec.id ?? newId();
  const idCard =
    spec.idCard !== undefined
      ? spec.idCard
      : makeIdCard(
          (spec.territoryCode ?? '379901').slice(0, 6),
          new Date(`${birthDate}T00:00:00Z`),
          ((defaultSequences++ % 500) * 2 + (gender === 'male' ? 1 : 0)) % 1000,
        );
  const phone = spec.phone ?? null;
  return {
    id,
    householdId: spec.householdId,
    buildingId: spec.buildingId,
    territoryCode: spec.territoryCode,
    name: spec.name ?? '测试居民',
    gender,
    birthDate,
    idCardEnc: idCard ? encrypt(keys, idCard) : null,
    idCardIndex: idCard ? blindIndex(keys, 'idCard', idCard) : null,
    phoneEnc: phone ? encrypt(keys, phone) : null,
    phoneIndex: phone ? blindIndex(keys, 'mobile', phone) : null,
    relation: spec.relation ?? 'head',
    politicalStatus: spec.politicalStatus ?? 'masses',
    residency: spec.residency ?? 'registered',
    note: spec.note ?? null,
    movedOutAt: spec.movedOutAt ?? null,
  };
}

export function buildResidentTag(
  spec: Partial<ResidentTagRow> & Pick<ResidentTagRow, 'residentId' | 'tag'>,
): ResidentTagRow {
  return { residentId: spec.residentId, tag: spec.tag, careLevel: spec.careLevel ?? 1 };
}

/** A key-population tag with its care level (1–3). */
export type TagSpec = [KeyPopulationTag, number];

/**
 * Inserts a building on `grid` with its units (test set-up): the grid's next free sequence unless a sequence or a
 * code is given.
 */
export async function insertBuilding(
  tx: Executor,
  spec: Omit<BuildingSpec, 'gridId' | 'territoryCode'> & { grid: GridRef },
): Promise<{ building: BuildingRow; units: UnitRow[] }> {
  return tx.transaction((t) => writeBuilding(t, spec));
}

async function writeBuilding(
  tx: Executor,
  { grid, ...spec }: Omit<BuildingSpec, 'gridId' | 'territoryCode'> & { grid: GridRef },
) {
  let sequence = spec.sequence;
  if (sequence === undefined && spec.code === undefined) {
    const [last] = await tx
      .select({ code: sql<string | null>`max(${buildings.code})` })
      .from(buildings)
      .where(sql`${buildings.code} like ${grid.code + '___'}`);
    sequence = last?.code ? Number(last.code.slice(-3)) + 1 : 1;
  }
  const building = buildBuilding({ ...spec, sequence, gridId: grid.id, territoryCode: grid.code });
  const built = Array.from({ length: building.unitCount }, (_, i) =>
    buildUnit({ buildingId: building.id, number: i + 1 }),
  );
  await tx.insert(buildings).values(building);
  await tx.insert(units).values(built);
  return { building, units: built };
}

/** A resident as inserted: the row, and the ID card, mobile and tags in clear. */
export type InsertedResident = ResidentRow & {
  idCard: string | null;
  phone: string | null;
  tags: TagSpec[];
};

/** Inserts a resident (and their key-population tags) as built from `spec`. */
export async function insertResident(
  tx: Executor,
  keys: DataKeys,
  spec: ResidentSpec & { tags?: TagSpec[] },
): Promise<InsertedResident> {
  return tx.transaction((t) => writeResident(t, keys, spec));
}

async function writeResident(
  tx: Executor,
  keys: DataKeys,
  spec: ResidentSpec & { tags?: TagSpec[] },
): Promise<InsertedResident> {
  const row = buildResident(keys, spec);
  const tags = spec.tags ?? [];
  await tx.insert(residents).values(row);
  if (tags.length) {
    await tx
      .insert(residentTags)
      .values(tags.map(([tag, careLevel]) => buildResidentTag({ residentId: row.id, tag, careLevel })));
  }
  return {
    ...row,
    idCard: row.idCardEnc ? decrypt(keys, row.idCardEnc) : null,
    phone: row.phoneEnc ? decrypt(keys, row.phoneEnc) : null,
    tags,
  };
}

/** A member of a household to insert: a resident without the place, which is the household's. */
export type MemberSpec = Omit<ResidentSpec, 'householdId' | 'buildingId' | 'territoryCode'> & {
  tags?: TagSpec[];
};

export type HouseholdInsertSpec = Omit<Partial<HouseholdRow>, 'buildingId' | 'unitId' | 'territoryCode'> & {
  /** A new building on this grid (built from `building`, with one unit unless told otherwise)… */
  grid?: GridRef;
  building?: Omit<BuildingSpec, 'gridId' | 'territoryCode'>;
  /** …or an existing building, in its unit `unitId` (its first unit when absent). */
  buildingId?: string;
  unitId?: string;
  /** The members, in order: the first is the head unless a relation is given, the others `other`. */
  members?: MemberSpec[];
};

/**
 * Inserts a household with its members (test set-up), in a new building on `grid` or in an existing building.
 * Returns the rows and the building (its name for addresses).
 */
export async function insertHousehold(
  tx: Executor,
  keys: DataKeys,
  spec: HouseholdInsertSpec,
): Promise<{
  household: HouseholdRow;
  building: { id: string; code: string; name: string };
  unitNumber: number;
  members: InsertedResident[];
}> {
  const { grid, building: buildingSpec, buildingId, unitId, members = [], ...columns } = spec;
  return tx.transaction(async (t) => {
    let building: { id: string; code: string; name: string; territoryCode: string };
    let unit: { id: string; number: number };
    if (buildingId) {
      [building] = (await t
        .select({
          id: buildings.id,
          code: buildings.code,
          name: buildings.name,
          territoryCode: buildings.territoryCode,
        })
        .from(buildings)
        .where(eq(buildings.id, buildingId))) as [typeof building];
      if (!building) throw new Error(`no building ${buildingId}`);
      const [found] = await t
        .select({ id: units.id, number: units.number })
        .from(units)
        .where(and(eq(units.buildingId, buildingId), unitId ? eq(units.id, unitId) : undefined))
        .orderBy(asc(units.number))
        .limit(1);
      if (!found) throw new Error(`no unit in building ${buildingId}`);
      unit = found;
    } else {
      if (!grid) throw new Error('insertHousehold needs a grid or a building');
      const made = await writeBuilding(t, { ...buildingSpec, grid });
      building = made.building;
      unit = made.units[0]!;
    }
    const household = buildHousehold({
      ...columns,
      buildingId: building.id,
      unitId: unit.id,
      territoryCode: building.territoryCode,
    });
    await t.insert(households).values(household);
    const inserted: InsertedResident[] = [];
    for (const [i, member] of members.entries()) {
      inserted.push(
        await writeResident(t, keys, {
          ...member,
          relation: member.relation ?? (i === 0 ? 'head' : 'other'),
          householdId: household.id,
          buildingId: building.id,
          territoryCode: building.territoryCode,
        }),
      );
    }
    return {
      household,
      building: { id: building.id, code: building.code, name: building.name },
      unitNumber: unit.number,
      members: inserted,
    };
  });
}
