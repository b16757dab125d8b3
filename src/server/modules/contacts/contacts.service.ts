import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { readSetting } from '../../core/settings/settings.ts';
import { leaderTerms } from '../leaders/leaders.public.ts';
import { partyMembers, setCentralHouseholdFlag } from '../party/party.public.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households, residents, units } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { contactErrors } from './contacts.errors.ts';
import {
  fingerprintOf,
  proposeAssignments,
  type ProposalBuilding,
  type ProposalContact,
  type ProposalHousehold,
} from './contacts.proposal.ts';
import type { ApplyInput, DesignateInput, EndCentralInput, SettingsInput } from './contacts.schemas.ts';
import { centralMaxLoad, leaderMaxLoad, maxContactDistance } from './contacts.settings.ts';
import {
  centralHouseholds,
  contactAssignments,
  contactCommunitySettings,
  type ContactKind,
} from './contacts.tables.ts';

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

function isUniqueViolation(error: unknown, constraint: string): boolean {
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

// ---------------------------------------------------------------------------------------------------------------
// The proposal

type ContactInfo = {
  key: string;
  personId: string;
  name: string;
  place: string;
  maxLoad: number;
  /** Since when they serve (the leader's term in force, the designation): the demo starts assignments then. */
  since: string;
  /** The community they serve (their first building's). */
  communityCode: string;
};

/**
 * Everything the proposal of one kind over a community reads (the demo passes the county: every community's at once,
 * split by `communityCode`).
 */
export async function proposalInput(db: Executor, community: Community, kind: ContactKind, day: string) {
  const settings = await settingsOf(db, community);
  const prefix = startsWith(households.territoryCode, community.code);
  // One after another: `db` is a transaction's one connection when applying.
  const householdRows = await db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      unitId: households.unitId,
      buildingCode: buildings.code,
      buildingName: buildings.name,
      territoryCode: households.territoryCode,
      unitNumber: units.number,
      room: households.room,
      createdAt: households.createdAt,
    })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(prefix, isNull(households.movedOutAt)));
  const buildingRows = await db
    .select({
      id: buildings.id,
      code: buildings.code,
      name: buildings.name,
      compound: buildings.compound,
      lng: buildings.lng,
      lat: buildings.lat,
      territoryCode: buildings.territoryCode,
    })
    .from(buildings)
    .where(startsWith(buildings.territoryCode, community.code));
  const currentRows = await db
    .select({
      id: contactAssignments.id,
      householdId: contactAssignments.householdId,
      personId: contactAssignments.personId,
      centralHouseholdId: contactAssignments.centralHouseholdId,
      source: contactAssignments.source,
    })
    .from(contactAssignments)
    .where(
      and(
        startsWith(contactAssignments.territoryCode, community.code),
        eq(contactAssignments.kind, kind),
        isNull(contactAssignments.endsOn),
      ),
    );
  const buildingMap = new Map<string, ProposalBuilding & { name: string }>(
    buildingRows.map((b) => [b.id, b]),
  );
  const contacts: (ProposalContact & ContactInfo)[] = [];
  if (kind === 'leader') {
    const terms = await db
      .select({
        personId: leaderTerms.personId,
        name: persons.name,
        buildingId: leaderTerms.buildingId,
        buildingCode: buildings.code,
        buildingName: buildings.name,
        unitId: leaderTerms.unitId,
        unitNumber: units.number,
        startsOn: leaderTerms.startsOn,
        territoryCode: buildings.territoryCode,
      })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .leftJoin(units, eq(units.id, leaderTerms.unitId))
      .where(
        and(
          startsWith(buildings.territoryCode, community.code),
          eq(leaderTerms.status, 'approved'),
          activeOn({ startsOn: leaderTerms.startsOn, endsOn: leaderTerms.endsOn }, day),
          // A term in its last day takes no new household.
          sql`${leaderTerms.endsOn} > ${day}::date`,
        ),
      );
    const byPerson = new Map<string, (typeof terms)[number][]>();
    for (const t of terms) byPerson.set(t.personId, [...(byPerson.get(t.personId) ?? []), t]);
    for (const [personId, list] of byPerson) {
      list.sort((a, b) =>
        a.buildingCode === b.buildingCode
          ? (a.unitNumber ?? 0) - (b.unitNumber ?? 0)
          : a.buildingCode < b.buildingCode
            ? -1
            : 1,
      );
      const first = list[0]!;
      contacts.push({
        key: personId,
        personId,
        name: first.name,
        order: `${first.buildingCode}\u0000${String(first.unitNumber ?? 0).padStart(3, '0')}\u0000${first.name}`,
        maxLoad: settings.leaderMaxLoad,
        place: list
          .map((t) => (t.unitNumber ? `${t.buildingName}${t.unitNumber}单元` : t.buildingName))
          .join('、'),
        since: list.reduce((max, t) => (t.startsOn > max ? t.startsOn : max), first.startsOn),
        communityCode: first.territoryCode.slice(0, -3),
        sites: list.map((t) => ({ buildingId: t.buildingId, unitId: t.unitId })),
      });
    }
  } else {
    const rows = await db
      .select({
        id: centralHouseholds.id,
        personId: centralHouseholds.personId,
        name: persons.name,
        maxLoad: centralHouseholds.maxLoad,
        buildingId: centralHouseholds.buildingId,
        buildingCode: buildings.code,
        buildingName: buildings.name,
        unitId: households.unitId,
        unitNumber: units.number,
        room: households.room,
        startsOn: centralHouseholds.startsOn,
        territoryCode: centralHouseholds.territoryCode,
      })
      .from(centralHouseholds)
      .innerJoin(persons, eq(persons.id, centralHouseholds.personId))
      .innerJoin(households, eq(households.id, centralHouseholds.householdId))
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(buildings, eq(buildings.id, centralHouseholds.buildingId))
      .where(
        and(
          startsWith(centralHouseholds.territoryCode, community.code),
          activeOn({ startsOn: centralHouseholds.startsOn, endsOn: centralHouseholds.endsOn }, day),
          // One ending (its last day set) takes no new household.
          isNull(centralHouseholds.endsOn),
          isNull(households.movedOutAt),
        ),
      );
    for (const r of rows) {
      contacts.push({
        key: r.id,
        personId: r.personId,
        name: r.name,
        order: `${r.buildingCode}\u0000${String(r.unitNumber).padStart(3, '0')}\u0000${r.room}\u0000${r.name}`,
        maxLoad: r.maxLoad,
        place: placeOf(r.buildingName, r.unitNumber, r.room),
        sites: [{ buildingId: r.buildingId, unitId: r.unitId }],
        since: r.startsOn,
        communityCode: r.territoryCode.slice(0, -3),
      });
    }
  }
  const currentOf = new Map(currentRows.map((c) => [c.householdId, c]));
  const keyOf = (c: (typeof currentRows)[number]) =>
    kind === 'leader' ? c.personId : (c.centralHouseholdId ?? c.personId);
  const proposalHouseholds: ProposalHousehold[] = householdRows.map((h) => {
    const current = currentOf.get(h.id);
    return {
      id: h.id,
      buildingId: h.buildingId,
      unitId: h.unitId,
      buildingCode: h.buildingCode,
      unitNumber: h.unitNumber,
      room: h.room,
      current: current ? keyOf(current) : null,
      pinned: current?.source === 'manual',
    };
  });
  return { settings, householdRows, buildingMap, contacts, currentOf, keyOf, proposalHouseholds };
}

