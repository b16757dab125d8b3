import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, type Scope } from '../../core/auth/scope.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { errors } from '../../core/http/errors.ts';
import { leaderTerms } from '../leaders/leaders.public.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households, units } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { contactErrors } from './contacts.errors.ts';
import { metresBetween } from './contacts.proposal.ts';
import type { AssignInput, EndAssignmentInput } from './contacts.schemas.ts';
import { dayBefore, placeOf, settingsOf, type Deps } from './contacts.service.ts';
import { centralHouseholds, contactAssignments, type ContactKind } from './contacts.tables.ts';

// Manual contact assignment (联系挂包 by hand): a community official picks a household's leader contact or central
// household among those of the household's community, within the load (above it only when confirmed), or ends one.
// The row is marked `manual`: the automatic proposal keeps it (contacts.proposal.ts, `pinned`).

/** The household inside the scope (a community official's: its grid code), 404 otherwise; 409 when moved out. */
async function householdFor(db: Executor, scope: Scope, householdId: string) {
  const [row] = await db
    .select({
      id: households.id,
      territoryCode: households.territoryCode,
      buildingId: households.buildingId,
      movedOutAt: households.movedOutAt,
      buildingName: buildings.name,
      unitNumber: units.number,
      room: households.room,
    })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(units, eq(units.id, households.unitId))
    .where(eq(households.id, householdId))
    .limit(1);
  if (!row || !codeInScope(scope, row.territoryCode)) throw errors.notFound();
  const [community] = await db
    .select({ id: territories.id, code: territories.code, name: territories.name })
    .from(territories)
    .where(eq(territories.code, row.territoryCode.slice(0, -3)))
    .limit(1);
  if (!community) throw errors.notFound();
  return { ...row, community };
}

type Candidate = {
  key: string;
  personId: string;
  name: string;
  place: string;
  load: number;
  maxLoad: number;
  /** The building(s) they live in or lead, for the distance. */
  buildingIds: string[];
  /** Their grid codes (the scope must reach one). */
  codes: string[];
};

/**
 * The contacts of a kind in a community today, with their loads: the leaders with an approved term in force over one
 * of its buildings (key: the person), or its central households in force (key: the designation).
 */
async function contactsOf(
  db: Executor,
  scope: Scope,
  community: { id: string; code: string; name: string },
  kind: ContactKind,
): Promise<Candidate[]> {
  const all = await contactsIn(db, community, kind);
  return all.filter((c) => c.codes.some((code) => codeInScope(scope, code)));
}

async function contactsIn(
  db: Executor,
  community: { id: string; code: string; name: string },
  kind: ContactKind,
) {
  const today = shanghaiDay();
  const settings = await settingsOf(db, community);
  const prefix = `${community.code}%`;
  if (kind === 'leader') {
    const rows = await rowsOf<{
      person_id: string;
      name: string;
      places: string[];
      building_ids: string[];
      codes: string[];
      load: number;
    }>(
      db,
      sql`select lt.person_id, p.name,
          array_agg(case when u.number is null then b.name else b.name || u.number || '单元' end
            order by b.code, u.number nulls first) as places,
          array_agg(distinct b.id) as building_ids, array_agg(distinct b.territory_code) as codes,
          (select count(*)::int from ${contactAssignments} a where a.person_id = lt.person_id
            and a.kind = 'leader' and a.ends_on is null) as load
        from ${leaderTerms} lt join ${buildings} b on b.id = lt.building_id
        join ${persons} p on p.id = lt.person_id
        left join ${units} u on u.id = lt.unit_id
        where lt.status = 'approved' and lt.starts_on <= ${today}::date and lt.ends_on >= ${today}::date
          and b.territory_code like ${prefix}
        group by lt.person_id, p.name
        order by min(b.code), p.name, lt.person_id`,
    );
    return rows.map((r): Candidate => ({
      key: r.person_id,
      personId: r.person_id,
      name: r.name,
      place: [...new Set(r.places)].join('、'),
      load: r.load,
      maxLoad: settings.leaderMaxLoad,
      buildingIds: r.building_ids,
      codes: r.codes,
    }));
  }
  const rows = await db
    .select({
      id: centralHouseholds.id,
      personId: centralHouseholds.personId,
      name: persons.name,
      maxLoad: centralHouseholds.maxLoad,
      buildingId: centralHouseholds.buildingId,
      territoryCode: centralHouseholds.territoryCode,
      buildingName: buildings.name,
      unitNumber: units.number,
      room: households.room,
      load: sql<number>`(select count(*)::int from ${contactAssignments} a
        where a.central_household_id = ${centralHouseholds.id} and a.kind = 'central_household' and a.ends_on is null)`,
    })
    .from(centralHouseholds)
    .innerJoin(persons, eq(persons.id, centralHouseholds.personId))
    .innerJoin(households, eq(households.id, centralHouseholds.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, centralHouseholds.buildingId))
    .where(
      sql`${centralHouseholds.territoryCode} like ${prefix} and ${centralHouseholds.endsOn} is null
        and ${centralHouseholds.startsOn} <= ${today}::date`,
    )
    .orderBy(asc(buildings.code), asc(units.number), asc(households.room), asc(persons.name));
  return rows.map((r): Candidate => ({
    key: r.id,
    personId: r.personId,
    name: r.name,
    place: placeOf(r.buildingName, r.unitNumber, r.room),
    load: r.load,
    maxLoad: r.maxLoad,
    buildingIds: [r.buildingId],
    codes: [r.territoryCode],
  }));
}

