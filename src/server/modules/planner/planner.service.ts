/**
 * Grid plans (issue 12): a proposal of a community, street or the county made by the engine from the registry,
 * listed and shown within the caller's scope, edited by moving one building to a neighbouring grid, and its
 * barriers. Applying one is planner.apply.ts.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { startsWith } from '../../core/db/like.ts';
import { AppError, errors } from '../../core/http/errors.ts';
import { loadInScope, territories } from '../territory/territory.public.ts';
import { apportion } from './engine/partition.ts';
import { plannerErrors } from './planner.errors.ts';
import { planInWorker } from './planner.plan.ts';
import { readPlace, type Place } from './planner.read.ts';
import type { ProposalInput } from './planner.schemas.ts';
import {
  checkMoves,
  gridPolygons,
  lowerBoundOf,
  prepare,
  projection,
  storedResult,
  todayLayout,
  type ChangeReason,
  type MoveRefusal,
} from './planner.snapshot.ts';
import { plannerProposals } from './planner.tables.ts';

type ProposalRow = typeof plannerProposals.$inferSelect;

/** A place the caller may plan: a community, street or the county inside the scope (404 otherwise). */
export async function placeToPlan(
  db: Executor,
  scope: Scope,
  territoryId: string,
  field = 'territoryId',
): Promise<Place> {
  const row = await loadInScope(db, scope, territoryId);
  if (row.level === 'grid' || row.endsOn !== null) {
    throw errors.validation([
      {
        field,
        code: 'invalid_place',
        message: {
          zh: '只能规划仍在使用的社区、街道或全县，不能规划单个网格',
          en: 'Plan a community, a street or the county in force, not a single grid',
        },
      },
    ]);
  }
  return { id: row.id, code: row.code, level: row.level, name: row.name };
}

/**
 * Plans a place and stores the proposal. The request waits for the plan, made in the planning thread (planner.plan.ts;
 * a county of 4,500 buildings takes a few seconds, and the time limit caps it; docs/decisions/grid-planner-module.md).
 */
export async function createProposal(db: Db, scope: Scope, actor: Actor, input: ProposalInput) {
  const place = await placeToPlan(db, scope, input.territoryId);
  const { snapshot, fingerprint } = await readPlace(db, place);
  if (snapshot.buildings.length === 0) {
    throw errors.validation([
      {
        field: 'territoryId',
        code: 'no_buildings',
        message: { zh: '该区域没有楼栋，无法规划', en: 'This place has no buildings to plan' },
      },
    ]);
  }
  const known = new Set(snapshot.buildings.map((b) => b.id));
  const unknown = input.pinnedBuildingIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw errors.validation([
      {
        field: `pinnedBuildingIds.${unknown}`,
        code: 'not_in_place',
        message: { zh: '固定的楼栋不在该区域内', en: 'A pinned building is not in this place' },
      },
    ]);
  }
  const pinned = new Set(input.pinnedBuildingIds);
  for (const b of snapshot.buildings) if (pinned.has(b.id)) b.pinned = true;
  const gridsPerCommunity = gridCountsOf(snapshot.buildings, input.gridCount);
  const { stored, timedOut, elapsedMs } = await planInWorker(snapshot, {
    mode: input.mode,
    targetHouseholds: input.targetHouseholds,
    tolerance: input.tolerance,
    gridsPerCommunity,
    seed: input.seed,
    timeLimitMs: input.timeLimitMs,
  });
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(plannerProposals).values({
      id,
      territoryId: place.id,
      territoryCode: place.code,
      level: place.level,
      mode: input.mode,
      targetHouseholds: input.targetHouseholds,
      tolerance: input.tolerance,
      gridCount: input.gridCount ?? null,
      seed: input.seed,
      timedOut,
      elapsedMs: Math.round(elapsedMs),
      fingerprint,
      snapshot,
      result: stored,
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor, {
      action: 'planner.proposal_created',
      entityType: 'plan_proposal',
      entityId: id,
      territoryCode: place.code,
      changes: {
        mode: input.mode,
        targetHouseholds: input.targetHouseholds,
        tolerance: input.tolerance,
        gridCount: input.gridCount ?? null,
        grids: stored.measures.proposed.grids,
        changedBuildings: stored.changes.length,
      },
    });
  });
  return proposalDetail(db, scope, id);
}

