/**
 * Applying a grid plan in one audited transaction (issue 12): the place is read again and compared with what the
 * proposal was made from (409 when it changed); new grid nodes are created and retired ones ended (territory),
 * buildings, their households and residents move to their new grid with their history (registry), contact
 * assignments and central households follow their households (contacts), open door-knocking rounds their buildings
 * (rounds); the workers of an ended grid serve its successor from today, the grid in force that took most of its
 * households (people). Building leaders' terms are held on buildings, so they move with them. Whoever the change
 * concerns is told in the same transaction (notifyApplied).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { Scope } from '../../core/auth/scope.ts';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { accountsAnchoredOn, notify } from '../../core/notifications/notifications.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { followHouseholdGrids } from '../contacts/contacts.public.ts';
import { moveWorkersOfEndedGrids, type GridSuccession } from '../people/people.public.ts';
import { buildings, moveBuildingsToGrids, type GridMove } from '../registry/registry.public.ts';
import { followBuildingGrids } from '../rounds/rounds.public.ts';
import { redrawGrids, territories, type GeoJsonGeometry } from '../territory/territory.public.ts';
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
    await followBuildingGrids(
      tx,
      moves.map((m) => m.buildingId),
    );
    const succession = successions(ended, row.snapshot.buildings, layout, target);
    const workersMoved = await moveWorkersOfEndedGrids(tx, keys, actor, succession, day);
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
    // The grids in force that gained or lost a building, or took an ended grid's workers.
    const changedGrids = new Set<string>();
    for (const m of moves) {
      changedGrids.add(m.gridId);
      const from = target.get(row.snapshot.buildings.find((b) => b.id === m.buildingId)!.grid);
      if (from) changedGrids.add(from.id);
    }
    for (const s of succession) changedGrids.add(s.to.id);
    await notifyApplied(tx, {
      proposal: { id, territoryId: row.territoryId },
      day,
      appliedBy: actor.userId,
      grids: [...changedGrids],
      moves,
      totals: { gridsCreated, gridsRetired, buildings: moved.buildings, households: moved.households },
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

/**
 * Tells whoever an applied plan concerns, once each (the proposal is the source): the accounts anchored on a grid in
 * force that changed (its workers and branch secretary: their grid's new extent), on a building that moved (its
 * leaders: the building's new grid), and on a community or street of a changed grid (its staff: what changed there).
 * An account anchored on several is told the most specific news only, grids first.
 */
async function notifyApplied(
  tx: Executor,
  applied: {
    proposal: { id: string; territoryId: string };
    day: string;
    /** The account that applied it: not told of its own act. */
    appliedBy: string | null;
    grids: string[];
    moves: GridMove[];
    totals: { gridsCreated: number; gridsRetired: number; buildings: number; households: number };
  },
): Promise<void> {
  if (applied.grids.length === 0 && applied.moves.length === 0) return;
  const gridRows = applied.grids.length
    ? await tx
        .select({ id: territories.id, name: territories.name, parentId: territories.parentId })
        .from(territories)
        .where(inArray(territories.id, applied.grids))
    : [];
  const places = await tx
    .select({ id: territories.id, name: territories.name, parentId: territories.parentId })
    .from(territories)
    .where(
      inArray(territories.id, [...new Set(gridRows.map((g) => g.parentId).filter((p): p is string => !!p))]),
    );
  const streets = places.map((p) => p.parentId).filter((p): p is string => !!p);
  const gridName = new Map(gridRows.map((g) => [g.id, g.name]));
  const movedTo = new Map(applied.moves.map((m) => [m.buildingId, m.gridId]));
  const buildingRows = applied.moves.length
    ? await tx
        .select({ id: buildings.id, name: buildings.name })
        .from(buildings)
        .where(inArray(buildings.id, [...movedTo.keys()]))
    : [];
  const buildingName = new Map(buildingRows.map((b) => [b.id, b.name]));
  const anchored = await accountsAnchoredOn(tx, {
    territoryIds: [...applied.grids, ...places.map((p) => p.id), ...streets],
    buildingIds: [...movedTo.keys()],
  });
  const told = new Set<string>(applied.appliedBy ? [applied.appliedBy] : []);
  const source = `planner.applied:${applied.proposal.id}`;
  const [place] = await tx
    .select({ name: territories.name })
    .from(territories)
    .where(eq(territories.id, applied.proposal.territoryId));
  const plan = { zh: `${place?.name ?? ''}的网格调整方案`, en: `The grid plan for ${place?.name ?? ''}` };
  const list = (names: string[]) =>
    names.slice(0, 5).join('、') + (names.length > 5 ? ` 等 ${names.length} 个` : '');
  const listEn = (names: string[]) =>
    names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  const byKind = (kinds: string[]) =>
    anchored.filter((a) => kinds.includes(a.scopeKind) && !told.has(a.userId));
  // Grid staff (grids scopes): each told of their own grids.
  for (const account of byKind(['grids'])) {
    const names = account.anchors.map((id) => gridName.get(id)).filter((n): n is string => !!n);
    if (!names.length) continue;
    told.add(account.userId);
    await notify(tx, [account.userId], {
      kind: 'planner.applied',
      title: { zh: '您负责的网格范围已调整', en: 'The extent of your grid has changed' },
      body: {
        zh: `${plan.zh}已于 ${applied.day} 生效：${list(names)}有楼栋划入或划出，请在地图上查看新的网格范围。`,
        en: `${plan.en} took effect on ${applied.day}: buildings moved into or out of ${listEn(names)}. See the new extent on the map.`,
      },
      link: `/map?node=${account.anchors.find((id) => gridName.has(id))}`,
      sourceKey: source,
    });
  }
  // Building leaders (buildings scopes): their buildings' new grid.
  for (const account of byKind(['buildings'])) {
    const mine = account.anchors.filter((id) => movedTo.has(id));
    if (!mine.length) continue;
    told.add(account.userId);
    const names = mine.map((id) => `${buildingName.get(id) ?? ''} → ${gridName.get(movedTo.get(id)!) ?? ''}`);
    await notify(tx, [account.userId], {
      kind: 'planner.applied',
      title: { zh: '您负责的楼栋已划入新的网格', en: 'Your building is now in another grid' },
      body: {
        zh: `${plan.zh}已于 ${applied.day} 生效：${list(names)}。`,
        en: `${plan.en} took effect on ${applied.day}: ${listEn(names)}.`,
      },
      link: `/map?node=${movedTo.get(mine[0]!)}`,
      sourceKey: source,
    });
  }
  // Community and street staff: what changed in their place.
  const t = applied.totals;
  for (const account of byKind(['community', 'street'])) {
    told.add(account.userId);
    await notify(tx, [account.userId], {
      kind: 'planner.applied',
      title: { zh: '网格调整已生效', en: 'A grid plan took effect' },
      body: {
        zh: `${plan.zh}已于 ${applied.day} 生效：新增 ${t.gridsCreated} 个网格、撤销 ${t.gridsRetired} 个，${t.buildings} 栋楼（${t.households} 户）调整了网格，网格员已随网格调整。`,
        en: `${plan.en} took effect on ${applied.day}: ${t.gridsCreated} grids created, ${t.gridsRetired} retired, ${t.buildings} buildings (${t.households} households) moved to another grid; grid workers followed their grids.`,
      },
      link: `/planner/${applied.proposal.id}`,
      sourceKey: source,
    });
  }
}
