import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { appendAudit, changedFields, type Actor } from '../../core/auth/audit.ts';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { activeOn, shanghaiDay } from '../../core/db/periods.ts';
import { createVersionedCache, scopeKey } from '../../core/db/versioned-cache.ts';
import { containsPattern, escapeLike, startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { boundarySelfIntersecting, territoryErrors } from './territory.errors.ts';
import { boundaryCrossing, boundaryWithin } from './territory.geometry.ts';
import type { TerritoryNode, TerritoryTreeNode } from './territory.schemas.ts';
import {
  territories,
  territoryLevels,
  type GeoJsonGeometry,
  type TerritoryLevel,
} from './territory.tables.ts';

type Row = typeof territories.$inferSelect;

/** Digits each level adds to its parent's code: county 6 (GB/T 2260), then 3 for street, community and grid. */
const CODE_DIGITS: Record<TerritoryLevel, number> = { county: 6, street: 3, community: 3, grid: 3 };

export function childLevel(level: TerritoryLevel): TerritoryLevel | null {
  return territoryLevels[territoryLevels.indexOf(level) + 1] ?? null;
}

const nodeColumns = {
  id: territories.id,
  parentId: territories.parentId,
  level: territories.level,
  code: territories.code,
  name: territories.name,
  sequence: territories.sequence,
  hasBoundary: sql<boolean>`${territories.boundary} is not null`,
};
type NodeRow = Omit<TerritoryNode, 'counts'>;

/**
 * The tree within the scope, each node with the number of streets, communities and grids below it.
 * Roots are the scope's anchors (the county for a county-wide scope).
 */
export async function territoryTree(db: Executor, scope: Scope): Promise<TerritoryTreeNode[]> {
  return (await treeCache(db, scopeKey(scope), () => treeEntry(db, scope))).tree;
}

/** The tree as the JSON body `{"data": [...]}`, serialised once per data version and scope. */
export async function territoryTreeJson(db: Executor, scope: Scope): Promise<string> {
  return (await treeCache(db, scopeKey(scope), () => treeEntry(db, scope))).json;
}

const treeCache = createVersionedCache<{ tree: TerritoryTreeNode[]; json: string }>('registry');

async function treeEntry(db: Executor, scope: Scope) {
  const tree = await buildTree(db, scope);
  return { tree, json: JSON.stringify({ data: tree }) };
}

async function buildTree(db: Executor, scope: Scope): Promise<TerritoryTreeNode[]> {
  const rows = await db
    .select(nodeColumns)
    .from(territories)
    .where(territoryCodeCondition(scope, territories.code))
    .orderBy(asc(territories.code));
  const byId = new Map<string, TerritoryTreeNode>();
  for (const row of rows) {
    byId.set(row.id, { ...row, counts: { streets: 0, communities: 0, grids: 0 }, children: [] });
  }
  const roots: TerritoryTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const root of roots) countBelow(root);
  return roots;
}

function countBelow(node: TerritoryTreeNode): TerritoryNode['counts'] {
  for (const child of node.children) {
    const below = countBelow(child);
    node.counts.streets += below.streets + (child.level === 'street' ? 1 : 0);
    node.counts.communities += below.communities + (child.level === 'community' ? 1 : 0);
    node.counts.grids += below.grids + (child.level === 'grid' ? 1 : 0);
  }
  return node.counts;
}

/** Counts of streets, communities and grids under each given node, in one query. */
async function countsFor(db: Executor, nodes: NodeRow[]): Promise<TerritoryNode[]> {
  if (nodes.length === 0) return [];
  const rows = await db
    .select({
      code: sql<string>`p.code`,
      streets: sql<number>`count(*) filter (where ${territories.level} = 'street')::int`,
      communities: sql<number>`count(*) filter (where ${territories.level} = 'community')::int`,
      grids: sql<number>`count(*) filter (where ${territories.level} = 'grid')::int`,
    })
    .from(sql`unnest(${sql.param(nodes.map((n) => n.code))}::text[]) as p(code)`)
    .innerJoin(territories, sql`${territories.code} like p.code || '%' and ${territories.code} <> p.code`)
    .groupBy(sql`p.code`);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return nodes.map((n) => {
    const c = byCode.get(n.code);
    return {
      ...n,
      counts: { streets: c?.streets ?? 0, communities: c?.communities ?? 0, grids: c?.grids ?? 0 },
    };
  });
}

/** Loads one node inside the scope; anything else, missing or out of scope, is the same 404. */
export async function loadInScope(db: Executor, scope: Scope, id: string): Promise<Row> {
  const [row] = await db.select().from(territories).where(eq(territories.id, id)).limit(1);
  if (!row || !codeInScope(scope, row.code)) throw errors.notFound();
  return row;
}

/** One node with its boundary, its ancestors (for the breadcrumb) and its children. */
export async function territoryDetail(db: Executor, scope: Scope, id: string) {
  const row = await loadInScope(db, scope, id);
  const [ancestors, children] = await Promise.all([
    ancestorsOf(db, row.code),
    db
      .select(nodeColumns)
      .from(territories)
      .where(eq(territories.parentId, row.id))
      .orderBy(asc(territories.code)),
  ]);
  const [self, ...kids] = await countsFor(db, [toNode(row), ...children]);
  return { ...self!, boundary: row.boundary ?? null, ancestors, children: kids };
}