/** A grid count for the place split among its communities by households (each at least one); none: the target. */
function gridCountsOf(
  buildings: { communityId: string; households: number }[],
  gridCount: number | undefined,
) {
  if (gridCount === undefined) return undefined;
  const households = new Map<string, number>();
  for (const b of buildings) {
    households.set(b.communityId, (households.get(b.communityId) ?? 0) + b.households);
  }
  const ids = [...households.keys()].sort();
  if (gridCount < ids.length) {
    throw errors.validation([
      {
        field: 'gridCount',
        code: 'too_small',
        message: {
          zh: `该区域有 ${ids.length} 个社区，每个社区至少一个网格`,
          en: `This place has ${ids.length} communities: each needs at least one grid`,
        },
      },
    ]);
  }
  const counts = apportion(
    gridCount,
    ids.map((id) => households.get(id)!),
  );
  return new Map(ids.map((id, i) => [id, counts[i]!]));
}

/** The caller's proposals (of places inside the scope), newest first. */
export async function listProposals(db: Executor, scope: Scope, territoryId?: string) {
  const place = territoryId ? await loadInScope(db, scope, territoryId) : null;
  const rows = await db
    .select({
      id: plannerProposals.id,
      territoryId: plannerProposals.territoryId,
      territoryCode: plannerProposals.territoryCode,
      level: plannerProposals.level,
      mode: plannerProposals.mode,
      targetHouseholds: plannerProposals.targetHouseholds,
      tolerance: plannerProposals.tolerance,
      gridCount: plannerProposals.gridCount,
      seed: plannerProposals.seed,
      status: plannerProposals.status,
      timedOut: plannerProposals.timedOut,
      elapsedMs: plannerProposals.elapsedMs,
      createdAt: plannerProposals.createdAt,
      appliedAt: plannerProposals.appliedAt,
      measures: plannerProposals.result,
    })
    .from(plannerProposals)
    .where(
      and(
        territoryCodeCondition(scope, plannerProposals.territoryCode),
        place ? startsWith(plannerProposals.territoryCode, place.code) : undefined,
      ),
    )
    .orderBy(desc(plannerProposals.createdAt), desc(plannerProposals.id))
    .limit(200);
  return rows.map(({ measures, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    appliedAt: r.appliedAt?.toISOString() ?? null,
    changedBuildings: measures.changes.length,
    measures: measures.measures.proposed,
  }));
}

