import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { childLevel, insertTerritories, type NewTerritory } from './territory.service.ts';
import { territories, type GeoJsonGeometry, type TerritoryLevel } from './territory.tables.ts';

/** A node of the tree as it is inserted. */
export type TerritoryNodeRow = NewTerritory & { id: string; boundary: GeoJsonGeometry | null };

/**
 * What to build: any column, and the node's `parent` (its level is then the parent's child level, its code the
 * parent's code and the 3-digit sequence). Without a parent, a county with the demo county's code.
 */
export type TerritoryNodeSpec = Partial<TerritoryNodeRow> & {
  parent?: { id: string; code: string; level: TerritoryLevel };
};

const DEFAULT_NAME: Record<TerritoryLevel, (sequence: number) => string> = {
  county: () => '示范县',
  street: (n) => `第${n}街道`,
  community: (n) => `第${n}社区`,
  grid: (n) => `第${n}网格`,
};

/** A territory node (no database): the spec's columns, the rest derived from the parent or made up. */
export function buildTerritoryNode(spec: TerritoryNodeSpec = {}): TerritoryNodeRow {
  const { parent } = spec;
  const level = spec.level ?? (parent ? childLevel(parent.level) : 'county');
  if (!level) throw new Error('a grid has no children');
  const sequence = spec.sequence ?? 1;
  return {
    id: spec.id ?? newId(),
    parentId: spec.parentId !== undefined ? spec.parentId : (parent?.id ?? null),
    level,
    code: spec.code ?? (parent ? parent.code + String(sequence).padStart(3, '0') : '379901'),
    name: spec.name ?? DEFAULT_NAME[level](sequence),
    sequence,
    boundary: spec.boundary ?? null,
    ...(spec.startsOn !== undefined ? { startsOn: spec.startsOn } : {}),
    ...(spec.endsOn !== undefined ? { endsOn: spec.endsOn } : {}),
  };
}

/**
 * Inserts a node built from `spec` (test set-up, no audit): under a parent, with the parent's next free sequence
 * unless a sequence or code is given.
 */
export async function insertTerritoryNode(
  tx: Executor,
  spec: TerritoryNodeSpec = {},
): Promise<TerritoryNodeRow> {
  return tx.transaction(async (t) => {
    let sequence = spec.sequence;
    if (sequence === undefined && spec.parent && spec.code === undefined) {
      const [last] = await t
        .select({ max: sql<number | null>`max(${territories.sequence})` })
        .from(territories)
        .where(eq(territories.parentId, spec.parent.id));
      sequence = (last?.max ?? 0) + 1;
    }
    const node = buildTerritoryNode({ ...spec, sequence });
    await insertTerritories(t, [node]);
    return node;
  });
}
