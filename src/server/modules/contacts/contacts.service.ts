import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { readSetting } from '../../core/settings/settings.ts';
import { partyMembers, setCentralHouseholdFlag } from '../party/party.public.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households, residents, units } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { contactErrors } from './contacts.errors.ts';
import type { DesignateInput, EndCentralInput, SettingsInput } from './contacts.schemas.ts';
import { centralMaxLoad, leaderMaxLoad, maxContactDistance } from './contacts.settings.ts';
import { centralHouseholds, contactAssignments, contactCommunitySettings } from './contacts.tables.ts';

export type Deps = { db: Db; keys: DataKeys };
export type Community = { id: string; code: string; name: string };

/** The day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * A community the caller may read about: inside the scope, or holding one of the scope's grids (a grid worker reads
 * their grid of it). `manage`: wholly inside the scope. Anything else answers 404; a node that is not a community 400.
 */
export async function communityFor(
  db: Executor,
  scope: Scope,
  id: string,
  manage = false,
): Promise<Community> {
  const [row] = await db
    .select({ id: territories.id, code: territories.code, name: territories.name, level: territories.level })
    .from(territories)
    .where(eq(territories.id, id))
    .limit(1);
  const reaches =
    row && (codeInScope(scope, row.code) || (!manage && scope.codes.some((c) => c.startsWith(row.code))));
  if (!row || !reaches) throw errors.notFound();
  if (row.level !== 'community') {
    throw errors.validation([
      {
        field: 'communityId',
        code: 'not_community',
        message: { zh: '请选择一个社区', en: 'Choose a community' },
      },
    ]);
  }
  return { id: row.id, code: row.code, name: row.name };
}

/** The community's settings: its own row, else the county's defaults. */
export async function settingsOf(db: Executor, community: Community) {
  const [own] = await db
    .select()
    .from(contactCommunitySettings)
    .where(eq(contactCommunitySettings.communityId, community.id))
    .limit(1);
  if (own) {
    return {
      communityId: community.id,
      leaderMaxLoad: own.leaderMaxLoad,
      centralMaxLoad: own.centralMaxLoad,
      maxDistance: own.maxDistance,
      own: true,
    };
  }
  // One after another: `db` may be a transaction's one connection.
  const leader = await readSetting(db, leaderMaxLoad);
  const central = await readSetting(db, centralMaxLoad);
  const distance = await readSetting(db, maxContactDistance);
  return {
    communityId: community.id,
    leaderMaxLoad: leader,
    centralMaxLoad: central,
    maxDistance: distance,
    own: false,
  };
}

export async function readCommunitySettings(db: Executor, scope: Scope, communityId: string) {
  return settingsOf(db, await communityFor(db, scope, communityId));
}

