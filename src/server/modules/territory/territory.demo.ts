import { insertTerritories } from './territory.service.ts';
import { buildTerritoryNode, type TerritoryNodeRow } from './territory.factories.ts';
import { baseLines } from './territory.tables.ts';
import { townCounty, type TownCounty, type TownGrid } from './territory.town.ts';
import { newId } from '../../core/db/ids.ts';
import type { DemoContext } from '../../core/kit/module.ts';

const STREET_NAMES = ['城关街道', '东城街道', '西城街道', '南湖街道', '北园街道', '新华街道'];
const COMMUNITY_NAMES = [
  '和平',
  '幸福',
  '建设',
  '光明',
  '文化',
  '胜利',
  '育才',
  '朝阳',
  '民主',
  '团结',
  '锦绣',
  '长安',
  '翠湖',
  '滨河',
  '春华',
  '秋实',
  '桃园',
  '杏林',
  '书香',
  '康乐',
  '富民',
  '振兴',
  '华安',
  '清泉',
  '汇景',
  '金桥',
  '银河',
  '凤鸣',
  '玉泉',
  '紫荆',
];

export type DemoTerritoryOptions = { countyCode: string; countyName: string; scale: number; seed: number };
export type DemoNode = TerritoryNodeRow;

/** The demo county: its nodes, and which town community and grid (today's and earlier) each node is. */
export type DemoCounty = {
  nodes: DemoNode[];
  town: TownCounty;
  /** Community node id → its index in town.communities. */
  communityIndex: Map<string, number>;
  /** Grid node id → the town grid (its buildings and polygon). */
  gridOf: Map<string, TownGrid>;
};

/**
 * The demo county's tree, drawn from the planner's synthetic town (territory.town.ts): the county is the town's
 * outline, its communities the town's (bounded by main roads), at least two streets of touching communities, and
 * today's grids the planner's own fresh output at about 300 households a grid (267 at scale 1; the union of each
 * grid's buildings' Voronoi cells clipped to its community). Codes per CJ/T 349 (county + 3 digits per level,
 * communities and grids numbered north → south, west → east).
 */
export function generateTerritory(options: DemoTerritoryOptions): DemoCounty {
  const town = townCounty(options.seed, options.scale);
  const county = buildTerritoryNode({
    code: options.countyCode,
    name: options.countyName,
    boundary: town.county,
  });
  const nodes: DemoNode[] = [county];
  const communityIndex = new Map<string, number>();
  const gridOf = new Map<string, TownGrid>();
  let n = 0;
  town.streets.forEach((s, streetIndex) => {
    const street = buildTerritoryNode({
      parent: county,
      sequence: streetIndex + 1,
      name:
        STREET_NAMES[streetIndex % STREET_NAMES.length]! +
        (streetIndex >= STREET_NAMES.length ? String(streetIndex + 1) : ''),
      boundary: s.boundary,
    });
    nodes.push(street);
    s.communities.forEach((townIndex, c) => {
      const baseName = COMMUNITY_NAMES[n % COMMUNITY_NAMES.length]!;
      const community = buildTerritoryNode({
        parent: street,
        sequence: c + 1,
        name: `${baseName}${n >= COMMUNITY_NAMES.length ? n : ''}社区`,
        boundary: town.communities[townIndex]!,
      });
      nodes.push(community);
      communityIndex.set(community.id, townIndex);
      town.grids[townIndex]!.forEach((grid, g) => {
        const node = buildTerritoryNode({
          parent: community,
          sequence: g + 1,
          name: `${baseName}第${g + 1}网格`,
          boundary: grid.boundary,
        });
        nodes.push(node);
        gridOf.set(node.id, grid);
      });
      n += 1;
    });
  });
  return { nodes, town, communityIndex, gridOf };
}

/** The day the demo county's tree (its current layout of grids) took effect: every demo node starts on it. */
export const DEMO_TREE_SINCE = '2019-01-01';

/** The demo county's code (a made-up region code) and name. */
export const DEMO_COUNTY = { countyCode: '379901', countyName: '示范县' };

/** The territory module's demo data: the county, its streets, communities and grids with boundaries. */
export async function generateTerritoryDemo(context: DemoContext): Promise<Record<string, number>> {
  const county = generateTerritory({ ...DEMO_COUNTY, ...context.options });
  const { nodes } = county;
  await insertTerritories(
    context.tx,
    nodes.map((node) => ({ ...node, startsOn: DEMO_TREE_SINCE })),
  );
  const lines = county.town.lines.map((l) => ({ id: newId(), territoryCode: DEMO_COUNTY.countyCode, ...l }));
  if (lines.length > 0) await context.tx.insert(baseLines).values(lines);
  context.shared.set('territory', nodes);
  context.shared.set('territory.town', county);
  return { territories: nodes.length, baseLines: lines.length };
}

/** The demo county's town (buildings, today's and earlier grids, barriers), for the registry's and planner's demo. */
export function demoCounty(context: DemoContext): DemoCounty {
  const county = context.shared.get('territory.town') as DemoCounty | undefined;
  if (!county) throw new Error('the territory demo has not run: name "territory" in demo.after');
  return county;
}

/** The demo county's nodes, for the demo generators of modules that run after this one. */
export function demoTerritory(context: DemoContext): DemoNode[] {
  const nodes = context.shared.get('territory') as DemoNode[] | undefined;
  if (!nodes) throw new Error('the territory demo has not run: name "territory" in demo.after');
  return nodes;
}
