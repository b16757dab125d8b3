import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import {
  endPositionAccess,
  grantPositionAccess,
  personCondition,
  personOfUser,
  persons,
  type OpenedAccount,
} from '../people/people.public.ts';
import { buildings, households, residents } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { communityFor, communityOf, invalid, loadOrg, today } from './party.common.ts';
import type { CreateRegistrationInput, RegistrationHome, RegistrationView } from './party.schemas.ts';
import { partyOrgs, partyRegistrations, workUnits } from './party.tables.ts';

type Deps = { db: Db; keys: DataKeys };

/**
 * SQL over `party_registrations`: the registration lies inside the scope: its household's grid in a territory subtree
 * of the scope, or, for a `self` scope, the caller's own.
 */
export function registrationInScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.codes.length) parts.push(territoryCodeCondition(scope, partyRegistrations.territoryCode));
  if (scope.self && scope.userId) {
    parts.push(sql`party_registrations.person_id in (select persons.id from persons
      where persons.user_id = ${scope.userId})`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Whether the scope reaches places (a staff member's), not only the caller themself. */
const staff = (scope: Scope) => scope.all || scope.codes.length > 0;

const registrationColumns = {
  id: partyRegistrations.id,
  personId: partyRegistrations.personId,
  name: persons.name,
  workUnit: { id: workUnits.id, name: workUnits.name, kind: workUnits.kind },
  householdId: partyRegistrations.householdId,
  buildingName: buildings.name,
  room: households.room,
  communityCode: partyRegistrations.communityCode,
  territoryCode: partyRegistrations.territoryCode,
  skills: partyRegistrations.skills,
  availability: partyRegistrations.availability,
  status: partyRegistrations.status,
  branchId: partyRegistrations.branchId,
  branchName: partyOrgs.name,
  reason: partyRegistrations.reason,
  startsOn: partyRegistrations.startsOn,
  endsOn: partyRegistrations.endsOn,
  transferredTo: partyRegistrations.transferredTo,
  createdAt: partyRegistrations.createdAt,
};

function selectRegistrations(db: Executor) {
  return db
    .select(registrationColumns)
    .from(partyRegistrations)
    .innerJoin(persons, eq(persons.id, partyRegistrations.personId))
    .innerJoin(workUnits, eq(workUnits.id, partyRegistrations.workUnitId))
    .innerJoin(households, eq(households.id, partyRegistrations.householdId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .leftJoin(partyOrgs, eq(partyOrgs.id, partyRegistrations.branchId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRegistrations>['execute']>>[number];

function present(row: Row): RegistrationView {
  const { buildingName, room, createdAt, ...rest } = row;
  return { ...rest, address: `${buildingName} ${room}`, createdAt: createdAt.toISOString() };
}

/** Registrations inside the scope (optionally of one place, one status), the review queue first. */
export async function listRegistrations(
  { db }: Deps,
  scope: Scope,
  filter: { territoryId?: string; status?: RegistrationView['status'] },
): Promise<RegistrationView[]> {
  let code: string | undefined;
  if (filter.territoryId) {
    const [node] = await db
      .select({ code: territories.code })
      .from(territories)
      .where(eq(territories.id, filter.territoryId))
      .limit(1);
    if (!node) throw errors.notFound();
    const visible =
      scope.all || codeInScope(scope, node.code) || scope.codes.some((c) => c.startsWith(node.code));
    if (!visible) throw errors.notFound();
    code = node.code;
  }
  const rows = await selectRegistrations(db)
    .where(
      and(
        registrationInScope(scope),
        code ? startsWith(partyRegistrations.territoryCode, code) : undefined,
        filter.status ? eq(partyRegistrations.status, filter.status) : undefined,
      ),
    )
    .orderBy(
      asc(sql`case ${partyRegistrations.status} when 'submitted' then 0 when 'approved' then 1 else 2 end`),
      desc(partyRegistrations.createdAt),
      asc(partyRegistrations.id),
    )
    .limit(2000);
  return rows.map(present);
}

/** The registrations of the caller's own person. */
export async function myRegistrations({ db }: Deps, userId: string): Promise<RegistrationView[]> {
  const person = await personOfUser(db, userId);
  if (!person) return [];
  const rows = await selectRegistrations(db)
    .where(eq(partyRegistrations.personId, person.id))
    .orderBy(desc(partyRegistrations.createdAt), asc(partyRegistrations.id));
  return rows.map(present);
}

/**
 * What a registering member can offer, suggested on the registration form (GET /party/registrations/skills);
 * members may type others. The demo draws its members' skills from the same list.
 */
export const skillSuggestions: readonly string[] = [
  '医疗护理',
  '法律咨询',
  '教育辅导',
  '心理疏导',
  '水电维修',
  '文艺宣传',
  '政策宣讲',
  '应急救援',
  '信息技术',
  '助老助残',
];

/**
 * Where the caller lives, for registering themself: the household of the resident their person is (not moved out)
 * with its community, or null (no person, or a person standing alone).
 */
export async function myHome(db: Executor, userId: string): Promise<RegistrationHome | null> {
  const [row] = await db
    .select({
      householdId: households.id,
      buildingName: buildings.name,
      room: households.room,
      territoryCode: households.territoryCode,
    })
    .from(persons)
    .innerJoin(residents, eq(residents.id, persons.residentId))
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(and(eq(persons.userId, userId), isNull(residents.movedOutAt), isNull(households.movedOutAt)))
    .limit(1);
  if (!row) return null;
  const [community] = await db
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(eq(territories.code, communityOf(row.territoryCode)))
    .limit(1);
  if (!community) return null;
  return {
    householdId: row.householdId,
    address: `${row.buildingName} ${row.room}`,
    communityId: community.id,
    communityName: community.name,
  };
}

export async function getRegistration(db: Executor, id: string): Promise<RegistrationView> {
  const [row] = await selectRegistrations(db).where(eq(partyRegistrations.id, id)).limit(1);
  if (!row) throw errors.notFound();
  return present(row);
}

/** The household named, checked to be a household of the community still lived in (400 on the field otherwise). */
async function householdOf(tx: Executor, communityCode: string, householdId: string) {
  const [household] = await tx
    .select({ id: households.id, territoryCode: households.territoryCode, movedOutAt: households.movedOutAt })
    .from(households)
    .where(eq(households.id, householdId))
    .limit(1);
  if (!household || household.movedOutAt || !household.territoryCode.startsWith(communityCode)) {
    invalid('householdId', 'not_in_community', {
      zh: '须为该社区现有的住户',
      en: 'Choose an existing household of this community',
    });
  }
  return household;
}

const alreadyRegistered = {
  zh: '此人已有进行中的报到，请先注销或转移',
  en: 'This person already has a registration under way: deregister or transfer it first',
};

/** The work unit named by id, or found or made by name. */
async function workUnitOf(tx: Executor, actor: Actor, input: CreateRegistrationInput): Promise<string> {
  if (input.workUnitId) {
    const [unit] = await tx
      .select({ id: workUnits.id })
      .from(workUnits)
      .where(eq(workUnits.id, input.workUnitId));
    if (!unit) invalid('workUnitId', 'not_found', { zh: '没有该工作单位', en: 'No such work unit' });
    return unit.id;
  }
  const { name, kind } = input.workUnit!;
  const id = newId();
  const inserted = await tx
    .insert(workUnits)
    .values({ id, name, kind })
    .onConflictDoNothing({ target: workUnits.name })
    .returning({ id: workUnits.id });
  if (inserted.length === 0) {
    const [unit] = await tx.select({ id: workUnits.id }).from(workUnits).where(eq(workUnits.name, name));
    return unit!.id;
  }
  await appendAudit(tx, actor, {
    action: 'party.work_unit_created',
    entityType: 'work_unit',
    entityId: id,
    changes: { name, kind },
  });
  return id;
}

/**
 * Submits a registration (双报到): of the caller themself (a `self` scope), or of a person inside the caller's scope
 * with a community inside it. The household must be an existing household of that community.
 */
export async function createRegistration(
  { db }: Deps,
  scope: Scope,
  userId: string,
  actor: Actor,
  input: CreateRegistrationInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    let personId: string;
    const own = scope.self ? await personOfUser(tx, userId) : null;
    if (input.personId === undefined || (own && input.personId === own.id)) {
      if (!own) {
        invalid('personId', 'required', {
          zh: staff(scope) ? '请选择报到党员' : '您的账号尚未关联人员信息',
          en: staff(scope) ? 'Choose the member registering' : 'Your account is linked to no person',
        });
      }
      personId = own.id;
    } else {
      if (!staff(scope)) throw errors.notFound();
      const [person] = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.id, input.personId), personCondition(scope, persons.id)))
        .limit(1);
      if (!person) throw errors.notFound();
      personId = person.id;
    }
    const community = await communityFor(
      tx,
      { all: true, codes: [], buildingIds: [], self: false },
      input.territoryId,
    );
    if (personId !== own?.id && !codeInScope(scope, community.code)) throw errors.notFound();
    const household = await householdOf(tx, community.code, input.householdId);
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for('update');
    const [current] = await tx
      .select({ id: partyRegistrations.id })
      .from(partyRegistrations)
      .where(
        and(
          eq(partyRegistrations.personId, personId),
          inArray(partyRegistrations.status, ['submitted', 'approved']),
          isNull(partyRegistrations.endsOn),
        ),
      )
      .limit(1);
    if (current) throw errors.conflict('personId', alreadyRegistered);
    const workUnitId = await workUnitOf(tx, actor, input);
    const id = newId();
    const row = {
      id,
      personId,
      workUnitId,
      householdId: household.id,
      communityCode: community.code,
      territoryCode: household.territoryCode,
      skills: input.skills ?? [],
      availability: input.availability ?? null,
      status: 'submitted' as const,
    };
    await tx.insert(partyRegistrations).values(row);
    await appendAudit(tx, actor, {
      action: 'party.registration_submitted',
      entityType: 'party_registration',
      entityId: id,
      territoryCode: household.territoryCode,
      changes: row,
    });
    return id;
  });
}

async function loadRegistration(tx: Executor, scope: Scope, id: string) {
  const [row] = await tx
    .select()
    .from(partyRegistrations)
    .where(and(eq(partyRegistrations.id, id), registrationInScope(scope)))
    .limit(1)
    .for('update');
  if (!row) throw errors.notFound();
  return row;
}

const notSubmitted = {
  zh: '只能审核待审核的报到',
  en: 'Only a submitted registration can be reviewed',
};

/**
 * Approves a submitted registration and places the member in a branch of the community; the member gets the
 * party_member role over themself (an account opened when they had none, returned once).
 */
export async function approveRegistration(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  branchId: string,
): Promise<OpenedAccount | null> {
  return db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, scope, id);
    if (registration.status !== 'submitted') throw errors.conflict('status', notSubmitted);
    const branch = await loadOrg(tx, scope, branchId, { current: true });
    if (branch.kind !== 'branch' || branch.communityCode !== registration.communityCode) {
      invalid('branchId', 'not_in_community', {
        zh: '请选择本社区的党支部',
        en: 'Choose a branch of this community',
      });
    }
    const day = today();
    await tx
      .update(partyRegistrations)
      .set({
        status: 'approved',
        branchId: branch.id,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
        startsOn: day,
        updatedAt: new Date(),
      })
      .where(eq(partyRegistrations.id, id));
    const { opened } = await grantPositionAccess(
      tx,
      keys,
      actor,
      registration.personId,
      {
        role: 'party_member',
        scopeKind: 'self',
        scopeIds: [],
        source: { kind: 'party_registration', id },
        endsAt: null,
      },
      'own',
    );
    await appendAudit(tx, actor, {
      action: 'party.registration_approved',
      entityType: 'party_registration',
      entityId: id,
      territoryCode: registration.territoryCode,
      changes: { branchId: branch.id, branchName: branch.name, startsOn: day },
    });
    return opened;
  });
}