/** The household's open assignment of a kind (at most one). */
async function openAssignment(db: Executor, householdId: string, kind: ContactKind) {
  const [row] = await db
    .select({
      id: contactAssignments.id,
      personId: contactAssignments.personId,
      centralHouseholdId: contactAssignments.centralHouseholdId,
      source: contactAssignments.source,
      startsOn: contactAssignments.startsOn,
    })
    .from(contactAssignments)
    .where(
      and(
        eq(contactAssignments.householdId, householdId),
        eq(contactAssignments.kind, kind),
        isNull(contactAssignments.endsOn),
      ),
    )
    .limit(1);
  return row ?? null;
}

const keyOf = (kind: ContactKind, a: { personId: string; centralHouseholdId: string | null }) =>
  kind === 'leader' ? a.personId : (a.centralHouseholdId ?? a.personId);

/** Who may be the household's contact of a kind (the household inside the scope): each with their load. */
export async function assignmentCandidates(
  db: Executor,
  scope: Scope,
  householdId: string,
  kind: ContactKind,
) {
  const household = await householdFor(db, scope, householdId);
  const [candidates, current] = await Promise.all([
    contactsOf(db, scope, household.community, kind),
    openAssignment(db, householdId, kind),
  ]);
  const currentKey = current ? keyOf(kind, current) : null;
  return {
    householdId,
    kind,
    place: placeOf(household.buildingName, household.unitNumber, household.room),
    current: current ? { key: currentKey!, source: current.source, since: current.startsOn } : null,
    candidates: candidates.map(({ buildingIds: _b, codes: _c, ...c }) => ({
      ...c,
      current: c.key === currentKey,
    })),
  };
}

/** Metres from the household's building to the nearest of the contact's, when both have a point. */
async function distanceTo(db: Executor, buildingId: string, others: string[]) {
  const rows = await db
    .select({
      id: buildings.id,
      code: buildings.code,
      compound: buildings.compound,
      lng: buildings.lng,
      lat: buildings.lat,
    })
    .from(buildings)
    .where(sql`${buildings.id} = any(${sql.param([buildingId, ...others])}::uuid[])`);
  const here = rows.find((r) => r.id === buildingId);
  if (!here) return null;
  const distances = others
    .map((id) => rows.find((r) => r.id === id))
    .map((there) => (there ? metresBetween(here, there) : null))
    .filter((d): d is number => d !== null);
  return distances.length ? Math.min(...distances) : null;
}

/**
 * Assigns a household's contact of a kind by hand: the household and the contact (a leader of, or a central household
 * in, the household's community) inside the scope, else 404. Above the contact's load only with `overLoad` (409
 * otherwise, naming the load). The household's current contact of the kind ends the day before (history kept); the
 * same contact again marks the row manual. The row is `manual`: a later proposal keeps it. Audited.
 */