/** Sets a community's own loads and distance. Audited. */
export async function writeCommunitySettings({ db }: Deps, scope: Scope, actor: Actor, input: SettingsInput) {
  return db.transaction(async (tx) => {
    const community = await communityFor(tx, scope, input.communityId, true);
    const before = await settingsOf(tx, community);
    const values = {
      leaderMaxLoad: input.leaderMaxLoad,
      centralMaxLoad: input.centralMaxLoad,
      maxDistance: input.maxDistance,
    };
    await tx
      .insert(contactCommunitySettings)
      .values({
        communityId: community.id,
        communityCode: community.code,
        ...values,
        updatedBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: contactCommunitySettings.communityId,
        set: { ...values, updatedBy: actor.userId, updatedAt: new Date() },
      });
    const changes: Record<string, { from: number; to: number }> = {};
    for (const key of ['leaderMaxLoad', 'centralMaxLoad', 'maxDistance'] as const) {
      if (before[key] !== values[key]) changes[key] = { from: before[key], to: values[key] };
    }
    await appendAudit(tx, actor, {
      action: 'contact.settings_changed',
      entityType: 'contact_settings',
      entityId: community.id,
      territoryCode: community.code,
      changes,
    });
    return { communityId: community.id, ...values, own: true };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Central households

export const placeOf = (building: string, unit: number, room: string) => `${building} ${unit}单元 ${room}`;

/** The central households of a community inside the scope, with the households each contacts today. */
export async function listCentralHouseholds(
  db: Executor,
  scope: Scope,
  communityId: string,
  status: 'active' | 'ended' | 'all',
) {
  const community = await communityFor(db, scope, communityId);
  const today = shanghaiDay();
  const rows = await db
    .select({
      id: centralHouseholds.id,
      householdId: centralHouseholds.householdId,
      personId: centralHouseholds.personId,
      name: persons.name,
      gridName: territories.name,
      buildingName: buildings.name,
      buildingCode: buildings.code,
      unitNumber: units.number,
      room: households.room,
      maxLoad: centralHouseholds.maxLoad,
      startsOn: centralHouseholds.startsOn,
      endsOn: centralHouseholds.endsOn,
      note: centralHouseholds.note,
      endReason: centralHouseholds.endReason,
      load: sql<number>`(select count(*)::int from ${contactAssignments} a
        where a.central_household_id = ${centralHouseholds.id} and a.kind = 'central_household'
        and a.starts_on <= ${today}::date and (a.ends_on is null or a.ends_on >= ${today}::date))`,
    })
    .from(centralHouseholds)
    .innerJoin(persons, eq(persons.id, centralHouseholds.personId))
    .innerJoin(households, eq(households.id, centralHouseholds.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, centralHouseholds.buildingId))
    .innerJoin(territories, eq(territories.id, buildings.gridId))
    .where(
      and(
        startsWith(centralHouseholds.territoryCode, community.code),
        registryCondition(scope, centralHouseholds.territoryCode, centralHouseholds.buildingId),
        status === 'all'
          ? undefined
          : status === 'active'
            ? activeOn({ startsOn: centralHouseholds.startsOn, endsOn: centralHouseholds.endsOn }, today)
            : sql`${centralHouseholds.endsOn} < ${today}::date`,
      ),
    )
    .orderBy(asc(buildings.code), asc(units.number), asc(households.room), asc(centralHouseholds.startsOn));
  return rows.map(({ buildingCode: _code, ...r }) => r);
}

/** SQL: an active party member whose person lives in a household of the community (not moved out). */
function memberCandidates(db: Executor, communityCode: string, today: string, where?: SQL) {
  return db
    .selectDistinctOn([persons.id], {
      personId: persons.id,
      name: persons.name,
      householdId: households.id,
      unitId: households.unitId,
      gridName: territories.name,
      buildingId: buildings.id,
      buildingName: buildings.name,
      buildingCode: buildings.code,
      unitNumber: units.number,
      room: households.room,
      territoryCode: households.territoryCode,
    })
    .from(partyMembers)
    .innerJoin(persons, eq(persons.id, partyMembers.personId))
    .innerJoin(residents, eq(residents.id, persons.residentId))
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(territories, eq(territories.id, buildings.gridId))
    .where(
      and(
        activeOn({ startsOn: partyMembers.startsOn, endsOn: partyMembers.endsOn }, today),
        isNull(residents.movedOutAt),
        isNull(households.movedOutAt),
        startsWith(households.territoryCode, communityCode),
        where,
      ),
    )
    .orderBy(persons.id);
}

/** Party members living in the community whose household is not a central household yet: who may be designated. */
export async function centralCandidates(db: Executor, scope: Scope, communityId: string) {
  const community = await communityFor(db, scope, communityId, true);
  const today = shanghaiDay();
  const rows = await memberCandidates(
    db,
    community.code,
    today,
    sql`not exists (select 1 from ${centralHouseholds} c where c.household_id = ${households.id} and c.ends_on is null)`,
  );
  return rows
    .sort((a, b) =>
      a.buildingCode === b.buildingCode
        ? a.unitNumber - b.unitNumber || a.room.localeCompare(b.room) || a.name.localeCompare(b.name, 'zh-CN')
        : a.buildingCode < b.buildingCode
          ? -1
          : 1,
    )
    .map((r) => ({
      personId: r.personId,
      name: r.name,
      householdId: r.householdId,
      gridName: r.gridName,
      buildingName: r.buildingName,
      unitNumber: r.unitNumber,
      room: r.room,
    }));
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === '23505') {
      return name === constraint || (name === undefined && !!message?.includes(constraint));
    }
  }
  return false;
}

/**
 * Designates the household of a party member living in a community inside the scope as a central household, with
 * a load (the community's default when not given). 404 when the person is outside the scope, 409 when they are not
 * an active party member living there or the household already is one. Audited.
 */
export async function designateCentralHousehold(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: DesignateInput,
): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      const [person] = await tx
        .select({ id: persons.id, territoryCode: persons.territoryCode })
        .from(persons)
        .where(eq(persons.id, input.personId))
        .limit(1);
      if (!person || !codeInScope(scope, person.territoryCode)) throw errors.notFound();
      const today = shanghaiDay();
      const [member] = await memberCandidates(
        tx,
        person.territoryCode.slice(0, -3),
        today,
        eq(persons.id, input.personId),
      );
      if (!member || !codeInScope(scope, member.territoryCode)) throw contactErrors.notPartyMember();
      const [community] = await tx
        .select({ id: territories.id, code: territories.code, name: territories.name })
        .from(territories)
        .where(eq(territories.code, member.territoryCode.slice(0, -3)))
        .limit(1);
      const settings = await settingsOf(tx, community!);
      const id = newId();
      const startsOn = input.startsOn ?? today;
      await tx.insert(centralHouseholds).values({
        id,
        householdId: member.householdId,
        personId: member.personId,
        buildingId: member.buildingId,
        territoryCode: member.territoryCode,
        maxLoad: input.maxLoad ?? settings.centralMaxLoad,
        startsOn,
        note: input.note || null,
        createdBy: actor.userId,
      });
      // The party member's flag follows the designation (one truth: this table).
      await setCentralHouseholdFlag(tx, [member.personId], true);
      await appendAudit(tx, actor, {
        action: 'contact.central_designated',
        entityType: 'central_household',
        entityId: id,
        territoryCode: member.territoryCode,
        changes: {
          personId: member.personId,
          householdId: member.householdId,
          maxLoad: input.maxLoad ?? settings.centralMaxLoad,
          startsOn,
        },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'central_households_open_key')) throw contactErrors.alreadyCentral();
    throw error;
  }
}

