import { createHash } from 'node:crypto';

/**
 * The automatic proposal of contact assignments (联系挂包), as a pure function: households of one community and the
 * contacts of one kind (leaders or central households) with their loads, in; one contact (or none) per household,
 * out. Nothing here reads the database, so the service, the demo and the tests run the same rule.
 *
 * The rule: a contact is proposed for a household by tier, then distance —
 *   0 the same unit (a unit leader's unit; the central household's own unit),
 *   1 the same building,
 *   2 the same compound (小区),
 *   3 any other building within the community's maximum distance;
 * never beyond that distance outside the same building and compound, never above the contact's maximum load. Pairs
 * are taken greedily in (tier, distance, household place, contact place) order, so the best pairs are served first
 * and a full contact leaves the rest to the next best; within one stairwell a household keeping its current contact
 * goes first (fewer changes). A household assigned by hand (`pinned`) keeps its contact first of all, counted in the
 * contact's load. Every order is by content (building codes, rooms, names), never by a random id, so the
 * same records give the same proposal.
 */

export type ProposalHousehold = {
  id: string;
  buildingId: string;
  unitId: string;
  /** Ordering: building code, unit number, room. */
  buildingCode: string;
  unitNumber: number;
  room: string;
  /** The contact key of its current assignment of this kind, if any. */
  current: string | null;
  /** Its current assignment was made by hand: it is kept (and counts in its contact's load) while the contact serves. */
  pinned?: boolean;
};

export type ProposalBuilding = {
  id: string;
  code: string;
  compound: string | null;
  lng: number | null;
  lat: number | null;
};

export type ProposalContact = {
  /** Leaders: the person's id; central households: the designation's id. */
  key: string;
  /** Ordering key by content (the place they live or lead, then the name). */
  order: string;
  maxLoad: number;
  /** Where they are: buildings (and the unit, for a unit leader or a central household's own unit). */
  sites: { buildingId: string; unitId: string | null }[];
};

export type ProposedAssignment = {
  householdId: string;
  contact: string | null;
  tier: number | null;
  /** Metres between the two buildings' points (0 in the same building), null when a point is missing. */
  distance: number | null;
};

