import { and, asc, count, eq, isNotNull, isNull, lte, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { appendAudit, changedFields, type Actor } from '../../core/auth/audit.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { blindIndex, decrypt, encrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, territoryCodeCondition, type AuthContext, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { containsPattern, startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { manageableAccount } from '../accounts/accounts.public.ts';
import { residentInScope, residents } from '../registry/registry.public.ts';
import { loadInScope, territories } from '../territory/territory.public.ts';
import type { CreatePersonInput, PersonFilter, PersonView } from './people.schemas.ts';
import { persons } from './people.tables.ts';
import { handOverPositionAccess } from './people.access.ts';

type Deps = { db: Db; keys: DataKeys };

/**
 * SQL over the `persons` table: the person lies inside the scope. In a territory subtree of it; for a building
 * leader, a resident of one of their buildings; for a `self` scope, the caller's own person.
 */
export function personInScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.codes.length) parts.push(territoryCodeCondition(scope, persons.territoryCode));
  if (scope.buildingIds.length) {
    parts.push(sql`exists (select 1 from ${residents} where ${residents.id} = ${persons.residentId}
      and ${residents.buildingId} = any(${sql.param(scope.buildingIds)}::uuid[]))`);
  }
  if (scope.self && scope.userId) parts.push(eq(persons.userId, scope.userId));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * SQL for other modules' records that name a person (`personIdColumn`): the person lies inside the scope (see
 * `personInScope`); with a `self` scope, the caller's own records. The one filter their scoped queries use.
 */
export function personCondition(scope: Scope, personIdColumn: SQLWrapper): SQL {
  if (scope.all) return sql`true`;
  return sql`${personIdColumn} in (select ${persons.id} from ${persons} where ${personInScope(scope)})`;
}

/** The person an account is linked to, or null. */
export async function personOfUser(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: persons.id,
      name: persons.name,
      residentId: persons.residentId,
      territoryCode: persons.territoryCode,
    })
    .from(persons)
    .where(eq(persons.userId, userId))
    .limit(1);
  return row ?? null;
}

const personColumns = {
  id: persons.id,
  name: persons.name,
  gender: persons.gender,
  mobileEnc: persons.mobileEnc,
  residentId: persons.residentId,
  territoryCode: persons.territoryCode,
  territoryName: territories.name,
  userId: persons.userId,
  accountName: users.displayName,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
};

function selectPersons(db: Executor) {
  return db
    .select(personColumns)
    .from(persons)
    .leftJoin(territories, eq(territories.code, persons.territoryCode))
    .leftJoin(users, eq(users.id, persons.userId));
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPersons>['execute']>>[number];

/** What leaves the server for a person: the mobile number masked (no reveal for persons yet). */
function presentPerson(keys: DataKeys, row: PersonRow): PersonView {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    mobile: row.mobileEnc ? maskMobile(decrypt(keys, row.mobileEnc)) : null,
    residentId: row.residentId,
    territoryCode: row.territoryCode,
    territoryName: row.territoryName,
    account: row.userId ? { id: row.userId, displayName: row.accountName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Persons inside the scope, a page at a time, by name. */
export async function listPersons({ db, keys }: Deps, scope: Scope, filter: PersonFilter) {
  const q = filter.q?.trim();
  const place = filter.territoryId ? (await loadInScope(db, scope, filter.territoryId)).code : undefined;
  const where = and(
    personInScope(scope),
    q ? sql`${persons.name} ilike ${containsPattern(q)}` : undefined,
    place ? startsWith(persons.territoryCode, place) : undefined,
    filter.account === 'linked' ? isNotNull(persons.userId) : undefined,
    filter.account === 'unlinked' ? isNull(persons.userId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectPersons(db)
      .where(where)
      .orderBy(asc(sql`${persons.name} collate "C"`), asc(persons.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(persons).where(where),
  ]);
  return { rows: rows.map((r) => presentPerson(keys, r)), total: total?.n ?? 0 };
}

/** One person inside the scope; 404 otherwise. */
export async function getPerson({ db, keys }: Deps, scope: Scope, id: string): Promise<PersonView> {
  const [row] = await selectPersons(db)
    .where(and(eq(persons.id, id), personInScope(scope)))
    .limit(1);
  if (!row) throw errors.notFound();
  return presentPerson(keys, row);
}

/** The caller's own person, or null when their account is linked to none. */
export async function myPerson({ db, keys }: Deps, userId: string): Promise<PersonView | null> {
  const [row] = await selectPersons(db).where(eq(persons.userId, userId)).limit(1);
  return row ? presentPerson(keys, row) : null;
}

/** Whether an error is PostgreSQL's unique violation (23505) of `constraint`, however the driver wrapped it. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === '23505') {
      return name === constraint || (name === undefined && !!message?.includes(constraint));
    }
  }
  return false;
}

const residentTaken = {
  zh: '该居民已有人员信息',
  en: 'This resident already has a person record',
};
const accountTaken = {
  zh: '该账号已关联其他人员',
  en: 'This account is linked to another person',
};

/** Runs a write, answering 409 on the field when a concurrent write took the same resident or account first. */
export async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'persons_resident_id_key')) {
      throw errors.conflict('residentId', residentTaken);
    }
    if (isUniqueViolation(error, 'persons_user_id_key')) throw errors.conflict('userId', accountTaken);
    throw error;
  }
}

/**
 * Creates a person: from a resident inside the caller's resident:read scope whose grid lies in their person:write
 * scope (name, gender and place are the resident's), or standing alone on a grid or community inside the
 * person:write scope.
 */
export async function createPerson(
  { db, keys }: Deps,
  scopes: { write: Scope; residents: Scope | null },
  actor: Actor,
  input: CreatePersonInput,
): Promise<string> {
  return refusingDuplicates(() => db.transaction((tx) => recordPerson(tx, keys, scopes, actor, input)));
}

/**
 * `createPerson` inside the caller's transaction (a grid worker appointed from a resident, say); the caller maps a
 * concurrent duplicate with `refusingDuplicates`.
 */
export async function recordPerson(
  tx: Executor,
  keys: DataKeys,
  scopes: { write: Scope; residents: Scope | null },
  actor: Actor,
  input: CreatePersonInput,
): Promise<string> {
  let person: {
    name: string;
    gender: 'male' | 'female' | null;
    territoryCode: string;
    residentId: string | null;
  };
  if (input.residentId !== undefined) {
    if (!scopes.residents) throw errors.notFound();
    const resident = await residentInScope(tx, scopes.residents, input.residentId);
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
    if (!codeInScope(scopes.write, resident.territoryCode)) throw errors.notFound();
    const [taken] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.residentId, resident.id))
      .limit(1);
    if (taken) throw errors.conflict('residentId', residentTaken);
    person = {
      name: resident.name,
      gender: resident.gender,
      territoryCode: resident.territoryCode,
      residentId: resident.id,
    };
  } else {
    const node = await loadInScope(tx, scopes.write, input.territoryId!);
    if (node.level !== 'grid' && node.level !== 'community') {
      throw errors.validation([
        {
          field: 'territoryId',
          code: 'level',
          message: { zh: '请选择网格或社区', en: 'Choose a grid or a community' },
        },
      ]);
    }
    person = {
      name: input.name!,
      gender: input.gender ?? null,
      territoryCode: node.code,
      residentId: null,
    };
  }
  const id = newId();
  const mobile = input.mobile ?? null;
  await tx.insert(persons).values({
    id,
    ...person,
    mobileEnc: mobile ? encrypt(keys, mobile) : null,
    mobileIndex: mobile ? blindIndex(keys, 'mobile', mobile) : null,
  });
  await appendAudit(tx, actor, {
    action: 'person.created',
    entityType: 'person',
    entityId: id,
    territoryCode: person.territoryCode,
    changes: changedFields(null, { ...person, mobile }, { mobile: maskMobile }),
  });
  return id;
}