/**
 * Ends a central household inside the scope (its last day, today when not given) and, with it, the assignments of
 * the households it contacted (history kept); the party member's flag is cleared at once (a designation with its
 * last day set is no longer "designated", as the proposal reads it too). Audited.
 */
export async function endCentralHousehold(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: EndCentralInput,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: centralHouseholds.id,
        personId: centralHouseholds.personId,
        territoryCode: centralHouseholds.territoryCode,
        startsOn: centralHouseholds.startsOn,
        endsOn: centralHouseholds.endsOn,
      })
      .from(centralHouseholds)
      .where(eq(centralHouseholds.id, id))
      .for('update');
    if (!row || !codeInScope(scope, row.territoryCode)) throw errors.notFound();
    if (row.endsOn !== null) throw contactErrors.alreadyEnded();
    const endsOn = input.endsOn ?? shanghaiDay();
    if (endsOn < dayBefore(row.startsOn)) {
      throw errors.validation([
        {
          field: 'endsOn',
          code: 'before_start',
          message: {
            zh: `最后一天不能早于认定日期（${row.startsOn}）的前一天`,
            en: `The last day cannot come before the day before it began (${row.startsOn})`,
          },
        },
      ]);
    }
    await tx
      .update(centralHouseholds)
      .set({ endsOn, endReason: input.reason || null })
      .where(eq(centralHouseholds.id, id));
    const ended = await tx
      .update(contactAssignments)
      .set({ endsOn: sql`greatest(${endsOn}::date, ${contactAssignments.startsOn} - 1)` })
      .where(and(eq(contactAssignments.centralHouseholdId, id), isNull(contactAssignments.endsOn)))
      .returning({ id: contactAssignments.id });
    // The party member's flag is cleared with their (last) designation.
    const [other] = await tx
      .select({ id: centralHouseholds.id })
      .from(centralHouseholds)
      .where(and(eq(centralHouseholds.personId, row.personId), isNull(centralHouseholds.endsOn)))
      .limit(1);
    if (!other) await setCentralHouseholdFlag(tx, [row.personId], false);
    await appendAudit(tx, actor, {
      action: 'contact.central_ended',
      entityType: 'central_household',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { endsOn, endReason: input.reason ?? null, householdsReleased: ended.length },
    });
    return { id, endsOn, householdsReleased: ended.length };
  });
}
