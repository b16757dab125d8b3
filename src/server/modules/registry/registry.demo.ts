import type { DataKeys } from '../../core/auth/personal-data.ts';
import { columnArrays, insertColumns, pushRow, withIndexesDeferred } from '../../core/db/bulk.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { newId } from '../../core/db/ids.ts';
import { makeIdCard } from './id-card.ts';
import {
  buildBuilding,
  buildHousehold,
  buildResident,
  buildResidentTag,
  buildUnit,
} from './registry.factories.ts';
import {
  buildings,
  gridLayoutHistory,
  households,
  residents,
  residentTags,
  units,
  type KeyPopulationTag,
} from './registry.tables.ts';
import { compoundName, personName, propertyCompany, surname } from '../../core/demo/names.ts';
import type { Random } from '../../core/demo/random.ts';
import { DEMO_TREE_SINCE, demoCounty, type DemoCounty } from '../territory/territory.public.ts';
import type { TownBuilding } from '../planner/planner.public.ts';

/** Ages and dates are computed from this day, not from today, so the same seed always gives the same county. */
export const DEMO_REFERENCE_DATE = new Date(Date.UTC(2026, 6, 1));

/** Synthetic region codes for residents registered elsewhere (floating population). */
const OTHER_REGIONS = ['379902', '379903', '379905', '419901', '349901', '329901'];

/**
 * The moment the n-th demo household was registered: three in four when the registry was first filled in the first
 * quarter after DEMO_TREE_SINCE, the others on days spread until DEMO_REFERENCE_DATE (new arrivals), at 10:00
 * Asia/Shanghai. Drawn from a hash of n rather than from the shared random stream, so the county's other draws stay
 * as they were.
 */