/** The ancestors of a node from the county down, for a breadcrumb. */
export async function ancestorsOf(db: Executor, code: string) {
  const codes = ancestorCodesOf(code);
  if (codes.length === 0) return [];
  return db
    .select({ id: territories.id, level: territories.level, code: territories.code, name: territories.name })
    .from(territories)
    .where(inArray(territories.code, codes))
    .orderBy(asc(territories.code));
}

function toNode(row: Row): NodeRow {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level,
    code: row.code,
    name: row.name,
    sequence: row.sequence,
    hasBoundary: row.boundary !== null,
  };
}

/** Codes of every ancestor of a node, from its code alone (6, 9, 12 digits). */
export function ancestorCodesOf(code: string): string[] {
  const out: string[] = [];
  let length = CODE_DIGITS.county;
  while (length < code.length) {
    out.push(code.slice(0, length));
    length += 3;
  }
  return out;
}

export async function searchTerritories(
  db: Executor,
  scope: Scope,
  filter: { q?: string; level?: TerritoryLevel; parentId?: string; page: number; pageSize: number },
) {
  const where = and(
    territoryCodeCondition(scope, territories.code),
    filter.level ? eq(territories.level, filter.level) : undefined,
    filter.parentId ? eq(territories.parentId, filter.parentId) : undefined,
    filter.q
      ? or(
          sql`${territories.name} ilike ${containsPattern(filter.q)}`,
          like(territories.code, `${escapeLike(filter.q)}%`),
        )
      : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select(nodeColumns)
      .from(territories)
      .where(where)
      .orderBy(asc(territories.code))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(territories)
      .where(where),
  ]);
  return { rows: await countsFor(db, rows), total: count?.total ?? 0 };
}

export type NewTerritory = {
  parentId: string | null;
  level: TerritoryLevel;
  code: string;
  name: string;
  sequence: number;
  boundary?: GeoJsonGeometry | null;
  /** The node's first day (today when absent) and last day (none when absent). */
  startsOn?: string;
  endsOn?: string | null;
};

