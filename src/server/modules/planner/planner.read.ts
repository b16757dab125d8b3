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
import { clipLine, type Box } from './engine/graph.ts';
import type { Barrier, Community, Ring } from './engine/types.ts';
import { projection, type ProposalSnapshot, type SnapshotBuilding } from './planner.snapshot.ts';
import { plannerBarriers } from './planner.tables.ts';

export type Place = { id: string; code: string; level: string; name: string };

/** Barriers of a place: drawn inside it, or in a place containing it. */
export function barriersOf(db: Executor, code: string) {
  return db
    .select({
      id: plannerBarriers.id,
      territoryCode: plannerBarriers.territoryCode,
      line: plannerBarriers.line,
    })
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
  // Barriers as far as they reach into the place (its buildings and communities, and a margin): a line drawn before
  // lines were checked against their place (one across the globe) is kept only where it matters. A line drawn in a
  // community separates that community's buildings only.
  const box = placeBox(buildings, communities);
  const barriers: Barrier[] = [];
  const barrierCommunities: (string | null)[] = [];
  for (const row of barrierRows) {
    const community = communities.find((c) => row.territoryCode.startsWith(c.id))?.id ?? null;
    const line = row.line.map(([lng, lat]) => toMetres(lng, lat));
    for (const piece of box ? clipLine(line, box) : []) {
      barriers.push(piece);
      barrierCommunities.push(community);
    }
  }
  const snapshot: ProposalSnapshot = { origin, buildings, communities, barriers, barrierCommunities };
  return { snapshot, fingerprint: fingerprintOf(rows, grids), grids };
}

/** How far beyond its buildings and community boundaries a place's barriers are kept (metres). */
const BARRIER_MARGIN_METRES = 500;

/** The box of the place's buildings and community boundaries with the margin, or null when it has neither. */
function placeBox(buildings: readonly SnapshotBuilding[], communities: readonly Community[]): Box | null {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (x: number, y: number) => {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  for (const b of buildings) extend(b.x, b.y);
  for (const c of communities) for (const ring of c.boundary) for (const [x, y] of ring) extend(x, y);
  if (!(box[0] <= box[2] && box[1] <= box[3])) return null;
  const m = BARRIER_MARGIN_METRES;
  return [box[0] - m, box[1] - m, box[2] + m, box[3] + m];
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
