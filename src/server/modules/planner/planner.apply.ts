/**
 * Applying a grid plan in one audited transaction (issue 12): the place is read again and compared with what the
 * proposal was made from (409 when it changed); new grid nodes are created and retired ones ended (territory),
 * buildings, their households and residents move to their new grid with their history (registry), contact
 * assignments and central households follow their households (contacts); the workers of an ended grid serve its
 * successor from today, the grid in force that took most of its households (people). Building leaders' terms are held
 * on buildings, so they move with them. There is no notification mechanism yet: the audit row records who is
 * affected.
 */
import { sql } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { Scope } from '../../core/auth/scope.ts';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import type { Db } from '../../core/db/client.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { followHouseholdGrids } from '../contacts/contacts.public.ts';
import { moveWorkersOfEndedGrids, type GridSuccession } from '../people/people.public.ts';
import { moveBuildingsToGrids, type GridMove } from '../registry/registry.public.ts';
import { redrawGrids, type GeoJsonGeometry } from '../territory/territory.public.ts';
import { plannerErrors } from './planner.errors.ts';
import { communitiesOf, readPlace } from './planner.read.ts';
import { loadProposal } from './planner.service.ts';
import { gridPolygons, prepare, type SnapshotBuilding } from './planner.snapshot.ts';
import { plannerProposals } from './planner.tables.ts';

export async function applyProposal(
  { db, keys }: { db: Db; keys: DataKeys },
  scope: Scope,
  actor: Actor,
  id: string,
) {
  return db.transaction(async (tx) => {
    const row = await loadProposal(tx, scope, id, true);
    if (row.level === 'county' && !scope.all) throw plannerErrors.countyNeedsAdmin();
    if (row.status !== 'draft') throw plannerErrors.alreadyApplied();
    // One apply at a time: the place is read again under the lock and must be what the proposal was made from.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('planner:apply'))`);
    const place = { id: row.territoryId, code: row.territoryCode, level: row.level, name: '' };
    const { fingerprint, grids } = await readPlace(tx, place);
    if (fingerprint !== row.fingerprint) throw plannerErrors.proposalStale();

    const layout = new Map(Object.entries(row.result.layout));
    const polygons = new Map(
      gridPolygons(prepare(row.snapshot), layout).features.map((f) => [
        f.properties.grid,
        f.geometry as GeoJsonGeometry,
      ]),
    );
    const today = new Map(grids.map((g) => [g.code, g]));
    const day = shanghaiDay();
    const target = new Map<string, { id: string; code: string }>();
    let gridsCreated = 0;
    let gridsRetired = 0;
    const ended: { id: string; code: string; community: string }[] = [];
    for (const community of await communitiesOf(tx, row.territoryCode)) {
      const proposed = new Set<string>();
      for (const b of row.snapshot.buildings) {
        if (b.communityId === community.code) proposed.add(layout.get(b.id)!);
      }
      if (proposed.size === 0) continue;
      const ids = [...proposed].sort();
      const keep = ids.filter((g) => today.has(g));
      const create = ids.filter((g) => !today.has(g));
      const retire = grids.filter((g) => g.code.slice(0, -3) === community.code && !proposed.has(g.code));
      const created = await redrawGrids(
        tx,
        {
          community,
          create: create.map((key) => ({ key, boundary: polygons.get(key) ?? null })),
          keep: keep.map((code) => ({ id: today.get(code)!.id, boundary: polygons.get(code) ?? null })),
          retire: retire.map((g) => g.id),
        },
        day,
      );
      for (const code of keep) target.set(code, { id: today.get(code)!.id, code });
      for (const [key, node] of created) target.set(key, node);
      gridsCreated += created.size;
      gridsRetired += retire.length;
      for (const g of retire) ended.push({ id: g.id, code: g.code, community: community.code });
    }
    const moves: GridMove[] = [];
    for (const b of row.snapshot.buildings) {
      const to = target.get(layout.get(b.id)!)!;
      if (to.code !== b.grid) moves.push({ buildingId: b.id, gridId: to.id, gridCode: to.code });
    }
    const moved = await moveBuildingsToGrids(tx, moves, new Date());
    await followHouseholdGrids(
      tx,
      moves.map((m) => m.buildingId),
    );
    const workersMoved = await moveWorkersOfEndedGrids(
      tx,
      keys,
      actor,
      successions(ended, row.snapshot.buildings, layout, target),
      day,
    );
    await tx
      .update(plannerProposals)
      .set({
        result: {
          ...row.result,
          appliedCodes: Object.fromEntries(
            [...target]
              .filter(([key]) => key !== target.get(key)!.code)
              .map(([key, node]) => [key, node.code]),
          ),
        },
        status: 'applied',
        appliedAt: new Date(),
        appliedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(plannerProposals.id, id));
    const result = {
      proposalId: id,
      gridsCreated,
      gridsRetired,
      buildingsMoved: moved.buildings,
      householdsMoved: moved.households,
      residentsMoved: moved.residents,
    };
    await appendAudit(tx, actor, {
      action: 'planner.proposal_applied',
      entityType: 'plan_proposal',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: {
        gridsCreated,
        gridsRetired,
        buildingsMoved: moved.buildings,
        householdsMoved: moved.households,
        residentsMoved: moved.residents,
        gridWorkersMoved: workersMoved.length,
        // No notification mechanism exists yet: who is affected is recorded here.
        affectedGrids: [
          ...new Set(
            moves.flatMap((m) => [
              m.gridCode,
              row.snapshot.buildings.find((b) => b.id === m.buildingId)!.grid,
            ]),
          ),
        ].sort(),
      },
    });
    return result;
  });
}

/**
 * Each ended grid's successor: the grid in force (kept or new) that took most of its households (ties: the lowest
 * code); an ended grid that had no households goes to its community's first grid in force.
 */
function successions(
  ended: { id: string; code: string; community: string }[],
  buildings: SnapshotBuilding[],
  layout: Map<string, string>,
  target: Map<string, { id: string; code: string }>,
): GridSuccession[] {
  const took = new Map<string, Map<string, number>>();
  for (const b of buildings) {
    const to = target.get(layout.get(b.id)!)!;
    const counts = took.get(b.grid) ?? new Map<string, number>();
    counts.set(to.code, (counts.get(to.code) ?? 0) + b.households);
    took.set(b.grid, counts);
  }
  const byCode = new Map([...target.values()].map((node) => [node.code, node]));
  const inForce = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  return ended.flatMap((grid) => {
    const counts = [...(took.get(grid.code) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const to = counts.length
      ? byCode.get(counts[0]![0])
      : inForce.find((node) => node.code.slice(0, -3) === grid.community);
    return to ? [{ from: grid.id, to }] : [];
  });
}