/** Metres between two points (equirectangular: exact enough within a county). */
export function metresBetween(a: ProposalBuilding, b: ProposalBuilding): number | null {
  if (a.id === b.id) return 0;
  if (a.lng === null || a.lat === null || b.lng === null || b.lat === null) return null;
  const meanLat = (((a.lat + b.lat) / 2) * Math.PI) / 180;
  const dx = (b.lng - a.lng) * Math.cos(meanLat) * 111_320;
  const dy = (b.lat - a.lat) * 110_574;
  return Math.round(Math.sqrt(dx * dx + dy * dy));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Sorts after every known distance (a missing point). */
const NO_DISTANCE = Number.MAX_SAFE_INTEGER;

export function proposeAssignments(input: {
  households: ProposalHousehold[];
  buildings: Map<string, ProposalBuilding>;
  contacts: ProposalContact[];
  maxDistance: number;
}): ProposedAssignment[] {
  const { buildings, maxDistance } = input;
  // Stairwell groups: the households of one unit, in room order.
  type Group = { key: string; buildingId: string; unitId: string; members: ProposalHousehold[] };
  const groups = new Map<string, Group>();
  for (const h of input.households) {
    const gk = `${h.buildingCode}\u0000${String(h.unitNumber).padStart(3, '0')}\u0000${h.unitId}`;
    let g = groups.get(gk);
    if (!g) {
      g = { key: gk, buildingId: h.buildingId, unitId: h.unitId, members: [] };
      groups.set(gk, g);
    }
    g.members.push(h);
  }
  for (const g of groups.values()) {
    g.members.sort((a, b) => compare(a.room, b.room) || compare(a.id, b.id));
  }
  const contacts = [...input.contacts].sort((a, b) => compare(a.order, b.order) || compare(a.key, b.key));
  const groupList = [...groups.values()].sort((a, b) => compare(a.key, b.key));
  const load = contacts.map(() => 0);
  const result = new Map<string, ProposedAssignment>();
  // Households assigned by hand keep their contact (when it is still one): the proposal never undoes them.
  const rankOf = new Map(contacts.map((c, i) => [c.key, i]));
  for (const h of input.households) {
    const rank = h.pinned && h.current !== null ? rankOf.get(h.current) : undefined;
    if (rank === undefined) continue;
    result.set(h.id, { householdId: h.id, contact: h.current, tier: null, distance: null });
    load[rank]! += 1;
  }
  // Pairs as numbers (tier, distance, group rank, contact rank): sorting 50,000 of them stays fast.
  type Pair = { tier: number; distance: number; group: number; contact: number };
  const pairs: Pair[] = [];
  // Each contact's sites with their buildings, looked up once (not once per stairwell).
  const sites = contacts.map((contact) =>
    contact.maxLoad <= 0
      ? []
      : contact.sites.flatMap((site) => {
          const there = buildings.get(site.buildingId);
          return there ? [{ there, unitId: site.unitId }] : [];
        }),
  );
  groupList.forEach((group, gi) => {
    const here = buildings.get(group.buildingId);
    if (!here) return;
    for (let ci = 0; ci < contacts.length; ci++) {
      let bestTier = 99;
      let bestDistance = NO_DISTANCE;
      for (const { there, unitId } of sites[ci]!) {
        let tier: number;
        let distance: number | null;
        if (there.id === here.id) {
          tier = unitId === group.unitId ? 0 : 1;
          distance = 0;
        } else {
          // Past the best tier found, a site cannot improve on it (a distance is only compared within a tier).
          if (bestTier < 2) continue;
          distance = metresBetween(here, there);
          if (
            here.compound &&
            here.compound === there.compound &&
            (distance === null || distance <= maxDistance * 2)
          ) {
            tier = 2;
          } else if (distance !== null && distance <= maxDistance) tier = 3;
          else continue;
        }
        const d = distance ?? NO_DISTANCE;
        if (tier < bestTier || (tier === bestTier && d < bestDistance)) {
          bestTier = tier;
          bestDistance = d;
        }
      }
      if (bestTier < 99) pairs.push({ tier: bestTier, distance: bestDistance, group: gi, contact: ci });
    }
  });
  pairs.sort(
    (a, b) => a.tier - b.tier || a.distance - b.distance || a.group - b.group || a.contact - b.contact,
  );
  // Households of each stairwell already given a contact: a full stairwell is passed over without a look.
  const assigned = groupList.map((g) => g.members.filter((m) => result.has(m.id)).length);
  for (const pair of pairs) {
    const group = groupList[pair.group]!;
    if (assigned[pair.group] === group.members.length) continue;
    const contact = contacts[pair.contact]!;
    let room = contact.maxLoad - load[pair.contact]!;
    if (room <= 0) continue;
    const open = group.members.filter((m) => !result.has(m.id));
    // Those already assigned to this contact keep it first.
    const ordered = [
      ...open.filter((m) => m.current === contact.key),
      ...open.filter((m) => m.current !== contact.key),
    ];
    for (const m of ordered) {
      if (room <= 0) break;
      result.set(m.id, {
        householdId: m.id,
        contact: contact.key,
        tier: pair.tier,
        distance: pair.distance === NO_DISTANCE ? null : pair.distance,
      });
      assigned[pair.group]! += 1;
      room -= 1;
    }
    load[pair.contact] = contact.maxLoad - room;
  }
  return input.households.map(
    (h) => result.get(h.id) ?? { householdId: h.id, contact: null, tier: null, distance: null },
  );
}

/** A short digest of a proposal (which household gets which contact): what was reviewed is what is applied. */
export function fingerprintOf(kind: string, rows: { householdId: string; contact: string | null }[]): string {
  const lines = rows
    .map((r) => `${r.householdId}:${r.contact ?? '-'}`)
    .sort()
    .join('\n');
  return createHash('sha256').update(`${kind}\n${lines}`).digest('hex').slice(0, 32);
}