/**
 * Links an account to a person inside the caller's person:write scope, or unlinks it (`userId` null). The caller
 * must be able to manage the account linked and the one it replaces (accounts' rule); an account belongs to one
 * person at most (409). The access the person's positions gave the account replaced moves to the new one, or ends
 * when the account is unlinked (handOverPositionAccess).
 */
export async function linkAccount(
  { db }: Deps,
  scope: Scope,
  auth: AuthContext,
  actor: Actor,
  id: string,
  userId: string | null,
): Promise<void> {
  await refusingDuplicates(() =>
    db.transaction(async (tx) => {
      const [person] = await tx
        .select({ id: persons.id, userId: persons.userId, territoryCode: persons.territoryCode })
        .from(persons)
        .where(and(eq(persons.id, id), personInScope(scope)))
        .limit(1)
        .for('update');
      if (!person) throw errors.notFound();
      if (person.userId === userId) return;
      if (person.userId) await manageableAccount(tx, auth, person.userId);
      if (userId) {
        await manageableAccount(tx, auth, userId);
        const [elsewhere] = await tx
          .select({ id: persons.id })
          .from(persons)
          .where(and(eq(persons.userId, userId), ne(persons.id, id)))
          .limit(1);
        if (elsewhere) throw errors.conflict('userId', accountTaken);
      }
      const now = new Date();
      await tx
        .update(persons)
        .set({ userId, linkedAt: userId ? now : null, updatedAt: now })
        .where(eq(persons.id, id));
      await appendAudit(tx, actor, {
        action: userId ? 'person.account_linked' : 'person.account_unlinked',
        entityType: 'person',
        entityId: id,
        territoryCode: person.territoryCode,
        changes: { userId: { from: person.userId, to: userId } },
      });
      if (person.userId) await handOverPositionAccess(tx, actor, person, person.userId, userId);
    }),
  );
}

/**
 * The people figures of a place within the scope, as of `asOf`: persons recorded by then, and those whose current
 * account link was made by then (an earlier link since undone is not counted: links keep no history but the audit
 * log).
 */
export async function countPeople(db: Executor, scope: Scope, code?: string, asOf?: Date) {
  const at = asOf ?? new Date();
  const [row] = await db
    .select({
      people: sql<number>`count(*) filter (where ${lte(persons.createdAt, at)})::int`,
      peopleLinked: sql<number>`count(*) filter (where ${persons.userId} is not null and ${lte(persons.linkedAt, at)})::int`,
    })
    .from(persons)
    .where(and(personInScope(scope), code ? startsWith(persons.territoryCode, code) : undefined));
  return { people: row?.people ?? 0, peopleLinked: row?.peopleLinked ?? 0 };
}