function registrationDay(n: number): Date {
  let x = (n + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  const u = ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
  const start = Date.parse(`${DEMO_TREE_SINCE}T10:00:00+08:00`);
  const firstQuarter = 90 * 86_400_000;
  const offset =
    u < 0.75
      ? Math.floor((u / 0.75) * 90) * 86_400_000
      : firstQuarter +
        Math.floor(
          ((u - 0.75) / 0.25) * ((DEMO_REFERENCE_DATE.getTime() - start - firstQuarter) / 86_400_000),
        ) *
          86_400_000;
  return new Date(start + offset);
}

const VILLAGE_SUFFIXES = ['庄', '村', '屯', '营', '洼'];

/**
 * How a town building is built: old low-rise → old compound (4–7 floors, two rooms a floor; a rental building near a
 * market), new high-rise → residential compound (towers of 100–300 households with 18–33 floors and several units,
 * mid-rise slabs of 6–11 floors; a commercial-residential building near a market, homes from the third floor),
 * village → low houses of 1–3 floors kept as old compounds. Enough rooms for exactly its households.
 */
function buildingShape(random: Random, tb: TownBuilding) {
  const n = tb.households;
  let kind: 'old_compound' | 'residential_compound' | 'rental' | 'commercial';
  let unitCount: number;
  let perFloor: number;
  let firstFloor = 1;
  let floors: number;
  if (tb.kind === 'village') {
    kind = 'old_compound';
    unitCount = 1;
    floors = Math.min(n, random.int(1, 3));
    perFloor = Math.ceil(n / floors);
  } else if (tb.kind === 'old') {
    kind = tb.renterRate >= 0.15 ? 'rental' : 'old_compound';
    perFloor = kind === 'rental' ? 4 : 2;
    floors = random.int(4, 7);
    unitCount = Math.max(1, Math.ceil(n / (floors * perFloor)));
  } else if (n >= 100) {
    kind = 'residential_compound';
    perFloor = random.int(2, 4);
    unitCount = Math.max(1, Math.round(n / (random.int(18, 33) * perFloor)));
    floors = 0;
  } else {
    kind = tb.renterRate >= 0.12 ? 'commercial' : 'residential_compound';
    perFloor = 2;
    firstFloor = kind === 'commercial' ? 3 : 1;
    floors = random.int(6, 11);
    unitCount = Math.max(1, Math.ceil(n / ((floors - firstFloor + 1) * perFloor)));
  }
  const needed = firstFloor - 1 + Math.ceil(Math.ceil(n / unitCount) / perFloor);
  return { kind, unitCount, perFloor, firstFloor, floors: Math.max(floors, needed) };
}

/** Column arrays ready for `insertColumns`. */
export type RegistryData = ReturnType<typeof generateRegistry>;

type Person = {
  gender: 'male' | 'female';
  age: number;
  relation: 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'tenant' | 'other';
  surname?: string;
  tags: [KeyPopulationTag, number][];
};

/**
 * Buildings, units, households and residents for every grid of the demo county: about 300 households a grid at
 * scale 1, household structures, ages, political status and key-population tags at plausible rates, ID-card numbers
 * with valid checksums and mobile numbers encrypted with the given keys. Also the county's earlier layout of grids.
 * Every building, unit, household, resident and tag is built by the registry's factories (registry.factories.ts)
 * from values drawn here, then appended to the column arrays.
 */
export function generateRegistry(random: Random, county: DemoCounty, keys: DataKeys) {
  const { nodes } = county;
  const b = columnArrays(buildings, [
    'id',
    'gridId',
    'territoryCode',
    'code',
    'name',
    'compound',
    'kind',
    'floors',
    'unitCount',
    'lng',
    'lat',
    'propertyCompany',
    'createdAt',
  ]);
  const u = columnArrays(units, ['id', 'buildingId', 'number']);
  const h = columnArrays(households, [
    'id',
    'buildingId',
    'unitId',
    'territoryCode',
    'room',
    'kind',
    'tenure',
    'createdAt',
  ]);
  const r = columnArrays(residents, [
    'id',
    'householdId',
    'buildingId',
    'territoryCode',
    'name',
    'gender',
    'birthDate',
    'idCardEnc',
    'idCardIndex',
    'phoneEnc',
    'phoneIndex',
    'relation',
    'politicalStatus',
    'residency',
    'createdAt',
    'movedInAt',
  ]);
  const tags = columnArrays(residentTags, ['residentId', 'tag', 'careLevel', 'since']);
  const layout = columnArrays(gridLayoutHistory, [
    'id',
    'layout',
    'communityId',
    'code',
    'name',
    'boundary',
    'validFrom',
    'validTo',
  ]);
  const usedIds = new Set<string>();
  let householdCount = 0;
  const treeSince = new Date(`${DEMO_TREE_SINCE}T09:00:00+08:00`);
  const layoutUntil = new Date(treeSince.getTime() - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  let phoneCounter = 17_100_000_000;

  const addPerson = (
    p: Person,
    household: { id: string; buildingId: string; code: string; floating: boolean; registeredAt: Date },
  ) => {
    // Born on a day that makes them `age` on DEMO_REFERENCE_DATE (a birthday later in the year: one year earlier),
    // so an age rule (elderly living alone are 65 or older) holds for everyone it was drawn for.
    const month = random.int(0, 11);
    const day = random.int(1, 28);
    const later =
      Date.UTC(2000, month, day) >
      Date.UTC(2000, DEMO_REFERENCE_DATE.getUTCMonth(), DEMO_REFERENCE_DATE.getUTCDate());
    const year = DEMO_REFERENCE_DATE.getUTCFullYear() - p.age - (later ? 1 : 0);
    const birth = new Date(Date.UTC(year, month, day));
    const region = household.floating ? random.pick(OTHER_REGIONS) : nodes[0]!.code;
    let sequence = random.int(0, 498) * 2 + (p.gender === 'male' ? 1 : 0);
    let idCard = makeIdCard(region, birth, sequence % 1000);
    while (usedIds.has(idCard)) {
      sequence = (sequence + 2) % 1000;
      idCard = makeIdCard(region, birth, sequence);
    }
    usedIds.add(idCard);
    const hasId = p.age >= 16 || random.chance(0.9);
    const hasPhone = p.age >= 16 && p.age <= 80 && random.chance(0.92);
    const phone = hasPhone ? String((phoneCounter += random.int(1, 40))) : null;
    const name = personName(random, p.gender, p.surname);
    // One draw decides membership: about one member in sixteen is still probationary (预备党员).
    const member = p.age >= 25 ? random.next() : 1;
    const politicalStatus =
      member < 0.08
        ? member < 0.075
          ? 'party_member'
          : 'probationary_member'
        : p.age >= 14 && p.age <= 28 && random.chance(0.2)
          ? 'league_member'
          : p.age >= 30 && random.chance(0.003)
            ? 'democratic_party'
            : 'masses';
    const residency = household.floating
      ? 'floating'
      : random.chance(0.03)
        ? 'registered_away'
        : 'registered';
    const resident = buildResident(keys, {
      householdId: household.id,
      buildingId: household.buildingId,
      territoryCode: household.code,
      name,
      gender: p.gender,
      birthDate: birth.toISOString().slice(0, 10),
      idCard: hasId ? idCard : null,
      phone,
      relation: p.relation,
      politicalStatus,
      residency,
    });
    // Members are registered with their household, and live there since.
    const at = household.registeredAt;
    pushRow(r, { ...resident, createdAt: at, movedInAt: at });
    const personTags = [...p.tags];
    if (random.chance(0.025)) personTags.push(['disabled', random.int(1, 3)]);
    if (random.chance(0.004)) personTags.push(['special_care', 3]);
    if (p.gender === 'male' && p.age >= 40 && random.chance(0.03)) personTags.push(['veteran', 1]);
    if (p.age >= 40 && random.chance(0.008)) personTags.push(['serious_illness', 2]);
    if (p.age < 16 && random.chance(0.003)) personTags.push(['left_behind_child', 2]);
    for (const [tag, careLevel] of new Map(personTags)) {
      pushRow(tags, { ...buildResidentTag({ residentId: resident.id, tag, careLevel }), since: at });
    }
  };

  /** A household's members by structure: lone elderly, couples, families with children, three generations. */
  const members = (floating: boolean, elderlyAlone: number): Person[] => {
    const family = surname(random);
    const m = (age: number, relation: Person['relation'], tags: Person['tags'] = []): Person => ({
      gender: 'male',
      age,
      relation,
      surname: family,
      tags,
    });
    const f = (age: number, relation: Person['relation'], tags: Person['tags'] = []): Person => ({
      gender: 'female',
      age,
      relation,
      tags,
    });
    const child = (parentAge: number, relation: Person['relation'] = 'child'): Person => {
      const age = Math.max(0, parentAge - random.int(22, 35));
      return { gender: random.chance(0.52) ? 'male' : 'female', age, relation, surname: family, tags: [] };
    };
    if (floating) {
      const age = random.int(19, 45);
      const head = random.chance(0.6) ? m(age, 'head') : f(age, 'head');
      const out = [head];
      if (random.chance(0.45)) {
        out.push(
          head.gender === 'male'
            ? f(age + random.int(-3, 3), 'spouse')
            : m(age + random.int(-3, 3), 'spouse'),
        );
      }
      if (out.length === 2 && random.chance(0.4)) out.push(child(age));
      return out;
    }
    // The share of elderly living alone is the building's (the town's rate); the other structures keep their shares.
    const draw = random.next();
    if (draw < elderlyAlone) {
      const age = random.int(65, 92);
      const tag: Person['tags'] = [['elderly_alone', age >= 80 ? 3 : 2]];
      return [random.chance(0.6) ? f(age, 'head', tag) : m(age, 'head', tag)];
    }
    const roll = 0.07 + ((draw - elderlyAlone) / (1 - elderlyAlone)) * 0.93;
    if (roll < 0.19) {
      const age = random.int(60, 88);
      const tag: Person['tags'] = age >= 65 ? [['elderly_empty_nest', 1]] : [];
      return [m(age, 'head', tag), f(age - random.int(0, 4), 'spouse', tag)];
    }
    if (roll < 0.24) {
      const age = random.int(22, 38);
      return [random.chance(0.55) ? m(age, 'head') : f(age, 'head')];
    }
    if (roll < 0.31) {
      const age = random.int(24, 40);
      return [m(age, 'head'), f(age - random.int(0, 4), 'spouse')];
    }
    if (roll < 0.61) {
      const age = random.int(28, 55);
      return [m(age, 'head'), f(age - random.int(0, 4), 'spouse'), child(age)];
    }
    if (roll < 0.75) {
      const age = random.int(30, 50);
      return [m(age, 'head'), f(age - random.int(0, 4), 'spouse'), child(age), child(age)];
    }
    const age = random.int(32, 50);
    const grandAge = age + random.int(24, 32);
    const out = [m(age, 'head'), f(age - random.int(0, 4), 'spouse'), child(age)];
    if (random.chance(0.5)) out.push(child(age));
    out.push(m(grandAge, 'parent'));
    if (random.chance(0.7)) out.push(f(grandAge - random.int(0, 4), 'parent'));
    return out;
  };

  const grids = nodes.filter((n) => n.level === 'grid');
  const townBuildings = new Map(county.town.town.buildings.map((tb) => [tb.id, tb]));
  /** One compound (小区) per block of the town, named when its first building is generated; villages as villages. */
  const compounds = new Map<string, { name: string; next: number }>();
  const compoundOf = (tb: TownBuilding) => {
    let compound = compounds.get(tb.block);
    if (!compound) {
      const name =
        tb.kind === 'village' ? `${surname(random)}家${random.pick(VILLAGE_SUFFIXES)}` : compoundName(random);
      compounds.set(tb.block, (compound = { name, next: 1 }));
    }
    return compound;
  };
  for (const grid of grids) {
    const inGrid = county.gridOf
      .get(grid.id)!
      .buildingIds.map((id) => townBuildings.get(id)!)
      .sort((x, y) => (x.block < y.block ? -1 : x.block > y.block ? 1 : y.y - x.y || x.x - y.x));
    inGrid.forEach((tb, index) => {
      const compound = compoundOf(tb);
      const shape = buildingShape(random, tb);
      const { kind, unitCount, perFloor, firstFloor, floors } = shape;
      const [lng, lat] = county.town.points.get(tb.id)!;
      const building = buildBuilding({
        gridId: grid.id,
        territoryCode: grid.code,
        sequence: index + 1,
        name: `${compound.name}${compound.next++}${tb.kind === 'village' ? '号院' : '号楼'}`,
        compound: compound.name,
        kind,
        floors,
        unitCount,
        lng,
        lat,
        propertyCompany:
          tb.kind === 'village' || (kind === 'old_compound' && random.chance(0.4))
            ? null
            : propertyCompany(random),
      });
      pushRow(b, { ...building, createdAt: treeSince });
      const buildingId = building.id;
      // Exactly the town's households, spread over the units as evenly as the rooms allow.
      for (let number = 1; number <= unitCount; number++) {
        const unit = buildUnit({ buildingId, number });
        pushRow(u, unit);
        const inUnit = Math.floor(tb.households / unitCount) + (number <= tb.households % unitCount ? 1 : 0);
        let count = 0;
        for (let floor = firstFloor; floor <= floors && count < inUnit; floor++) {
          for (let pos = 1; pos <= perFloor && count < inUnit; pos++) {
            const k = random.next();
            // The town's rates: renters cluster near markets (floating households, 1.55 × the town's renter rate:
            // about 12% county-wide as before), elderly living alone in old compounds.
            const householdKind =
              k < 0.05
                ? 'vacant'
                : k < 0.05 + Math.min(0.6, 1.55 * tb.renterRate) || kind === 'rental'
                  ? 'floating'
                  : 'permanent';
            const household = buildHousehold({
              buildingId,
              unitId: unit.id,
              territoryCode: grid.code,
              room: `${floor}${String(pos).padStart(2, '0')}`,
              kind: householdKind,
              tenure:
                householdKind === 'floating'
                  ? 'rented'
                  : householdKind === 'vacant'
                    ? 'owned'
                    : random.chance(0.06)
                      ? 'rented'
                      : random.chance(0.04)
                        ? 'public'
                        : 'owned',
            });
            const registeredAt = registrationDay(householdCount++);
            pushRow(h, { ...household, createdAt: registeredAt });
            count += 1;
            if (householdKind === 'vacant') continue;
            const people = members(householdKind === 'floating', tb.elderlyRate);
            if (householdKind === 'permanent' && random.chance(0.018)) {
              for (const p of people) p.tags.push(['low_income', 2]);
            }
            for (const p of people) {
              addPerson(p, {
                id: household.id,
                buildingId,
                code: grid.code,
                floating: householdKind === 'floating',
                registeredAt,
              });
            }
          }
        }
      }
    });
  }

  // The layout before re-planning on DEMO_TREE_SINCE: the planner's own fresh output on the same town with fewer,
  // larger grids (204 for the 267 of scale 1), kept as history.
  const communities = nodes.filter((n) => n.level === 'community');
  for (const community of communities) {
    const baseName = community.name.replace(/社区$/, '');
    county.town.earlier[county.communityIndex.get(community.id)!]!.forEach((grid, i) => {
      layout.id.push(newId());
      layout.layout.push('2015');
      layout.communityId.push(community.id);
      layout.code.push(community.code + String(i + 1).padStart(3, '0'));
      layout.name.push(`${baseName}原第${i + 1}网格`);
      layout.boundary.push(grid.boundary);
      layout.validFrom.push('2015-01-01');
      layout.validTo.push(layoutUntil);
    });
  }
  return { buildings: b, units: u, households: h, residents: r, tags, layout };
}

/** The registry's demo data: every grid's buildings, units, households and residents, and the earlier layout. */
export async function generateRegistryDemo(context: DemoContext): Promise<Record<string, number>> {
  const registry = generateRegistry(context.random, demoCounty(context), context.keys);
  const r = registry;
  const total =
    r.buildings.id.length +
    r.units.id.length +
    r.households.id.length +
    r.residents.id.length +
    r.tags.tag.length +
    r.layout.id.length;
  let before = 0;
  /** Reports the rows inserted so far, across the registry's tables, as `what`'s chunks go in. */
  const counting = (what: string, rows: number) => {
    const base = before;
    before += rows;
    return (inserted: number) => context.progress?.(base + inserted, total, what);
  };
  const tx = context.tx;
  const load = async () => {
    await insertColumns(tx, buildings, r.buildings, undefined, counting('buildings', r.buildings.id.length));
    await insertColumns(tx, units, r.units, undefined, counting('units', r.units.id.length));
    await insertColumns(
      tx,
      households,
      r.households,
      undefined,
      counting('households', r.households.id.length),
    );
    await insertColumns(tx, residents, r.residents, undefined, counting('residents', r.residents.id.length));
    await insertColumns(tx, residentTags, r.tags, undefined, counting('resident tags', r.tags.tag.length));
    await insertColumns(
      tx,
      gridLayoutHistory,
      r.layout,
      undefined,
      counting('earlier grids', r.layout.id.length),
    );
  };
  // The registry is most of the seed: its tables' indexes are built once after the rows are in (measured: the
  // registry's part of the seed took two thirds of the time it took with the indexes kept up row by row).
  await withIndexesDeferred(tx, [buildings, units, households, residents, residentTags], load);
  context.shared.set('registry', registry.buildings.id);
  return {
    buildings: registry.buildings.id.length,
    households: registry.households.id.length,
    residents: registry.residents.id.length,
  };
}

/** The demo buildings' ids in generation order, for the demo generators of modules that run after this one. */
export function demoBuildingIds(context: DemoContext): string[] {
  const ids = context.shared.get('registry') as string[] | undefined;
  if (!ids) throw new Error('the registry demo has not run: name "registry" in demo.after');
  return ids;
}