export async function rejectRegistration(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  reason: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, scope, id);
    if (registration.status !== 'submitted') throw errors.conflict('status', notSubmitted);
    await tx
      .update(partyRegistrations)
      .set({
        status: 'rejected',
        reason,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(partyRegistrations.id, id));
    await appendAudit(tx, actor, {
      action: 'party.registration_rejected',
      entityType: 'party_registration',
      entityId: id,
      territoryCode: registration.territoryCode,
      changes: { reason },
    });
  });
}

const notCurrent = {
  zh: '该报到已结束',
  en: 'This registration has ended',
};

/** Ends a registration today: the member (or the community) deregisters; the access it gave ends at once. */
export async function deregister({ db }: Deps, scope: Scope, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, scope, id);
    if (!['submitted', 'approved'].includes(registration.status) || registration.endsOn) {
      throw errors.conflict('status', notCurrent);
    }
    const day = today();
    await tx
      .update(partyRegistrations)
      .set({ status: 'deregistered', endsOn: day, updatedAt: new Date() })
      .where(eq(partyRegistrations.id, id));
    await endPositionAccess(tx, actor, [id]);
    await appendAudit(tx, actor, {
      action: 'party.registration_deregistered',
      entityType: 'party_registration',
      entityId: id,
      territoryCode: registration.territoryCode,
      changes: { status: { from: registration.status, to: 'deregistered' }, endsOn: day },
    });
  });
}

