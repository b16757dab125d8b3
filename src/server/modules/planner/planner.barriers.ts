/**
 * Barrier lines (main roads, rivers, rail lines) the planner never lets a grid cross: drawn one at a time or
 * imported from a GeoJSON FeatureCollection of LineStrings (checked strictly by planner.schemas.ts), listed and
 * deleted within the caller's scope.
 */
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors, type ErrorDetail } from '../../core/http/errors.ts';
import { buildings } from '../registry/registry.public.ts';
import { loadInScope, territories, type GeoJsonGeometry } from '../territory/territory.public.ts';
import { cellKeyOf, indexBarriers } from './engine/graph.ts';
import type { Barrier } from './engine/types.ts';
import { projection } from './planner.snapshot.ts';
import { plannerBarriers, type BarrierKind } from './planner.tables.ts';

type NewBarrier = { kind: BarrierKind; name: string; line: [number, number][] };

const columns = {
  id: plannerBarriers.id,
  territoryCode: plannerBarriers.territoryCode,
  kind: plannerBarriers.kind,
  name: plannerBarriers.name,
  line: plannerBarriers.line,
  createdAt: plannerBarriers.createdAt,
};

const present = (
  r: { createdAt: Date } & Omit<typeof plannerBarriers.$inferSelect, 'createdBy' | 'createdAt'>,
) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});

/** Barriers drawn inside the scope (and inside one place of it when asked). */
export async function listBarriers(db: Executor, scope: Scope, territoryId?: string) {
  const place = territoryId ? await loadInScope(db, scope, territoryId) : null;
  const rows = await db
    .select(columns)
    .from(plannerBarriers)
    .where(
      and(
        territoryCodeCondition(scope, plannerBarriers.territoryCode),
        place ? startsWith(plannerBarriers.territoryCode, place.code) : undefined,
      ),
    )
    .orderBy(asc(plannerBarriers.territoryCode), asc(plannerBarriers.createdAt), asc(plannerBarriers.id))
    .limit(5000);
  return rows.map(present);
}

/**
 * Adds barriers drawn in one place of the scope, in one transaction with one audit row. Every point lies in the place:
 * inside its boundary or within BARRIER_MARGIN_METRES of it (of the box of what lies in it when it has no boundary),
 * else 400 on the first point outside of each line (`fieldOf(line, point)`), nothing stored.
 */
export async function addBarriers(
  db: Db,
  scope: Scope,
  actor: Actor,
  territoryId: string,
  lines: NewBarrier[],
  fieldOf: (line: number, point: number) => string,
) {
  const place = await loadInScope(db, scope, territoryId);
  const holds = await placeExtent(db, place);
  if (!holds) {
    throw errors.validation([
      {
        field: 'territoryId',
        code: 'no_extent',
        message: {
          zh: `“${place.name}”还没有边界，也没有标注位置的楼栋，无法确定障碍线是否画在其中；请先设置它的边界`,
          en: `“${place.name}” has neither a boundary nor located buildings, so a barrier cannot be checked to lie in it; set its boundary first`,
        },
      },
    ]);
  }
  const outside: ErrorDetail[] = [];
  lines.forEach((l, i) => {
    const j = l.line.findIndex(([lng, lat]) => !holds(lng, lat));
    if (j < 0) return;
    outside.push({
      field: fieldOf(i, j),
      code: 'outside_place',
      message: {
        zh: `该点在“${place.name}”之外（离其边界超过 ${BARRIER_MARGIN_METRES} 米），障碍线须画在所选区域内`,
        en: `This point lies outside “${place.name}” (more than ${BARRIER_MARGIN_METRES} metres beyond its boundary); draw the barrier inside the chosen place`,
      },
    });
  });
  if (outside.length > 0) throw errors.validation(outside);
  const rows = lines.map((l) => ({ id: newId(), territoryCode: place.code, createdBy: actor.userId, ...l }));
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(plannerBarriers).values(rows).returning(columns);
    if (rows.length === 1) {
      const [row] = rows;
      await appendAudit(tx, actor, {
        action: 'planner.barrier_added',
        entityType: 'plan_barrier',
        entityId: row!.id,
        territoryCode: place.code,
        changes: { kind: row!.kind, name: row!.name, points: row!.line.length },
      });
    } else {
      await appendAudit(tx, actor, {
        action: 'planner.barriers_imported',
        entityType: 'plan_barrier',
        territoryCode: place.code,
        changes: { count: rows.length },
      });
    }
    return inserted.map(present);
  });
}

/** Deletes a barrier inside the scope (404 otherwise). */
export async function deleteBarrier(db: Db, scope: Scope, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select(columns)
      .from(plannerBarriers)
      .where(eq(plannerBarriers.id, id))
      .for('update');
    if (!row || !codeInScope(scope, row.territoryCode)) throw errors.notFound();
    await tx.delete(plannerBarriers).where(eq(plannerBarriers.id, id));
    await appendAudit(tx, actor, {
      action: 'planner.barrier_deleted',
      entityType: 'plan_barrier',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { kind: row.kind, name: row.name },
    });
  });
}

