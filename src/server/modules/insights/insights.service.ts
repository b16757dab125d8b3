import type { Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import type { FigureContext, FigureSet } from '../../core/kit/module.ts';
import { createVersionedCache, scopeKey, type VersionedCache } from '../../core/db/versioned-cache.ts';
import { childStats, countBuildings, registryStats } from '../registry/registry.public.ts';
import { countTerritories, territoryDetail, territoryTree } from '../territory/territory.public.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import type { Figures, TrendInterval } from './insights.schemas.ts';

/** The end of a `to` day in Asia/Shanghai (UTC+8), when stock figures are taken. */
function endOfDayShanghai(day: string): Date {
  return new Date(new Date(`${day}T23:59:59.999+08:00`).getTime());
}

async function placeCode(db: Executor, scope: Scope, territoryId?: string): Promise<string | undefined> {
  return territoryId ? (await territoryDetail(db, scope, territoryId)).code : undefined;
}

/** Each figure set's results, cached until one of the data sets it reads changes (FigureSet.dataSets). */
const figureCaches = new WeakMap<FigureSet, VersionedCache<Record<string, number>>>();
function figureCache(set: FigureSet) {
  let cache = figureCaches.get(set);
  if (!cache) {
    cache = createVersionedCache<Record<string, number>>(set.dataSets ?? ['registry']);
    figureCaches.set(set, cache);
  }
  return cache;
}
const overviewCache = createVersionedCache<Awaited<ReturnType<typeof computeOverview>>>('registry');

/**
 * Every figure of the report the modules declare, for the caller's scope and an optional place. Each module's set
 * is cached on its own (figureCache), so a write recomputes only the sets that read what it changed.
 */
export async function figures(
  db: Executor,
  sets: FigureSet[],
  scope: Scope,
  query: { territoryId?: string; from?: string; to?: string },
): Promise<Figures> {
  // Nothing is recorded after now: a day after today (the end of a report period still running) is today.
  const to = query.to && endOfDayShanghai(query.to).getTime() < Date.now() ? query.to : undefined;
  // scopeKey carries today's date: figures of today change at midnight (terms end, people turn 60) without a write.
  const key = JSON.stringify([scopeKey(scope), query.territoryId, query.from, to]);
  // The place (checked against the scope: 404 outside it) is looked up once, and only when a set is computed.
  let context: Promise<FigureContext> | undefined;
  const contextOf = () => (context ??= figureContext(db, scope, { ...query, to }));
  const results = await Promise.all(
    sets.map((set) => figureCache(set)(db, key, async () => set.compute(await contextOf()))),
  );
  return Object.assign({}, ...results) as Figures;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a month (month 1–12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The `count` consecutive periods (months, quarters or years) ending with the one holding the day `to`, oldest
 * first; the last one ends on `to`.
 */
export function trendPeriods(interval: TrendInterval, count: number, to: string) {
  const months = interval === 'month' ? 1 : interval === 'quarter' ? 3 : 12;
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  // Months since year 0 of the last period's first month.
  const last = year * 12 + Math.floor((month - 1) / months) * months;
  const periods: { label: string; from: string; to: string }[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = last - i * months;
    const y = Math.floor(start / 12);
    const m = (start % 12) + 1;
    const endStart = start + months - 1;
    const ey = Math.floor(endStart / 12);
    const em = (endStart % 12) + 1;
    const label =
      interval === 'month' ? `${y}-${pad(m)}` : interval === 'quarter' ? `${y}-Q${(m + 2) / 3}` : `${y}`;
    periods.push({
      label,
      from: `${y}-${pad(m)}-01`,
      to: i === 0 ? to : `${ey}-${pad(em)}-${pad(lastDay(ey, em))}`,
    });
  }
  return periods;
}

/**
 * Chosen figures over consecutive periods (GET /insights/trends): each period's figures are the figures of
 * `from..to` (flows over the period, stock as of its last day), computed by the same sets and cached like them;
 * only the sets holding a chosen key are computed.
 */
export async function trends(
  db: Executor,
  sets: FigureSet[],
  scope: Scope,
  query: { territoryId?: string; keys: string[]; interval: TrendInterval; periods: number; to?: string },
) {
  const today = shanghaiDay(new Date());
  const to = query.to && query.to < today ? query.to : today;
  const chosen = sets.filter((set) => query.keys.some((key) => key in set.keys));
  const periods = trendPeriods(query.interval, query.periods, to);
  const values = await Promise.all(
    periods.map((p) =>
      figures(db, chosen, scope, { territoryId: query.territoryId, from: p.from, to: p.to }),
    ),
  );
  return {
    interval: query.interval,
    periods: periods.map((p, i) => ({
      ...p,
      values: Object.fromEntries(query.keys.map((key) => [key, values[i]![key] ?? 0])),
    })),
  };
}

async function figureContext(
  db: Executor,
  scope: Scope,
  query: { territoryId?: string; from?: string; to?: string },
): Promise<FigureContext> {
  const code = await placeCode(db, scope, query.territoryId);
  const asOf = query.to ? endOfDayShanghai(query.to) : undefined;
  const from = query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined;
  return { db, scope, code, from, asOf };
}

/**
 * The county overview (dashboard v1) of a place: its figures, age structure and key populations, and the same
 * numbers for each child area to drill down into. Without a place it shows the caller's whole area: the top of
 * their scope when it is one place, or, when it is several (a branch secretary's two grids, a worker with grids in
 * two communities), all of them at once (`territory` null): figures summed over the places, each place as a child.
 * `places` lists the places of the scope either way, for the switch between them.
 */
export function overview(db: Executor, scope: Scope, territoryId?: string) {
  return overviewCache(db, JSON.stringify([scopeKey(scope), territoryId]), () =>
    computeOverview(db, scope, territoryId),
  );
}

async function computeOverview(db: Executor, scope: Scope, territoryId?: string) {
  const places = (await territoryTree(db, scope)).map(({ id, level, code, name }) => ({
    id,
    level,
    code,
    name,
  }));
  if (!territoryId && places.length > 1) {
    const [levels, buildings, stats, children] = await Promise.all([
      countTerritories(db, scope),
      countBuildings(db, { scope }),
      registryStats(db, { scope }),
      childStats(db, scope, places),
    ]);
    return { territory: null, places, ...present(levels, buildings, stats), children };
  }
  const id = territoryId ?? places[0]?.id;
  if (!id) return null;
  const node = await territoryDetail(db, scope, id);
  const [levels, buildings, stats, children] = await Promise.all([
    countTerritories(db, scope, node.code),
    countBuildings(db, { code: node.code, scope }),
    registryStats(db, { code: node.code, scope }),
    childStats(
      db,
      scope,
      node.children.map((c) => ({ id: c.id, code: c.code, name: c.name, level: c.level })),
    ),
  ]);
  return {
    territory: {
      id: node.id,
      level: node.level,
      code: node.code,
      name: node.name,
      ancestors: node.ancestors,
    },
    places,
    ...present(levels, buildings, stats),
    children,
  };
}

function present(
  levels: Awaited<ReturnType<typeof countTerritories>>,
  buildings: number,
  stats: Awaited<ReturnType<typeof registryStats>>,
) {
  return {
    figures: {
      ...levels,
      buildings,
      households: stats.households.total,
      residents: stats.residents.total,
      keyPopulation: stats.keyPopulation.total,
    },
    households: stats.households,
    residents: stats.residents,
    agePyramid: stats.agePyramid,
    keyPopulationByTag: stats.keyPopulation.byTag,
  };
}