/** One proposal inside the scope (404 otherwise), locked for update when `forUpdate`. */
export async function loadProposal(
  db: Executor,
  scope: Scope,
  id: string,
  forUpdate = false,
): Promise<ProposalRow> {
  const query = db.select().from(plannerProposals).where(eq(plannerProposals.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row || !codeInScope(scope, row.territoryCode)) throw errors.notFound();
  return row;
}

/** A proposal as the page shows it: measures against today's, per-grid rows, polygons, changed buildings. */
export async function proposalDetail(db: Executor, scope: Scope, id: string) {
  const row = await loadProposal(db, scope, id);
  const place = await loadInScope(db, scope, row.territoryId).catch(() => null);
  const prepared = prepare(row.snapshot);
  return present(
    row,
    place?.name ?? row.territoryCode,
    gridPolygons(prepared, new Map(Object.entries(row.result.layout))),
    await limitNames(db, row),
  );
}

/** The names of the communities a proposal's balance limits are in (the limits name them, not their codes). */
async function limitNames(db: Executor, row: ProposalRow): Promise<Map<string, string>> {
  const codes = [...new Set((row.result.balanceLimits ?? []).map((limit) => limit.communityId))];
  if (codes.length === 0) return new Map();
  const found = await db
    .select({ code: territories.code, name: territories.name })
    .from(territories)
    .where(inArray(territories.code, codes));
  return new Map(found.map((t) => [t.code, t.name]));
}

function present(
  row: ProposalRow,
  territoryName: string,
  polygons: ReturnType<typeof gridPolygons>,
  communityNames: ReadonlyMap<string, string>,
) {
  const buildings = new Map(row.snapshot.buildings.map((b) => [b.id, b]));
  const today = new Set(row.snapshot.buildings.map((b) => b.grid));
  return {
    id: row.id,
    territoryId: row.territoryId,
    territoryCode: row.territoryCode,
    territoryName,
    level: row.level,
    mode: row.mode,
    targetHouseholds: row.targetHouseholds,
    tolerance: row.tolerance,
    gridCount: row.gridCount,
    seed: row.seed,
    status: row.status,
    timedOut: row.timedOut,
    elapsedMs: row.elapsedMs,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt?.toISOString() ?? null,
    changedBuildings: row.result.changes.length,
    measures: row.result.measures.proposed,
    today: row.result.measures.today,
    movesLowerBound: row.result.movesLowerBound,
    balanceLimits: (row.result.balanceLimits ?? []).map((limit) => {
      const b =
        limit.why.kind === 'tooLarge' || limit.why.kind === 'noGroup'
          ? buildings.get(limit.why.buildingId)
          : undefined;
      return {
        communityCode: limit.communityId,
        communityName: communityNames.get(limit.communityId) ?? null,
        buildings: limit.buildings,
        households: limit.households,
        grids: limit.grids,
        lo: limit.lo,
        hi: limit.hi,
        kind: limit.why.kind,
        buildingName: b?.name ?? null,
        buildingHouseholds: b?.households ?? null,
      };
    }),
    grids: row.result.grids.map((g) => ({
      id: g.id,
      communityCode: g.communityId,
      buildings: g.buildings,
      households: g.households,
      residents: g.residents,
      keyPopulation: g.keyPopulation,
      area: Math.round(g.area),
      isNew: !today.has(g.id),
    })),
    changes: row.result.changes.map((c) => {
      const b = buildings.get(c.buildingId)!;
      return {
        buildingId: c.buildingId,
        buildingCode: b.code,
        buildingName: b.name,
        households: b.households,
        from: c.from,
        to: c.to,
        reason: c.reason,
      };
    }),
    polygons,
  };
}

const REFUSALS: Record<MoveRefusal, [string, string, string]> = {
  unknownBuilding: [
    'buildingId',
    '该楼栋不在这个方案的区域内',
    'This building is not in the proposal’s place',
  ],
  unknownGrid: [
    'toGrid',
    '本社区的方案中没有这个网格',
    'The proposal has no such grid in the building’s community',
  ],
  sameGrid: ['toGrid', '楼栋已在该网格中', 'The building is already in this grid'],
  notNeighbour: [
    'toGrid',
    '只能移到相邻的网格（与该楼栋相邻的楼栋所在的网格）',
    'A building moves only to a neighbouring grid (one a neighbouring building lies in)',
  ],
  splitsGrid: [
    'buildingId',
    '移走该楼栋会使原网格不再连成一片',
    'Moving this building would split the grid it leaves',
  ],
  lastBuilding: ['buildingId', '这是原网格的最后一栋楼，不能移走', 'This is the last building of its grid'],
};

/**
 * Moves one building, or several at once (`buildingIds`), of a draft proposal to a neighbouring grid (the moves rule:
 * planner.snapshot.ts checkMove, checkMoves),
 * recomputes the measures and returns the proposal at once.
 */
export async function moveBuilding(
  db: Db,
  scope: Scope,
  actor: Actor,
  id: string,
  move: { buildingId?: string; buildingIds?: string[]; toGrid: string },
) {
  const ids = [...new Set(move.buildingIds ?? [move.buildingId!])];
  let polygons: ReturnType<typeof gridPolygons> | null = null;
  let name = '';
  const row = await db.transaction(async (tx) => {
    const row = await loadProposal(tx, scope, id, true);
    if (row.status !== 'draft') throw plannerErrors.alreadyApplied();
    const prepared = prepare(row.snapshot);
    const layout = new Map(Object.entries(row.result.layout));
    const refused = checkMoves(prepared, layout, ids, move.toGrid);
    if (refused) {
      const [field, zh, en] = REFUSALS[refused.refusal];
      // Several buildings: the message names the one it concerns.
      const building = prepared.snapshot.buildings.find((b) => b.id === refused.buildingId);
      const [zhText, enText] =
        move.buildingIds && building ? [`${building.name}：${zh}`, `${building.name}: ${en}`] : [zh, en];
      const error = plannerErrors.moveRefused(zhText, enText);
      throw new AppError(error.code, error.status, error.text, [
        {
          field: move.buildingIds && field === 'buildingId' ? 'buildingIds' : field,
          code: refused.refusal,
          message: { zh: zhText, en: enText },
        },
      ]);
    }
    const from = Object.fromEntries(ids.map((b) => [b, layout.get(b)!]));
    const reasons = new Map<string, ChangeReason>(row.result.changes.map((c) => [c.buildingId, c.reason]));
    for (const b of ids) {
      layout.set(b, move.toGrid);
      reasons.set(b, 'manual');
    }
    const result = storedResult(
      prepared,
      layout,
      row.result.tolerance,
      reasons,
      row.result.movesLowerBound === null ? null : lowerBoundOf(prepared, layout, row.result.tolerance),
      row.result.measures.today,
      row.result.balanceLimits,
    );
    const [updated] = await tx
      .update(plannerProposals)
      .set({ result, updatedAt: new Date() })
      .where(eq(plannerProposals.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'planner.building_moved',
      entityType: 'plan_proposal',
      entityId: id,
      territoryCode: row.territoryCode,
      changes:
        ids.length === 1
          ? { buildingId: ids[0], grid: { old: from[ids[0]!], new: move.toGrid } }
          : { buildingIds: ids, grid: { old: [...new Set(Object.values(from))], new: move.toGrid } },
    });
    polygons = gridPolygons(prepared, layout);
    name = (await loadInScope(tx, scope, row.territoryId).catch(() => null))?.name ?? row.territoryCode;
    return updated!;
  });
  return present(row, name, polygons!, await limitNames(db, row));
}

/**
 * What the page draws of a proposal besides its grids: every building's point with today's and the proposed grid
 * and the grids it may be moved to (those a neighbouring building lies in), today's grids' polygons for the
 * comparison, and the barrier lines the plan honoured — all from the proposal's snapshot.
 */
export async function proposalMap(db: Executor, scope: Scope, id: string) {
  const row = await loadProposal(db, scope, id);
  const prepared = prepare(row.snapshot);
  const layout = new Map(Object.entries(row.result.layout));
  const { graph } = prepared;
  const { toLngLat } = projection(row.snapshot.origin);
  const buildings = row.snapshot.buildings.map((b) => {
    const grid = layout.get(b.id) ?? b.grid;
    const i = graph.index.get(b.id);
    const neighbours = new Set<string>();
    if (i !== undefined) {
      for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k++) {
        const g = layout.get(graph.buildings[graph.adjacency[k]!]!.id);
        if (g !== undefined && g !== grid) neighbours.add(g);
      }
    }
    return {
      id: b.id,
      code: b.code,
      name: b.name,
      lng: b.lng,
      lat: b.lat,
      households: b.households,
      today: b.grid,
      grid,
      neighbours: [...neighbours].sort(),
      pinned: b.pinned === true,
    };
  });
  return {
    id: row.id,
    buildings,
    today: gridPolygons(prepared, todayLayout(row.snapshot)),
    barriers: row.snapshot.barriers.map((line) => line.map(([x, y]) => toLngLat(x, y))),
  };
}