/** The proposal of one kind over a community, with what changes against today's assignments. */
async function computeProposal(db: Executor, community: Community, kind: ContactKind) {
  const day = shanghaiDay();
  const input = await proposalInput(db, community, kind, day);
  const proposed = proposeAssignments({
    households: input.proposalHouseholds,
    buildings: input.buildingMap,
    contacts: input.contacts,
    maxDistance: input.settings.maxDistance,
  });
  const fingerprint = fingerprintOf(kind, proposed);
  const contactOf = new Map(input.contacts.map((c) => [c.key, c]));
  const householdOf = new Map(input.householdRows.map((h) => [h.id, h]));
  const changes = proposed.map((p) => {
    const current = input.currentOf.get(p.householdId) ?? null;
    const currentKey = current ? input.keyOf(current) : null;
    const change: 'kept' | 'new' | 'changed' | 'ended' | 'none' =
      currentKey === p.contact
        ? p.contact
          ? 'kept'
          : 'none'
        : currentKey === null
          ? 'new'
          : p.contact === null
            ? 'ended'
            : 'changed';
    return { ...p, current, currentKey, change };
  });
  return { day, input, proposed, fingerprint, contactOf, householdOf, changes };
}

/** The proposal, as the review table shows it (only the rows that change or stay without a contact). */
export async function proposal(db: Executor, scope: Scope, communityId: string, kind: ContactKind) {
  const community = await communityFor(db, scope, communityId, true);
  const { input, fingerprint, contactOf, householdOf, changes } = await computeProposal(db, community, kind);
  // Names of current contacts no longer among the contacts (term ended, designation ended).
  const missing = [
    ...new Set(
      changes.filter((c) => c.current && !contactOf.has(c.currentKey!)).map((c) => c.current!.personId),
    ),
  ];
  const missingNames = missing.length
    ? new Map(
        (
          await db
            .select({ id: persons.id, name: persons.name })
            .from(persons)
            .where(inArray(persons.id, missing))
        ).map((p) => [p.id, p.name]),
      )
    : new Map<string, string>();
  const ref = (c: ContactInfo) => ({ key: c.key, personId: c.personId, name: c.name, place: c.place });
  const load = new Map<string, number>();
  const counts = { kept: 0, new: 0, changed: 0, ended: 0, none: 0 };
  for (const c of changes) {
    counts[c.change] += 1;
    if (c.contact) load.set(c.contact, (load.get(c.contact) ?? 0) + 1);
  }
  const rows = changes
    .flatMap((c) => {
      const change = c.change;
      if (change === 'kept') return [];
      const h = householdOf.get(c.householdId)!;
      const currentContact = c.currentKey ? contactOf.get(c.currentKey) : undefined;
      return [
        {
          householdId: c.householdId,
          buildingName: h.buildingName,
          unitNumber: h.unitNumber,
          room: h.room,
          proposed: c.contact ? ref(contactOf.get(c.contact)!) : null,
          tier: c.tier,
          distance: c.distance,
          current: c.current
            ? currentContact
              ? { ...ref(currentContact), valid: true }
              : {
                  key: c.currentKey!,
                  personId: c.current.personId,
                  name: missingNames.get(c.current.personId) ?? '',
                  place: '',
                  valid: false,
                }
            : null,
          change,
          order: `${h.buildingCode}\u0000${String(h.unitNumber).padStart(3, '0')}\u0000${h.room}`,
        },
      ];
    })
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ order: _o, ...r }) => r);
  const assigned = changes.length - counts.none - counts.ended;
  return {
    communityId: community.id,
    kind,
    fingerprint,
    maxLoad: kind === 'leader' ? input.settings.leaderMaxLoad : null,
    maxDistance: input.settings.maxDistance,
    summary: {
      households: changes.length,
      assigned,
      unassigned: changes.length - assigned,
      kept: counts.kept,
      new: counts.new,
      changed: counts.changed,
      ended: counts.ended,
    },
    contacts: input.contacts
      .slice()
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
      .map((c) => ({ ...ref(c), maxLoad: c.maxLoad, load: load.get(c.key) ?? 0 })),
    rows,
  };
}

