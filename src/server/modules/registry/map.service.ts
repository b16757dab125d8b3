import { and, asc, eq } from 'drizzle-orm';
import { codeInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { childStats } from './fact-sheet.service.ts';
import { searchBuildings } from './registry.buildings.ts';
import type { MapAreas, TerritoryMap } from './places.schemas.ts';
import {
  ancestorsOf,
  baseMap,
  loadInScope,
  territories,
  type GeoJsonGeometry,
  type TerritoryLevel,
} from '../territory/territory.public.ts';

/** More buildings than this are not sent: a place that large is read through its areas instead. */
export const MAP_BUILDING_LIMIT = 1000;

/** Levels whose map shows building points (a street or the county has too many to be useful). */
const BUILDING_LEVELS: readonly TerritoryLevel[] = ['community', 'grid'];

/** Where a map is drawn: the territory scope (areas, counts) and the registry scope (buildings), if any. */
export type MapScopes = { territory: Scope; registry: Scope | null };

const mapCache = createVersionedCache<Omit<TerritoryMap, 'baseMap'>>('registry');

/**
 * Everything the map draws for a place, in one answer: its outline and breadcrumb, its areas as GeoJSON features
 * with their boundaries and counts, and (for a community or grid, to a caller who may read the registry) its
 * buildings as points. The areas are the node's children, every grid below it with `areas: 'grids'`, or the
 * node itself for a grid; and the county's base map (its tile layers, none by default). Out of the territory scope,
 * or missing: 404.
 */
export async function territoryMap(db: Executor, scopes: MapScopes, id: string, areas: MapAreas) {
  const key = JSON.stringify([
    scopeKey(scopes.territory),
    scopes.registry && scopeKey(scopes.registry),
    id,
    areas,
  ]);
  // The base map comes from the county's settings (their own cache) and base lines, outside the registry-versioned
  // cache.
  const map = await mapCache(db, key, () => computeMap(db, scopes, id, areas));
  const base = await baseMap(db, map.territory.code);
  return { ...map, baseMap: base };
}

async function computeMap(db: Executor, scopes: MapScopes, id: string, areas: MapAreas) {
  const node = await loadInScope(db, scopes.territory, id);
  const [ancestors, areaRows, buildingPage] = await Promise.all([
    ancestorsOf(db, node.code),
    node.level === 'grid' ? [node] : areaRowsOf(db, node, areas),
    buildingsShown(scopes.registry, node)
      ? searchBuildings(db, scopes.registry!, { territoryId: node.id, page: 1, pageSize: MAP_BUILDING_LIMIT })
      : null,
  ]);
  const stats = await childStats(
    db,
    scopes.territory,
    areaRows.map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level })),
  );
  return {
    territory: {
      id: node.id,
      level: node.level,
      code: node.code,
      name: node.name,
      ancestors,
      boundary: roundGeometry(node.boundary),
    },
    areas: {
      type: 'FeatureCollection' as const,
      features: stats.map((s, i) => ({
        type: 'Feature' as const,
        geometry: roundGeometry(areaRows[i]!.boundary),
        properties: {
          id: s.id,
          code: s.code,
          name: s.name,
          level: areaRows[i]!.level,
          households: s.households,
          residents: s.residents,
          keyPopulation: s.keyPopulation,
        },
      })),
    },
    buildings: buildingPage && {
      type: 'FeatureCollection' as const,
      total: buildingPage.total,
      features: buildingPage.rows.map((b) => ({
        type: 'Feature' as const,
        geometry:
          b.lng === null || b.lat === null
            ? null
            : { type: 'Point' as const, coordinates: [round(b.lng), round(b.lat)] as [number, number] },
        properties: {
          id: b.id,
          name: b.name,
          kind: b.kind,
          floors: b.floors,
          unitCount: b.unitCount,
          households: b.households,
          residents: b.residents,
        },
      })),
    },
  };
}

/** The children of a node, or every grid below it, with their boundaries, in code order. */
function areaRowsOf(db: Executor, node: { id: string; code: string }, areas: MapAreas) {
  return db
    .select({
      id: territories.id,
      code: territories.code,
      name: territories.name,
      level: territories.level,
      boundary: territories.boundary,
    })
    .from(territories)
    .where(
      areas === 'grids'
        ? and(startsWith(territories.code, node.code), eq(territories.level, 'grid'))
        : eq(territories.parentId, node.id),
    )
    .orderBy(asc(territories.code));
}

/**
 * Buildings are shown for a community or grid to a caller who may read the registry there: the same rule as
 * GET /buildings?territoryId=…, which answers 404 for a place outside the registry scope (a building leader's scope
 * names buildings and still reaches their grid).
 */
function buildingsShown(registry: Scope | null, node: { level: TerritoryLevel; code: string }): boolean {
  if (!registry || !BUILDING_LEVELS.includes(node.level)) return false;
  return codeInScope(registry, node.code) || registry.buildingIds.length > 0;
}

/** Six decimals of a degree are about 0.1 m: finer digits only make the answer longer. */
function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

function roundGeometry(geometry: GeoJsonGeometry | null): GeoJsonGeometry | null {
  if (!geometry) return null;
  const ring = (positions: [number, number][]) =>
    positions.map(([lng, lat]): [number, number] => [round(lng), round(lat)]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}
