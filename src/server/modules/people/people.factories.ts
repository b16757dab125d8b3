import { blindIndex, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { gridWorkers, persons } from './people.tables.ts';

export type PersonRow = RowOf<
  typeof persons,
  | 'id'
  | 'name'
  | 'gender'
  | 'territoryCode'
  | 'mobileEnc'
  | 'mobileIndex'
  | 'residentId'
  | 'userId'
  | 'linkedAt'
  | 'publishMobile'
>;

export type PersonSpec = {
  id?: string;
  name: string;
  territoryCode: string;
  gender?: 'male' | 'female' | null;
  /** The mobile number in clear: encrypted and blind-indexed with the keys. */
  mobile?: string | null;
  residentId?: string | null;
  userId?: string | null;
  /** Agreed to have the mobile printed on contact cards. */
  publishMobile?: boolean;
};

/** A person row (no database), linked now when a `userId` is given. */
export function buildPerson(keys: DataKeys, spec: PersonSpec): PersonRow {
  return {
    id: spec.id ?? newId(),
    name: spec.name,
    gender: spec.gender ?? null,
    territoryCode: spec.territoryCode,
    mobileEnc: spec.mobile ? encrypt(keys, spec.mobile) : null,
    mobileIndex: spec.mobile ? blindIndex(keys, 'mobile', spec.mobile) : null,
    residentId: spec.residentId ?? null,
    userId: spec.userId ?? null,
    linkedAt: spec.userId ? new Date() : null,
    publishMobile: spec.publishMobile ?? false,
  };
}

/**
 * Inserts a person as given, without permission checks or audit (demo data, test set-up): the caller vouches that
 * a resident's person carries the resident's grid code. Returns the person's id.
 */
export async function insertPerson(tx: Executor, keys: DataKeys, spec: PersonSpec): Promise<string> {
  const row = buildPerson(keys, spec);
  await tx.transaction((t) => t.insert(persons).values(row));
  return row.id;
}

export type GridWorkerRow = RowOf<
  typeof gridWorkers,
  'id' | 'personId' | 'gridId' | 'territoryCode' | 'employment' | 'occupation' | 'startsOn' | 'endsOn'
>;

export type GridWorkerSpec = {
  id?: string;
  personId: string;
  /** The grid served (its id and code). */
  grid: { id: string; code: string };
  employment?: 'full_time' | 'part_time';
  occupation?: 'staff' | 'delivery_rider' | 'courier' | 'other';
  /** First day served (YYYY-MM-DD); 2024-01-01 unless given. */
  startsOn?: string;
  /** Last day served; null while serving. */
  endsOn?: string | null;
};

/** A grid worker row (one person serving one grid), no database. */
export function buildGridWorker(spec: GridWorkerSpec): GridWorkerRow {
  return {
    id: spec.id ?? newId(),
    personId: spec.personId,
    gridId: spec.grid.id,
    territoryCode: spec.grid.code,
    employment: spec.employment ?? 'full_time',
    occupation: spec.occupation ?? 'staff',
    startsOn: spec.startsOn ?? '2024-01-01',
    endsOn: spec.endsOn ?? null,
  };
}

/** Inserts a grid worker row as given (no access granted, no audit): test set-up. Returns its id. */
export async function insertGridWorker(tx: Executor, spec: GridWorkerSpec): Promise<string> {
  const row = buildGridWorker(spec);
  await tx.transaction((t) => t.insert(gridWorkers).values(row));
  return row.id;
}