/**
 * Transfers a registration to another community: this one ends today (access with it), a submitted one is made
 * there for that community to review. Returns the new registration's id.
 */
export async function transferRegistration(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: { territoryId: string; householdId: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const registration = await loadRegistration(tx, scope, id);
    if (!['submitted', 'approved'].includes(registration.status) || registration.endsOn) {
      throw errors.conflict('status', notCurrent);
    }
    const community = await communityFor(
      tx,
      { all: true, codes: [], buildingIds: [], self: false },
      input.territoryId,
    );
    if (community.code === registration.communityCode) {
      invalid('territoryId', 'same_community', {
        zh: '请选择另一个社区',
        en: 'Choose another community',
      });
    }
    const household = await householdOf(tx, community.code, input.householdId);
    const day = today();
    const newIdValue = newId();
    await tx
      .update(partyRegistrations)
      .set({ status: 'transferred', endsOn: day, transferredTo: newIdValue, updatedAt: new Date() })
      .where(eq(partyRegistrations.id, id));
    await endPositionAccess(tx, actor, [id]);
    const row = {
      id: newIdValue,
      personId: registration.personId,
      workUnitId: registration.workUnitId,
      householdId: household.id,
      communityCode: community.code,
      territoryCode: household.territoryCode,
      skills: registration.skills,
      availability: registration.availability,
      status: 'submitted' as const,
    };
    await tx.insert(partyRegistrations).values(row);
    await appendAudit(tx, actor, {
      action: 'party.registration_transferred',
      entityType: 'party_registration',
      entityId: id,
      territoryCode: registration.territoryCode,
      changes: {
        to: { id: newIdValue, communityCode: community.code, territoryCode: household.territoryCode },
      },
    });
    return newIdValue;
  });
}

/** The work units, with the approved registrations still on within the scope. */
export async function listWorkUnits({ db }: Deps, scope: Scope) {
  return db
    .select({
      id: workUnits.id,
      name: workUnits.name,
      kind: workUnits.kind,
      activeRegistrations: sql<number>`(select count(*)::int from ${partyRegistrations}
        where party_registrations.work_unit_id = work_units.id and party_registrations.status = 'approved'
        and party_registrations.ends_on is null and ${registrationInScope(scope)})`,
    })
    .from(workUnits)
    .orderBy(asc(sql`${workUnits.name} collate "C"`), asc(workUnits.id));
}
