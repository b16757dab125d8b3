import { insertTerritories } from './territory.service.ts';
import { buildTerritoryNode, type TerritoryNodeRow } from './territory.factories.ts';
import { cells, polygon, type Box } from './territory.geometry.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import type { Random } from '../../core/demo/random.ts';

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

export type DemoTerritoryOptions = { countyCode: string; countyName: string; scale: number };
export type DemoNode = TerritoryNodeRow;

/** Distributes `total` over `weights` proportionally, each at least `min`. */
function apportion(total: number, weights: number[], min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(min, Math.floor((total * w) / sum)));
  let i = 0;
  while (out.reduce((a, b) => a + b, 0) < total) out[i++ % out.length]! += 1;
  return out;
}

/**
 * The demo county's tree: about 6 streets, 25 communities of varied size and 267 grids at scale 1, each node
 * with a rectangular boundary, codes per CJ/T 349 (county + 3 digits per level, grids numbered west→east,
 * north→south). Smaller scales shrink every level.
 */
export function generateTerritory(random: Random, options: DemoTerritoryOptions): DemoNode[] {
  const root = Math.sqrt(options.scale);
  const streetCount = Math.min(6, Math.max(2, Math.round(6 * root)));
  const communityCount = Math.min(25, Math.max(streetCount, Math.round(25 * root)));
  const gridCount = Math.max(communityCount, Math.round(267 * options.scale));
  const countyBox: Box = [118.3, 35.0, 118.42, 35.1];
  const county = buildTerritoryNode({
    code: options.countyCode,
    name: options.countyName,
    boundary: polygon(countyBox),
  });
  const nodes: DemoNode[] = [county];
  const communitiesPerStreet = apportion(
    communityCount,
    Array.from({ length: streetCount }, () => random.int(3, 6)),
    1,
  );
  const communitySizes = Array.from({ length: communityCount }, () => random.int(4, 18));
  const gridsPerCommunity = apportion(gridCount, communitySizes, 1);
  let communityIndex = 0;
  cells(countyBox, streetCount).forEach((streetBox, s) => {
    const street = buildTerritoryNode({
      parent: county,
      sequence: s + 1,
      name: STREET_NAMES[s % STREET_NAMES.length]! + (s >= STREET_NAMES.length ? String(s + 1) : ''),
      boundary: polygon(streetBox),
    });
    nodes.push(street);
    cells(streetBox, communitiesPerStreet[s]!).forEach((communityBox, c) => {
      const baseName = COMMUNITY_NAMES[communityIndex % COMMUNITY_NAMES.length]!;
      const community = buildTerritoryNode({
        parent: street,
        sequence: c + 1,
        name: `${baseName}${communityIndex >= COMMUNITY_NAMES.length ? communityIndex : ''}社区`,
        boundary: polygon(communityBox),
      });
      nodes.push(community);
      cells(communityBox, gridsPerCommunity[communityIndex]!).forEach((gridBox, g) => {
        nodes.push(
          buildTerritoryNode({
            parent: community,
            sequence: g + 1,
            name: `${baseName}第${g + 1}网格`,
            boundary: polygon(gridBox),
          }),
        );
      });
      communityIndex += 1;
    });
  });
  return nodes;
}

/** The day the demo county's tree (its current layout of grids) took effect: every demo node starts on it. */
export const DEMO_TREE_SINCE = '2019-01-01';

/** The demo county's code (a made-up region code) and name. */
export const DEMO_COUNTY = { countyCode: '379901', countyName: '示范县' };

/** The territory module's demo data: the county, its streets, communities and grids with boundaries. */
export async function generateTerritoryDemo(context: DemoContext): Promise<Record<string, number>> {
  const nodes = generateTerritory(context.random, { ...DEMO_COUNTY, scale: context.options.scale });
  await insertTerritories(
    context.tx,
    nodes.map((node) => ({ ...node, startsOn: DEMO_TREE_SINCE })),
  );
  context.shared.set('territory', nodes);
  return { territories: nodes.length };
}

/** The demo county's nodes, for the demo generators of modules that run after this one. */
export function demoTerritory(context: DemoContext): DemoNode[] {
  const nodes = context.shared.get('territory') as DemoNode[] | undefined;
  if (!nodes) throw new Error('the territory demo has not run: name "territory" in demo.after');
  return nodes;
}
