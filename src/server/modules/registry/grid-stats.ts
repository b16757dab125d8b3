import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { currentVersion } from '../../core/db/versioned-cache.ts';
import { gridVersions } from '../../core/db/versions.tables.ts';
import { buildings, households, residents, residentTags, type KeyPopulationTag } from './registry.tables.ts';

/** Five-year age bands, the last open-ended, as on a census age pyramid. */
export const AGE_BANDS = Array.from({ length: 18 }, (_, i) => (i < 17 ? `${i * 5}-${i * 5 + 4}` : '85+'));

export { shanghaiDay };

/** The latest birth date of someone who is `years` old on the ISO day `on`. */
function birthDateYearsBefore(on: string, years: number): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/** The counts behind every registry figure of one group of records (a grid, or a whole place). Numbers add up. */
export type RegistryCounts = {
  households: { total: number; permanent: number; floating: number; vacant: number; rented: number };
  residents: {
    total: number;
    male: number;
    female: number;
    registered: number;
    floating: number;
    partyMembers: number;
    under18: number;
    over60: number;
    over80: number;
  };
  /** Per age band (AGE_BANDS), men and women. */
  pyramid: { male: number[]; female: number[] };
  /** Residents per key-population tag and care level, keyed `tag|careLevel`. */
  tags: Map<string, number>;
  /** Residents with at least one tag. */
  keyPopulation: number;
  buildings: number;
};

export function emptyCounts(): RegistryCounts {
  return {
    households: { total: 0, permanent: 0, floating: 0, vacant: 0, rented: 0 },
    residents: {
      total: 0,
      male: 0,
      female: 0,
      registered: 0,
      floating: 0,
      partyMembers: 0,
      under18: 0,
      over60: 0,
      over80: 0,
    },
    pyramid: { male: AGE_BANDS.map(() => 0), female: AGE_BANDS.map(() => 0) },
    tags: new Map(),
    keyPopulation: 0,
    buildings: 0,
  };
}

/** Adds `part` into `sum` (both RegistryCounts) and returns `sum`. */
export function addCounts(sum: RegistryCounts, part: RegistryCounts): RegistryCounts {
  for (const key of Object.keys(sum.households) as (keyof RegistryCounts['households'])[]) {
    sum.households[key] += part.households[key];
  }
  for (const key of Object.keys(sum.residents) as (keyof RegistryCounts['residents'])[]) {
    sum.residents[key] += part.residents[key];
  }
  for (let i = 0; i < AGE_BANDS.length; i++) {
    sum.pyramid.male[i]! += part.pyramid.male[i]!;
    sum.pyramid.female[i]! += part.pyramid.female[i]!;
  }
  for (const [key, n] of part.tags) sum.tags.set(key, (sum.tags.get(key) ?? 0) + n);
  sum.keyPopulation += part.keyPopulation;
  sum.buildings += part.buildings;
  return sum;
}

/** Which records a grouped count reads. `byGrid` groups by grid code; otherwise everything is one group (''). */
export type CountsQuery = {
  /** The day ages are counted on (ISO). */
  on: string;
  residents: SQL | undefined;
  households: SQL | undefined;
  buildings: SQL | undefined;
  byGrid: boolean;
};

/**
 * Every registry count of the records `query` selects, per grid or as one group, in five grouped statements (one
 * scan each of households, residents, tags with residents, tagged residents, buildings). Every number is a query.
 */
export async function groupedCounts(db: Executor, query: CountsQuery): Promise<Map<string, RegistryCounts>> {
  const reached = (years: number) =>
    sql`${residents.birthDate} <= ${birthDateYearsBefore(query.on, years)}::date`;
  const band = sql<number>`(${sql.join(
    AGE_BANDS.slice(1).map((_, i) => sql`(${reached((i + 1) * 5)})::int`),
    sql` + `,
  )})`;
  const group = (column: SQL | typeof residents.territoryCode) =>
    query.byGrid ? sql<string>`${column}` : sql<string>`''`;
  const residentCode = group(sql`${residents}.territory_code`);
  const [householdRows, residentRows, tagRows, keyRows, buildingRows] = await Promise.all([
    db
      .select({
        code: group(sql`${households}.territory_code`),
        total: sql<number>`count(*)::int`,
        permanent: sql<number>`count(*) filter (where ${households.kind} = 'permanent')::int`,
        floating: sql<number>`count(*) filter (where ${households.kind} = 'floating')::int`,
        vacant: sql<number>`count(*) filter (where ${households.kind} = 'vacant')::int`,
        rented: sql<number>`count(*) filter (where ${households.tenure} = 'rented')::int`,
      })
      .from(households)
      .where(query.households)
      .groupBy(sql`1`),
    db
      .select({
        code: residentCode,
        band,
        male: sql<number>`count(*) filter (where ${residents.gender} = 'male')::int`,
        female: sql<number>`count(*) filter (where ${residents.gender} = 'female')::int`,
        registered: sql<number>`count(*) filter (where ${residents.residency} = 'registered')::int`,
        floating: sql<number>`count(*) filter (where ${residents.residency} = 'floating')::int`,
        partyMembers: sql<number>`count(*) filter (where ${residents.politicalStatus} in ('party_member', 'probationary_member'))::int`,
        under18: sql<number>`count(*) filter (where not ${reached(18)})::int`,
      })
      .from(residents)
      .where(query.residents)
      .groupBy(sql`1`, sql`2`),
    db
      .select({
        code: residentCode,
        tag: residentTags.tag,
        careLevel: residentTags.careLevel,
        count: sql<number>`count(*)::int`,
      })
      .from(residentTags)
      .innerJoin(residents, eq(residents.id, residentTags.residentId))
      .where(query.residents)
      .groupBy(sql`1`, residentTags.tag, residentTags.careLevel),
    db
      .select({ code: residentCode, count: sql<number>`count(*)::int` })
      .from(residents)
      .where(
        and(
          query.residents,
          sql`exists (select 1 from ${residentTags} t where t.resident_id = ${residents}.id)`,
        ),
      )
      .groupBy(sql`1`),
    db
      .select({ code: group(sql`${buildings}.territory_code`), count: sql<number>`count(*)::int` })
      .from(buildings)
      .where(query.buildings)
      .groupBy(sql`1`),
  ]);

  const groups = new Map<string, RegistryCounts>();
  const of = (code: string) => {
    let counts = groups.get(code);
    if (!counts) groups.set(code, (counts = emptyCounts()));
    return counts;
  };
  for (const { code, ...h } of householdRows) Object.assign(of(code).households, h);
  for (const r of residentRows) {
    const counts = of(r.code);
    const band = Number(r.band);
    counts.pyramid.male[band]! += r.male;
    counts.pyramid.female[band]! += r.female;
    const c = counts.residents;
    c.total += r.male + r.female;
    c.male += r.male;
    c.female += r.female;
    c.registered += r.registered;
    c.floating += r.floating;
    c.partyMembers += r.partyMembers;
    c.under18 += r.under18;
    if (band >= 12) c.over60 += r.male + r.female;
    if (band >= 16) c.over80 += r.male + r.female;
  }
  for (const t of tagRows) of(t.code).tags.set(`${t.tag}|${t.careLevel}`, t.count);
  for (const k of keyRows) of(k.code).keyPopulation = k.count;
  for (const b of buildingRows) of(b.code).buildings = b.count;
  return groups;
}

