import { eq } from 'drizzle-orm';
import { appendAudit, changedFields, type Actor } from '../../core/auth/audit.ts';
import { blindIndex, decrypt, encrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors } from '../../core/http/errors.ts';
import { residents } from '../registry/registry.public.ts';
import { persons } from './people.tables.ts';

/**
 * The person a resident is, inside the caller's transaction: the existing one, or one recorded now from the
 * resident (name, gender, grid and phone as the registry has them; audited as `person.created`). The caller has
 * checked that the resident lies inside its scope. A resident who has moved out cannot become a person (400).
 */
export async function personOfResident(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  residentId: string,
): Promise<string> {
  const [existing] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.residentId, residentId))
    .limit(1);
  if (existing) return existing.id;
  const [resident] = await tx
    .select({
      name: residents.name,
      gender: residents.gender,
      territoryCode: residents.territoryCode,
      phoneEnc: residents.phoneEnc,
      movedOutAt: residents.movedOutAt,
    })
    .from(residents)
    .where(eq(residents.id, residentId))
    .limit(1)
    .for('share');
  if (!resident) throw errors.notFound();
  if (!resident.territoryCode || resident.movedOutAt) {
    throw errors.validation([
      {
        field: 'residentId',
        code: 'moved_out',
        message: {
          zh: '该居民已迁出，不能登记为人员',
          en: 'The resident has moved out and cannot become a person',
        },
      },
    ]);
  }
  const mobile = resident.phoneEnc ? decrypt(keys, resident.phoneEnc) : null;
  const person = {
    name: resident.name,
    gender: resident.gender,
    territoryCode: resident.territoryCode,
    residentId,
  };
  const id = newId();
  const inserted = await tx
    .insert(persons)
    .values({
      id,
      ...person,
      mobileEnc: mobile ? encrypt(keys, mobile) : null,
      mobileIndex: mobile ? blindIndex(keys, 'mobile', mobile) : null,
    })
    .onConflictDoNothing({ target: persons.residentId })
    .returning({ id: persons.id });
  if (inserted.length === 0) {
    // A concurrent write recorded the same resident first.
    const [other] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.residentId, residentId))
      .limit(1);
    if (!other) throw errors.notFound();
    return other.id;
  }
  await appendAudit(tx, actor, {
    action: 'person.created',
    entityType: 'person',
    entityId: id,
    territoryCode: person.territoryCode,
    changes: changedFields(null, { ...person, mobile }, { mobile: maskMobile }),
  });
  return id;
}
