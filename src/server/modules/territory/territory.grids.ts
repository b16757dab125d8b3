/**
 * Redrawing a community's grids (a grid plan applied, issue 12), inside the caller's transaction: new grid nodes
 * created from the first day `day` with the next free codes (CJ/T 349: the community's code + 3 digits, never a code
 * used before, ended nodes included), retired ones ended the day before (their valid period kept, so figures as of
 * past days still count them), and every grid's boundary set to its new polygon.
 */
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { escapeLike } from '../../core/db/like.ts';
import { insertTerritories } from './territory.service.ts';
import { territories, type GeoJsonGeometry } from './territory.tables.ts';

export type GridRedraw = {
  community: { id: string; code: string; name: string };
  /** New grids by the caller's key, with their polygons. */
  create: { key: string; boundary: GeoJsonGeometry | null }[];
  /** Grids kept, with their new polygons. */
  keep: { id: string; boundary: GeoJsonGeometry | null }[];
  /** Grids ended. */
  retire: string[];
};

/** The day before an ISO day. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The next unused grid sequence of a community (ended grids' codes count: a code is never used twice). */
export async function nextGridSequence(db: Executor, communityCode: string): Promise<number> {
  const [last] = await db
    .select({
      sequence: sql<number | null>`max(${territories.sequence})`,
      code: sql<string | null>`max(${territories.code})`,
    })
    .from(territories)
    .where(and(eq(territories.level, 'grid'), like(territories.code, `${escapeLike(communityCode)}___`)));
  return Math.max(last?.sequence ?? 0, last?.code ? Number(last.code.slice(-3)) : 0) + 1;
}

/** The codes new grids of a community get, in the order given (CJ/T 349: the community's code + 3 digits). */
export function gridCode(communityCode: string, sequence: number): string {
  return communityCode + String(sequence).padStart(3, '0');
}

export async function redrawGrids(tx: Executor, redraw: GridRedraw, day: string) {
  const { community } = redraw;
  let next = await nextGridSequence(tx, community.code);
  if (next + redraw.create.length - 1 > 999) {
    throw new Error(`community ${community.code} has no free grid codes left`);
  }
  const created = new Map<string, { id: string; code: string }>();
  const rows = redraw.create.map((g) => {
    const sequence = next++;
    return {
      key: g.key,
      node: {
        parentId: community.id,
        level: 'grid' as const,
        code: gridCode(community.code, sequence),
        name: `${community.name}第${sequence}网格`,
        sequence,
        boundary: g.boundary,
        startsOn: day,
      },
    };
  });
  const inserted = await insertTerritories(
    tx,
    rows.map((r) => r.node),
  );
  rows.forEach((r, i) => created.set(r.key, { id: inserted[i]!.id, code: r.node.code }));
  for (const g of redraw.keep) {
    await tx
      .update(territories)
      .set({ boundary: g.boundary, updatedAt: new Date() })
      .where(eq(territories.id, g.id));
  }
  if (redraw.retire.length > 0) {
    // A grid that started today ends today: its period never runs backwards.
    await tx
      .update(territories)
      .set({ endsOn: sql`greatest(${territories.startsOn}, ${dayBefore(day)}::date)`, updatedAt: new Date() })
      .where(and(inArray(territories.id, redraw.retire), eq(territories.level, 'grid')));
  }
  return created;
}