/** How far beyond its place's boundary a barrier's point may lie (metres): a road drawn along the edge, a little off. */
export const BARRIER_MARGIN_METRES = 200;

type Place = { code: string; boundary: GeoJsonGeometry | null };

/**
 * Whether a point [lng, lat] lies in the place: inside its boundary or within the margin of it; without a boundary,
 * within the margin of the box of its parts' boundaries and its located buildings. Null when the place has none.
 */
async function placeExtent(
  db: Executor,
  place: Place,
): Promise<((lng: number, lat: number) => boolean) | null> {
  if (place.boundary) return nearOrInside(place.boundary, BARRIER_MARGIN_METRES);
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const extend = (lng: number, lat: number) => {
    box[0] = Math.min(box[0], lng);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lng);
    box[3] = Math.max(box[3], lat);
  };
  const parts = await db
    .select({ boundary: territories.boundary })
    .from(territories)
    .where(
      and(
        startsWith(territories.code, place.code),
        isNull(territories.endsOn),
        isNotNull(territories.boundary),
      ),
    );
  for (const { boundary } of parts) {
    const polygons = boundary!.type === 'Polygon' ? [boundary!.coordinates] : boundary!.coordinates;
    for (const ring of polygons.flat()) for (const [lng, lat] of ring) extend(lng, lat);
  }
  const [located] = await db
    .select({
      w: sql<number | null>`min(${buildings.lng})`,
      s: sql<number | null>`min(${buildings.lat})`,
      e: sql<number | null>`max(${buildings.lng})`,
      n: sql<number | null>`max(${buildings.lat})`,
    })
    .from(buildings)
    .where(startsWith(buildings.territoryCode, place.code));
  if (located && located.w !== null) {
    extend(Number(located.w), Number(located.s));
    extend(Number(located.e), Number(located.n));
  }
  if (!(box[0] <= box[2] && box[1] <= box[3])) return null;
  const [w, s, e, n] = box;
  return nearOrInside(
    {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
    BARRIER_MARGIN_METRES,
  );
}

/**
 * Whether a point [lng, lat] lies inside the polygon (even–odd over all its rings) or within `margin` metres of its
 * edge, in the planner's local projection around the polygon's first point. The edges are indexed twice so a point
 * costs about the edges near it: in horizontal bands (the ray to the east crosses only edges of its band) and in
 * square cells of at least twice the margin (an edge within the margin of a point is listed in the point's cell).
 */
export function nearOrInside(
  boundary: GeoJsonGeometry,
  margin: number,
): (lng: number, lat: number) => boolean {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  const first = polygons[0]![0]![0]!;
  const { toMetres } = projection([first[0], first[1]]);
  const rings: Barrier[] = polygons.flat().map((ring) => {
    const points = ring.map(([lng, lat]) => toMetres(lng, lat));
    return [...points, points[0]!];
  });
  const edges = rings.flatMap((ring) =>
    ring.slice(1).map((b, i) => [ring[i]![0], ring[i]![1], b[0], b[1]] as const),
  );
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [ax, ay, bx, by] of edges) {
    x0 = Math.min(x0, ax, bx);
    y0 = Math.min(y0, ay, by);
    x1 = Math.max(x1, ax, bx);
    y1 = Math.max(y1, ay, by);
  }
  const bandCount = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(edges.length))));
  const bandHeight = (y1 - y0) / bandCount || 1;
  const bandOf = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - y0) / bandHeight)));
  const bands: number[][] = Array.from({ length: bandCount }, () => []);
  edges.forEach(([, ay, , by], e) => {
    for (let b = bandOf(Math.min(ay, by)); b <= bandOf(Math.max(ay, by)); b++) bands[b]!.push(e);
  });
  const cells = indexBarriers(
    rings,
    Math.max(2 * margin, Math.max(x1 - x0, y1 - y0) / Math.max(1, Math.sqrt(edges.length))),
  );
  return (lng, lat) => {
    const [x, y] = toMetres(lng, lat);
    if (!(x >= x0 - margin && x <= x1 + margin && y >= y0 - margin && y <= y1 + margin)) return false;
    let inside = false;
    if (y >= y0 && y <= y1) {
      for (const e of bands[bandOf(y)]!) {
        const [ax, ay, bx, by] = edges[e]!;
        if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      }
    }
    if (inside) return true;
    const bucket = cells.buckets.get(cellKeyOf(x, y, cells.cell));
    for (const s of bucket ?? []) {
      const seg = cells.segments;
      if (distanceToSegment(x, y, seg[4 * s]!, seg[4 * s + 1]!, seg[4 * s + 2]!, seg[4 * s + 3]!) <= margin) {
        return true;
      }
    }
    return false;
  };
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