/**
 * Writes a computed proposal's changes (new, changed, ended assignments; those kept are not touched; `only`: these
 * households' changes): the replaced assignments end the day before `startsOn` (a row started that very day never
 * held), the new ones start on it.
 */
export async function writeAssignments(
  tx: Executor,
  kind: ContactKind,
  computed: Awaited<ReturnType<typeof computeProposal>>,
  options: { only?: Set<string>; createdBy: string | null; startsOn: string },
) {
  const { changes, contactOf, householdOf } = computed;
  const todo = changes.filter(
    (c) => c.change !== 'kept' && c.change !== 'none' && (!options.only || options.only.has(c.householdId)),
  );
  const ending = todo.filter((c) => c.current).map((c) => c.current!.id);
  const endsOn = dayBefore(options.startsOn);
  for (let i = 0; i < ending.length; i += 5000) {
    await tx
      .update(contactAssignments)
      .set({ endsOn: sql`greatest(${endsOn}::date, ${contactAssignments.startsOn} - 1)` })
      .where(inArray(contactAssignments.id, ending.slice(i, i + 5000)));
  }
  const inserts = todo
    .filter((c) => c.contact)
    .map((c) => {
      const contact = contactOf.get(c.contact!)!;
      const h = householdOf.get(c.householdId)!;
      return {
        id: newId(),
        householdId: c.householdId,
        kind,
        personId: contact.personId,
        centralHouseholdId: kind === 'central_household' ? contact.key : null,
        territoryCode: h.territoryCode,
        buildingId: h.buildingId,
        distance: c.distance,
        source: 'proposal' as const,
        startsOn: options.startsOn,
        createdBy: options.createdBy,
      };
    });
  for (let i = 0; i < inserts.length; i += 1000) {
    await tx.insert(contactAssignments).values(inserts.slice(i, i + 1000));
  }
  return {
    assigned: todo.filter((c) => c.change === 'new').length,
    reassigned: todo.filter((c) => c.change === 'changed').length,
    ended: todo.filter((c) => c.change === 'ended').length,
  };
}

/**
 * Applies a reviewed proposal in one transaction with its audit row: computed again under a lock of the community's
 * assignments of that kind; when it is not the one reviewed (its fingerprint), nothing is written (409). Applying
 * the same proposal twice changes nothing the second time (no row, no audit).
 */
export async function applyProposal({ db }: Deps, scope: Scope, actor: Actor, input: ApplyInput) {
  try {
    return await db.transaction(async (tx) => {
      const community = await communityFor(tx, scope, input.communityId, true);
      // One apply at a time per community and kind; the proposal is computed again under the lock.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`contacts:${community.id}:${input.kind}`}))`,
      );
      const computed = await computeProposal(tx, community, input.kind);
      if (computed.fingerprint !== input.fingerprint) throw contactErrors.proposalStale();
      const result = await writeAssignments(tx, input.kind, computed, {
        only: input.householdIds ? new Set(input.householdIds) : undefined,
        createdBy: actor.userId,
        startsOn: computed.day,
      });
      if (result.assigned + result.reassigned + result.ended > 0) {
        await appendAudit(tx, actor, {
          action: 'contact.proposal_applied',
          entityType: 'contact_proposal',
          entityId: community.id,
          territoryCode: community.code,
          changes: { kind: input.kind, ...result },
        });
      }
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'contact_assignments_open_key')) throw contactErrors.proposalStale();
    throw error;
  }
}

export { computeProposal };