export async function assignContact(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  householdId: string,
  input: AssignInput,
) {
  return db.transaction(async (tx) => {
    const household = await householdFor(tx, scope, householdId);
    if (household.movedOutAt) throw contactErrors.householdMovedOut();
    // One writer at a time per community and kind (as applying a proposal): loads stay true.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`contacts:${household.community.id}:${input.kind}`}))`,
    );
    const candidates = await contactsOf(tx, scope, household.community, input.kind);
    const contact = candidates.find((c) => c.key === input.contactKey);
    if (!contact) throw errors.notFound();
    const current = await openAssignment(tx, householdId, input.kind);
    const today = shanghaiDay();
    const changes: Record<string, unknown> = {
      householdId,
      kind: input.kind,
      personId: contact.personId,
      previousPersonId: current?.personId ?? null,
    };
    if (current && keyOf(input.kind, current) === contact.key) {
      if (current.source !== 'manual') {
        await tx
          .update(contactAssignments)
          .set({ source: 'manual' })
          .where(eq(contactAssignments.id, current.id));
        await appendAudit(tx, actor, {
          action: 'contact.assigned',
          entityType: 'contact_assignment',
          entityId: current.id,
          territoryCode: household.territoryCode,
          changes: { ...changes, source: 'manual' },
        });
      }
      return {
        id: current.id,
        personId: contact.personId,
        load: contact.load,
        maxLoad: contact.maxLoad,
        overLoad: false,
      };
    }
    const load = contact.load + 1;
    const overLoad = load > contact.maxLoad;
    if (overLoad && !input.overLoad) throw contactErrors.overLoad(contact.load, contact.maxLoad);
    if (current) {
      await tx
        .update(contactAssignments)
        .set({ endsOn: sql`greatest(${dayBefore(today)}::date, ${contactAssignments.startsOn} - 1)` })
        .where(eq(contactAssignments.id, current.id));
    }
    const id = newId();
    await tx.insert(contactAssignments).values({
      id,
      householdId,
      kind: input.kind,
      personId: contact.personId,
      centralHouseholdId: input.kind === 'central_household' ? contact.key : null,
      territoryCode: household.territoryCode,
      buildingId: household.buildingId,
      distance: await distanceTo(tx, household.buildingId, contact.buildingIds),
      source: 'manual',
      startsOn: today,
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor, {
      action: 'contact.assigned',
      entityType: 'contact_assignment',
      entityId: id,
      territoryCode: household.territoryCode,
      changes: { ...changes, source: 'manual', overLoad },
    });
    return { id, personId: contact.personId, load, maxLoad: contact.maxLoad, overLoad };
  });
}

/**
 * Ends a household's contact of a kind by hand (the household inside the scope, else 404; none open: 409): its last
 * day is yesterday (a row started today never held), so today's figures count the household without it. A later
 * proposal may propose a new contact for it, shown as new in the review. Audited.
 */
export async function endContact(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  householdId: string,
  input: EndAssignmentInput,
) {
  return db.transaction(async (tx) => {
    const household = await householdFor(tx, scope, householdId);
    const current = await openAssignment(tx, householdId, input.kind);
    if (!current) throw contactErrors.noContact();
    const [ended] = await tx
      .update(contactAssignments)
      .set({ endsOn: sql`greatest(${dayBefore(shanghaiDay())}::date, ${contactAssignments.startsOn} - 1)` })
      .where(eq(contactAssignments.id, current.id))
      .returning({ endsOn: contactAssignments.endsOn });
    await appendAudit(tx, actor, {
      action: 'contact.assignment_ended',
      entityType: 'contact_assignment',
      entityId: current.id,
      territoryCode: household.territoryCode,
      changes: {
        householdId,
        kind: input.kind,
        personId: current.personId,
        endsOn: ended!.endsOn,
        reason: input.reason ?? null,
      },
    });
    return { id: current.id, endsOn: ended!.endsOn! };
  });
}