/** Inserts nodes as they are (seeding and tests); callers check the tree's rules. */
export async function insertTerritories(tx: Executor, nodes: (NewTerritory & { id?: string })[]) {
  const rows = nodes.map((n) => ({ ...n, id: n.id ?? newId(), boundary: n.boundary ?? null }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(territories).values(rows.slice(i, i + 1000));
  return rows;
}

/** Adds a street under the county, a community under a street or a grid under a community. */
export async function createTerritory(
  db: Db,
  scope: Scope,
  actor: Actor,
  input: { parentId: string; name: string; sequence?: number; boundary?: GeoJsonGeometry | null },
) {
  if (input.boundary) checkSimple(input.boundary);
  return db.transaction(async (tx) => {
    const parent = await loadInScope(tx, scope, input.parentId);
    const level = childLevel(parent.level);
    if (!level) {
      throw errors.validation([
        {
          field: 'parentId',
          code: 'leaf',
          message: { zh: '网格下不能再划分区域', en: 'A grid cannot have children' },
        },
      ]);
    }
    let sequence = input.sequence;
    if (sequence === undefined) {
      const [last] = await tx
        .select({ max: sql<number | null>`max(${territories.sequence})` })
        .from(territories)
        .where(eq(territories.parentId, parent.id));
      sequence = (last?.max ?? 0) + 1;
    }
    if (sequence > 999) {
      throw errors.validation([
        {
          field: 'sequence',
          code: 'too_big',
          message: { zh: '序号不能超过 999', en: 'The sequence is at most 999' },
        },
      ]);
    }
    if (input.boundary && parent.boundary) {
      await lockNode(tx, parent.id);
      requireWithin(input.boundary, parent.boundary, parent.name, territoryErrors.boundaryOutsideParent);
    }
    const code = parent.code + String(sequence).padStart(CODE_DIGITS[level], '0');
    const [clash] = await tx
      .select({ id: territories.id })
      .from(territories)
      .where(eq(territories.code, code))
      .limit(1);
    if (clash) {
      throw errors.conflict('sequence', {
        zh: `编码 ${code} 已被占用，请换一个序号`,
        en: `Code ${code} is taken; choose another sequence`,
      });
    }
    const [row] = await insertTerritories(tx, [
      {
        parentId: parent.id,
        level,
        code,
        name: input.name,
        sequence,
        boundary: input.boundary ?? null,
        startsOn: shanghaiDay(),
      },
    ]);
    await appendAudit(tx, actor, {
      action: 'territory.created',
      entityType: 'territory',
      entityId: row!.id,
      territoryCode: code,
      changes: changedFields(null, {
        level,
        code,
        name: input.name,
        boundary: input.boundary ? 'set' : null,
      }),
    });
    return row!.id;
  });
}

export async function updateTerritory(
  db: Db,
  scope: Scope,
  actor: Actor,
  id: string,
  input: { name?: string; boundary?: GeoJsonGeometry | null },
) {
  if (input.boundary) checkSimple(input.boundary);
  await db.transaction(async (tx) => {
    const row = await loadInScope(tx, scope, id);
    // The node a scope is anchored on is the level above's to name and bound: a street admin moving their own street's
    // boundary would take in a neighbour's ground.
    if (!scope.all && scope.codes.includes(row.code)) throw territoryErrors.ownNodeNotEditable();
    const next = {
      name: input.name ?? row.name,
      boundary: input.boundary === undefined ? row.boundary : input.boundary,
    };
    const changes = changedFields({ name: row.name, boundary: row.boundary }, next);
    if (Object.keys(changes).length === 0) return;
    if (changes.boundary && next.boundary) await checkBoundaryFits(tx, row, next.boundary);
    await tx
      .update(territories)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(territories.id, id));
    if (changes.boundary) {
      changes.boundary = { from: row.boundary ? 'set' : null, to: next.boundary ? 'set' : null };
    }
    await appendAudit(tx, actor, {
      action: 'territory.updated',
      entityType: 'territory',
      entityId: id,
      territoryCode: row.code,
      changes,
    });
  });
}

/**
 * A node's new boundary lies inside its parent's (when the parent has one) and holds each child's that has one, up to
 * the tolerance of boundaryWithin (shared edges a few metres apart); otherwise 400 on `boundary`.
 */
async function checkBoundaryFits(tx: Executor, row: Row, boundary: GeoJsonGeometry) {
  await lockNode(tx, row.id);
  if (row.parentId) {
    const [parent] = await tx
      .select({ name: territories.name, boundary: territories.boundary })
      .from(territories)
      .where(eq(territories.id, row.parentId))
      .limit(1)
      .for('update');
    if (parent?.boundary) {
      requireWithin(boundary, parent.boundary, parent.name, territoryErrors.boundaryOutsideParent);
    }
  }
  const children = await tx
    .select({ name: territories.name, boundary: territories.boundary })
    .from(territories)
    .where(
      and(
        eq(territories.parentId, row.id),
        sql`${territories.boundary} is not null`,
        // Children ended before today (grids a plan replaced) keep their old shapes and bind nothing.
        sql`(${territories.endsOn} is null or ${territories.endsOn} >= ${shanghaiDay()})`,
      ),
    )
    .orderBy(asc(territories.code));
  for (const child of children) {
    requireWithin(child.boundary!, boundary, child.name, territoryErrors.boundaryExcludesChildren);
  }
}

/** A boundary whose edges cross is refused (400 on its ring) before polygon-clipping is given it. */
function checkSimple(boundary: GeoJsonGeometry) {
  const ring = boundaryCrossing(boundary);
  if (ring !== null) throw boundarySelfIntersecting(ring);
}

/**
 * `inner` lies inside `outer` (boundaryWithin's tolerance), else `refused(name)`; 400 BOUNDARY_NOT_COMPARABLE when
 * polygon-clipping cannot compare them (never taken for "outside").
 */
function requireWithin(
  inner: GeoJsonGeometry,
  outer: GeoJsonGeometry,
  name: string,
  refused: (name: string) => Error,
) {
  const within = boundaryWithin(inner, outer);
  if (within === null) throw territoryErrors.boundaryNotComparable(name);
  if (!within) throw refused(name);
}

/**
 * Locks a node's row to the end of the transaction: a boundary checked against its parent's (or its children's against
 * it) is checked with the other side locked, so a parent and a child changed at once cannot both pass.
 */
async function lockNode(tx: Executor, id: string) {
  await tx.select({ id: territories.id }).from(territories).where(eq(territories.id, id)).for('update');
}

/** Territory nodes by id (any scope): used to check the territories named in role assignments. */
export function territoriesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: territories.id, level: territories.level, code: territories.code })
    .from(territories)
    .where(inArray(territories.id, ids));
}

/** SQL subquery: ids of the territory nodes inside the scope, for other modules' scoped queries. */
export function territoryIdsInScope(scope: Scope): SQL {
  return sql`(select t.id from ${territories} t where ${territoryCodeCondition(scope, sql.raw('t.code'))})`;
}

/**
 * Counts of territory nodes by level under a code, within the scope, on the Shanghai day of `asOf` (today when
 * absent): the nodes whose valid period holds that day.
 */
export async function countTerritories(db: Executor, scope: Scope, code?: string, asOf?: Date) {
  const [row] = await db
    .select({
      streets: sql<number>`count(*) filter (where ${territories.level} = 'street')::int`,
      communities: sql<number>`count(*) filter (where ${territories.level} = 'community')::int`,
      grids: sql<number>`count(*) filter (where ${territories.level} = 'grid')::int`,
    })
    .from(territories)
    .where(
      and(
        territoryCodeCondition(scope, territories.code),
        code ? startsWith(territories.code, code) : undefined,
        activeOn(territories, shanghaiDay(asOf)),
      ),
    );
  return row ?? { streets: 0, communities: 0, grids: 0 };
}
