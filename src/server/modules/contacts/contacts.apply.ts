import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { Scope } from '../../core/auth/scope.ts';
import { jsonRows } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { leaderTerms } from '../leaders/leaders.public.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households, units } from '../registry/registry.public.ts';
import { contactErrors } from './contacts.errors.ts';
import {
  fingerprintOf,
  proposeAssignments,
  type ProposalBuilding,
  type ProposalContact,
  type ProposalHousehold,
} from './contacts.proposal.ts';
import type { ApplyInput } from './contacts.schemas.ts';
import {
  communityFor,
  dayBefore,
  isUniqueViolation,
  placeOf,
  settingsOf,
  type Community,
  type Deps,
} from './contacts.service.ts';
import { centralHouseholds, contactAssignments, type ContactKind } from './contacts.tables.ts';

// The automatic proposal over a community, read from the records (contacts.proposal.ts is its pure rule): its input,
// the review (what changes against today's assignments, households assigned by hand kept) and applying it (split
// from contacts.service.ts, which keeps the settings and the central households).

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
  // One JSON text: a county's 80,000 households reach JavaScript in a fraction of the time rows take on PGlite.
  const householdRows = (
    await jsonRows<{
      id: string;
      buildingId: string;
      unitId: string;
      buildingCode: string;
      buildingName: string;
      territoryCode: string;
      unitNumber: number;
      room: string;
      createdAt: string;
    }>(
      db,
      sql`select ${households.id} as "id", ${households.buildingId} as "buildingId", ${households.unitId} as "unitId",
        ${buildings.code} as "buildingCode", ${buildings.name} as "buildingName",
        ${households.territoryCode} as "territoryCode", ${units.number} as "unitNumber", ${households.room} as "room",
        ${households.createdAt} as "createdAt"
      from ${households}
        join ${buildings} on ${buildings.id} = ${households.buildingId}
        join ${units} on ${units.id} = ${households.unitId}
      where ${prefix} and ${households.movedOutAt} is null`,
    )
  ).map((h) => ({ ...h, createdAt: new Date(h.createdAt) }));
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
export async function computeProposal(db: Executor, community: Community, kind: ContactKind) {
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