/** Current records only (not moved out): what the per-grid counts hold. */
function currentCounts(on: string, codes: string[] | null): CountsQuery {
  const only = (column: SQL) => (codes ? sql`${column} = any(${sql.param(codes)}::text[])` : undefined);
  return {
    on,
    byGrid: true,
    residents: and(sql`${residents.movedOutAt} is null`, only(sql`${residents}.territory_code`)),
    households: and(sql`${households.movedOutAt} is null`, only(sql`${households}.territory_code`)),
    buildings: only(sql`${buildings}.territory_code`),
  };
}

type GridState = {
  /** The registry version the grids were last checked at, and the day their ages were counted on. */
  version: number;
  day: string;
  grids: Map<string, { version: number; counts: RegistryCounts }>;
  pending?: { version: number; day: string; done: Promise<Map<string, RegistryCounts>> };
};

const states = new WeakMap<Executor, GridState>();

/**
 * Current registry counts of every grid, by grid code, kept per process. When the registry's version moved, the
 * per-grid versions (bumped by triggers, migrations/0006) name the grids a write touched, and only those are counted
 * again; a new day (ages) counts all again. A write in this process is seen at once (versioned-cache.ts).
 */
export async function gridCounts(db: Executor): Promise<Map<string, RegistryCounts>> {
  let state = states.get(db);
  if (!state) states.set(db, (state = { version: -1, day: '', grids: new Map() }));
  const version = await currentVersion(db, 'registry');
  const day = shanghaiDay();
  if (state.version === version && state.day === day) return countsOf(state);
  if (state.pending?.version === version && state.pending.day === day) return state.pending.done;
  // Refreshes run one after another, so a slower, older one never overwrites a newer one's counts.
  const previous = state.pending?.done.catch(() => undefined);
  const done = (async () => {
    await previous;
    return refresh(db, state, version, day);
  })();
  state.pending = { version, day, done };
  done
    .finally(() => {
      if (state.pending?.done === done) state.pending = undefined;
    })
    .catch(() => undefined);
  return done;
}

async function refresh(db: Executor, state: GridState, version: number, day: string) {
  // Grid versions are read before counting: a write landing meanwhile leaves a newer version, counted next time.
  const versions = new Map(
    (await db.select().from(gridVersions)).map((row) => [row.code, Number(row.version)]),
  );
  // The first refresh, and the first of a new day (ages move on), count every grid.
  const newDay = state.day !== day;
  const stale = newDay
    ? null
    : [...new Set([...versions.keys(), ...state.grids.keys()])].filter(
        (code) => state.grids.get(code)?.version !== (versions.get(code) ?? 0),
      );
  if (stale === null || stale.length > 0) {
    const counted = await groupedCounts(db, currentCounts(day, stale));
    if (stale === null) state.grids.clear();
    for (const code of stale ?? counted.keys()) {
      const counts = counted.get(code);
      if (counts) state.grids.set(code, { version: versions.get(code) ?? 0, counts });
      else state.grids.delete(code);
    }
  }
  state.version = version;
  state.day = day;
  return countsOf(state);
}

function countsOf(state: GridState): Map<string, RegistryCounts> {
  return new Map([...state.grids].map(([code, grid]) => [code, grid.counts]));
}

/** The counts of the keys of `tags`, as the fact sheet and overview list them. */
export function tagsByKind(tags: Map<string, number>) {
  const byTag = new Map<
    KeyPopulationTag,
    { tag: KeyPopulationTag; count: number; byCareLevel: Record<string, number> }
  >();
  for (const [key, count] of tags) {
    const [tag, careLevel] = key.split('|') as [KeyPopulationTag, string];
    const entry = byTag.get(tag) ?? { tag, count: 0, byCareLevel: { 1: 0, 2: 0, 3: 0 } };
    entry.count += count;
    entry.byCareLevel[careLevel] = (entry.byCareLevel[careLevel] ?? 0) + count;
    byTag.set(tag, entry);
  }
  return [...byTag.values()].sort((a, b) => b.count - a.count);
}
