/**
 * Reading a place for the planner: its buildings with their counts (registry), its communities' boundaries
 * (territory) and the barriers drawn in, above or below it, projected to metres; and the fingerprint of what a
 * proposal depends on, compared again when it is applied.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { buildingCountsUnder } from '../registry/registry.public.ts';
import { territories, type GeoJsonGeometry } from '../territory/territory.public.ts';
import type { Community, Ring } from './engine/types.ts';
import { projection, type ProposalSnapshot, type SnapshotBuilding } from './planner.snapshot.ts';
import { plannerBarriers } from './planner.tables.ts';

export type Place = { id: string; code: string; level: string; name: string };

/** Barriers of a place: drawn inside it, or in a place containing it. */
export function barriersOf(db: Executor, code: string) {
  return db
    .select({ id: plannerBarriers.id, line: plannerBarriers.line })
    .from(plannerBarriers)
    .where(
      or(
        startsWith(plannerBarriers.territoryCode, code),
        sql`${code} like ${plannerBarriers.territoryCode} || '%'`,
      ),
    )
    .orderBy(asc(plannerBarriers.createdAt), asc(plannerBarriers.id));
}

/** Today's grids of a place (nodes in force), by code. */
export function gridsOf(db: Executor, code: string) {
  return db
    .select({
      id: territories.id,
      code: territories.code,
      name: territories.name,
      parentId: territories.parentId,
    })
    .from(territories)
    .where(and(eq(territories.level, 'grid'), isNull(territories.endsOn), startsWith(territories.code, code)))
    .orderBy(asc(territories.code));
}

/** The communities of a place (itself when it is one), in force. */
export function communitiesOf(db: Executor, code: string) {
  return db
    .select({
      id: territories.id,
      code: territories.code,
      name: territories.name,
      boundary: territories.boundary,
    })
    .from(territories)
    .where(
      and(eq(territories.level, 'community'), isNull(territories.endsOn), startsWith(territories.code, code)),
    )
    .orderBy(asc(territories.code));
}

/** The engine's input for a place and the fingerprint of the registry state it was read from. */
export async function readPlace(db: Executor, place: Place) {
  // One after another: `db` may be a transaction's one connection.
  const rows = await buildingCountsUnder(db, place.code);
  const grids = await gridsOf(db, place.code);
  const communityRows = await communitiesOf(db, place.code);
  const barrierRows = await barriersOf(db, place.code);
  const located = rows.filter((r) => r.lng !== null && r.lat !== null);
  const origin: [number, number] =
    located.length > 0
      ? [
          located.reduce((s, r) => s + r.lng!, 0) / located.length,
          located.reduce((s, r) => s + r.lat!, 0) / located.length,
        ]
      : [0, 0];
  const { toMetres } = projection(origin);
  const gridCentre = new Map<string, [number, number]>();
  for (const r of located) {
    if (!gridCentre.has(r.territoryCode)) gridCentre.set(r.territoryCode, [r.lng!, r.lat!]);
  }
  const buildings: SnapshotBuilding[] = rows.map((r) => {
    // A building without a point stands at the first located building of its grid (a zero-length edge joins them).
    const [lng, lat] =
      r.lng !== null && r.lat !== null ? [r.lng, r.lat] : (gridCentre.get(r.territoryCode) ?? origin);
    const [x, y] = toMetres(lng, lat);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      x,
      y,
      lng,
      lat,
      households: r.households,
      residents: r.residents,
      keyPopulation: r.keyPopulation,
      communityId: r.territoryCode.slice(0, -3),
      grid: r.territoryCode,
    };
  });
  const communities: Community[] = communityRows.map((c) => ({
    id: c.code,
    boundary: ringsOf(c.boundary).map((ring) => ring.map(([lng, lat]) => toMetres(lng, lat))),
  }));
  const snapshot: ProposalSnapshot = {
    origin,
    buildings,
    communities,
    barriers: barrierRows.map((b) => b.line.map(([lng, lat]) => toMetres(lng, lat))),
  };
  return { snapshot, fingerprint: fingerprintOf(rows, grids), grids };
}

/** What a proposal depends on: every building's grid and households, and the grids in force. */
function fingerprintOf(
  rows: { id: string; territoryCode: string; households: number }[],
  grids: { code: string }[],
): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.id}:${r.territoryCode}:${r.households};`);
  hash.update('|');
  for (const g of grids) hash.update(`${g.code};`);
  return hash.digest('hex');
}

/** The outer ring and holes of a boundary (a multi-polygon's largest part), without the closing point. */
function ringsOf(boundary: GeoJsonGeometry | null): Ring[] {
  if (!boundary) return [];
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  let best: Ring[] = [];
  let bestSize = -1;
  for (const polygon of polygons) {
    const size = polygon[0]?.length ?? 0;
    if (size > bestSize) {
      bestSize = size;
      best = polygon.map((ring) => {
        const open = ring.map(([lng, lat]) => [lng, lat] as [number, number]);
        const first = open[0];
        const last = open[open.length - 1];
        if (open.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) open.pop();
        return open;
      });
    }
  }
  return best;
}
