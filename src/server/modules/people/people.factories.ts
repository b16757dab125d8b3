import { blindIndex, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { persons } from './people.tables.ts';

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
