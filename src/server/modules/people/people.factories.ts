import { blindIndex, encrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { persons } from './people.tables.ts';

export type PersonSpec = {
  name: string;
  territoryCode: string;
  gender?: 'male' | 'female' | null;
  mobile?: string | null;
  residentId?: string | null;
  userId?: string | null;
};

/**
 * Inserts a person as given, without permission checks or audit (demo data, test set-up): the caller vouches that
 * a resident's person carries the resident's grid code.
 */
export async function buildPerson(tx: Executor, keys: DataKeys, spec: PersonSpec): Promise<string> {
  const id = newId();
  await tx.insert(persons).values({
    id,
    name: spec.name,
    gender: spec.gender ?? null,
    territoryCode: spec.territoryCode,
    mobileEnc: spec.mobile ? encrypt(keys, spec.mobile) : null,
    mobileIndex: spec.mobile ? blindIndex(keys, 'mobile', spec.mobile) : null,
    residentId: spec.residentId ?? null,
    userId: spec.userId ?? null,
    linkedAt: spec.userId ? new Date() : null,
  });
  return id;
}
