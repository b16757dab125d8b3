import type { GeoJsonGeometry } from './territory.tables.ts';
import { insertTerritories, type NewTerritory } from './territory.service.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { newId } from '../../core/db/ids.ts';
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
export type DemoNode = NewTerritory & { id: string };

/** Splits the box [w, s, e, n] into `count` cells, row by row from the north-west, for offline-drawable maps. */
export function cells(
  box: [number, number, number, number],
  count: number,
): [number, number, number, number][] {
  const [w, s, e, n] = box;
  const columns = Math.ceil(Math.sqrt(count * ((e - w) / (n - s))));
  const rows = Math.ceil(count / columns);
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / columns);
    const inRow = r === rows - 1 ? count - r * columns : columns;
    const c = i - r * columns;
    const cw = (e - w) / inRow;
    const ch = (n - s) / rows;
    out.push([w + c * cw, n - (r + 1) * ch, w + (c + 1) * cw, n - r * ch]);
  }
  return out;
}

export function polygon([w, s, e, n]: [number, number, number, number]): GeoJsonGeometry {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(w), r(n)],
        [r(e), r(n)],
        [r(e), r(s)],
        [r(w), r(s)],
        [r(w), r(n)],
      ],
    ],
  };
}

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
  const countyBox: [number, number, number, number] = [118.3, 35.0, 118.42, 35.1];
  const county: DemoNode = {
    id: newId(),
    parentId: null,
    level: 'county',
    code: options.countyCode,
    name: options.countyName,
    sequence: 1,
    boundary: polygon(countyBox),
  };
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
    const street: DemoNode = {
      id: newId(),
      parentId: county.id,
      level: 'street',
      code: county.code + String(s + 1).padStart(3, '0'),
      name: STREET_NAMES[s % STREET_NAMES.length]! + (s >= STREET_NAMES.length ? String(s + 1) : ''),
      sequence: s + 1,
      boundary: polygon(streetBox),
    };
    nodes.push(street);
    cells(streetBox, communitiesPerStreet[s]!).forEach((communityBox, c) => {
      const baseName = COMMUNITY_NAMES[communityIndex % COMMUNITY_NAMES.length]!;
      const community: DemoNode = {
        id: newId(),
        parentId: street.id,
        level: 'community',
        code: street.code + String(c + 1).padStart(3, '0'),
        name: `${baseName}${communityIndex >= COMMUNITY_NAMES.length ? communityIndex : ''}社区`,
        sequence: c + 1,
        boundary: polygon(communityBox),
      };
      nodes.push(community);
      cells(communityBox, gridsPerCommunity[communityIndex]!).forEach((gridBox, g) => {
        nodes.push({
          id: newId(),
          parentId: community.id,
          level: 'grid',
          code: community.code + String(g + 1).padStart(3, '0'),
          name: `${baseName}第${g + 1}网格`,
          sequence: g + 1,
          boundary: polygon(gridBox),
        });
      });
      communityIndex += 1;
    });
  });
  return nodes;
}

/** The demo county's code (a made-up region code) and name. */
export const DEMO_COUNTY = { countyCode: '379901', countyName: '示范县' };

/** The territory module's demo data: the county, its streets, communities and grids with boundaries. */
export async function generateTerritoryDemo(context: DemoContext): Promise<Record<string, number>> {
  const nodes = generateTerritory(context.random, { ...DEMO_COUNTY, scale: context.options.scale });
  await insertTerritories(context.tx, nodes);
  context.shared.set('territory', nodes);
  return { territories: nodes.length };
}

/** The demo county's nodes, for the demo generators of modules that run after this one. */
export function demoTerritory(context: DemoContext): DemoNode[] {
  const nodes = context.shared.get('territory') as DemoNode[] | undefined;
  if (!nodes) throw new Error('the territory demo has not run: name "territory" in demo.after');
  return nodes;
}
