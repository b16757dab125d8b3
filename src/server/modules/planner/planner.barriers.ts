/**
 * Barrier lines (main roads, rivers, rail lines) the planner never lets a grid cross: drawn one at a time or
 * imported from a GeoJSON FeatureCollection of LineStrings (checked strictly by planner.schemas.ts), listed and
 * deleted within the caller's scope.
 */
import { and, asc, eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { loadInScope } from '../territory/territory.public.ts';
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

/** Adds barriers drawn in one place of the scope, in one transaction with one audit row. */
export async function addBarriers(
  db: Db,
  scope: Scope,
  actor: Actor,
  territoryId: string,
  lines: NewBarrier[],
) {
  const place = await loadInScope(db, scope, territoryId);
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
