import { createRandom, type Random } from '../../../core/demo/random.ts';
import { apportion, plan } from './partition.ts';
import type { Barrier, Building, Community, Layout, Point, Ring } from './types.ts';

/**
 * A deterministic synthetic town for the planner (issue 12): main roads on a jittered lattice (barriers, and the
 * communities' boundaries), side streets splitting each community into blocks, a meandering river (a barrier
 * that cuts through some communities), and residential compounds of three kinds: old low-rise (many small
 * buildings, more elderly living alone), new high-rise (few buildings of 100–300 households) and villages turned
 * communities (scattered low houses). Renters cluster near markets. Scale 1 ≈ 80,000 households in 25
 * communities and 6 streets.
 */
export type Town = {
  buildings: TownBuilding[];
  communities: Community[];
  /** Main roads and the river: the lines no grid crosses. */
  barriers: Barrier[];
  mainRoads: Point[][];
  sideStreets: Point[][];
  river: Point[];
  markets: Point[];
  /** Streets (街道) and their communities. */
  streets: Array<{ id: string; communityIds: string[] }>;
  bounds: [number, number, number, number];
};

export type TownOptions = { seed?: number; scale?: number };

/** A compound's kind: old low-rise, new high-rise, or a village turned community. */
export type TownKind = 'old' | 'high' | 'village';
type Kind = TownKind;

/**
 * A building of the town: the planner's fields plus what drew it — its block (one compound, 小区, per block:
 * `<community>-K<n>`), the block's kind, and the rates its key population was drawn with (elderly living alone,
 * renters: higher near markets), for a registry built from the town (the demo county).
 */
export type TownBuilding = Building & {
  block: string;
  kind: TownKind;
  elderlyRate: number;
  renterRate: number;
};

const CELL_W = 900;
const CELL_H = 800;
const HOUSEHOLDS_PER_GRID = 300;

function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

function insidePolygon(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy);
}

function distanceToLine(line: readonly Point[], x: number, y: number, closed = false): number {
  let best = Infinity;
  const count = closed ? line.length : line.length - 1;
  for (let i = 0; i < count; i++) {
    best = Math.min(best, distanceToSegment(x, y, line[i]!, line[(i + 1) % line.length]!));
  }
  return best;
}

/** The river's y at x (a meander from the west edge to the east edge). */
function riverY(x: number, width: number, height: number, phase: number): number {
  const t = x / width;
  return height * (0.38 + 0.22 * t) + 140 * Math.sin(2 * Math.PI * (1.6 * t + phase));
}

/** Builds the town (see Town). */
export function generateTown(options: TownOptions = {}): Town {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const random = createRandom(seed * 2654435761);
  const cols = Math.max(2, Math.round(5 * Math.sqrt(scale)));
  const rows = Math.max(2, Math.round(5 * Math.sqrt(scale)));
  const width = cols * CELL_W;
  const height = rows * CELL_H;
  const jitter = (amount: number) => (random.next() * 2 - 1) * amount;

  // Road intersections and the mid-vertices of each road section (shared by the two communities beside it).
  const corner: Point[][] = [];
  for (let i = 0; i <= cols; i++) {
    corner.push([]);
    for (let j = 0; j <= rows; j++) {
      const inner = i > 0 && i < cols && j > 0 && j < rows;
      corner[i]!.push([i * CELL_W + (inner ? jitter(120) : 0), j * CELL_H + (inner ? jitter(110) : 0)]);
    }
  }
  const vMid: Point[][] = []; // vertical road i, section j..j+1
  for (let i = 0; i <= cols; i++) {
    vMid.push([]);
    for (let j = 0; j < rows; j++) {
      const m = lerp(corner[i]![j]!, corner[i]![j + 1]!, 0.5);
      vMid[i]!.push([m[0] + (i > 0 && i < cols ? jitter(70) : 0), m[1]]);
    }
  }
  const hMid: Point[][] = []; // horizontal road j, section i..i+1
  for (let j = 0; j <= rows; j++) {
    hMid.push([]);
    for (let i = 0; i < cols; i++) {
      const m = lerp(corner[i]![j]!, corner[i + 1]![j]!, 0.5);
      hMid[j]!.push([m[0], m[1] + (j > 0 && j < rows ? jitter(60) : 0)]);
    }
  }
  const mainRoads: Point[][] = [];
  for (let i = 0; i <= cols; i++) {
    const line: Point[] = [];
    for (let j = 0; j < rows; j++) line.push(corner[i]![j]!, vMid[i]![j]!);
    line.push(corner[i]![rows]!);
    mainRoads.push(line);
  }
  for (let j = 0; j <= rows; j++) {
    const line: Point[] = [];
    for (let i = 0; i < cols; i++) line.push(corner[i]![j]!, hMid[j]![i]!);
    line.push(corner[cols]![j]!);
    mainRoads.push(line);
  }
  const phase = random.next();
  const river: Point[] = [];
  for (let x = 0; x <= width; x += 50) river.push([x, riverY(x, width, height, phase)]);

  const markets: Point[] = [];
  const communities: Community[] = [];
  const streetCount = Math.max(1, Math.round(6 * Math.sqrt(scale)));
  const streets = Array.from({ length: streetCount }, (_, s) => ({
    id: `S${s + 1}`,
    communityIds: [] as string[],
  }));
  const sideStreets: Point[][] = [];
  type Block = {
    community: number;
    id: string;
    kind: Kind;
    u0: number;
    u1: number;
    v0: number;
    v1: number;
  };
  const blocks: Block[] = [];
  const quads: Point[][] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const c = communities.length;
      const id = `C${String(c + 1).padStart(2, '0')}`;
      const ring: Ring = [
        corner[i]![j]!,
        hMid[j]![i]!,
        corner[i + 1]![j]!,
        vMid[i + 1]![j]!,
        corner[i + 1]![j + 1]!,
        hMid[j + 1]![i]!,
        corner[i]![j + 1]!,
        vMid[i]![j]!,
      ];
      communities.push({ id, boundary: [ring] });
      streets[Math.min(streetCount - 1, Math.floor((c * streetCount) / (cols * rows)))]!.communityIds.push(
        id,
      );
      const quad = [corner[i]![j]!, corner[i + 1]![j]!, corner[i + 1]![j + 1]!, corner[i]![j + 1]!];
      quads.push(quad);
      const edge = i === 0 || j === 0 || i === cols - 1 || j === rows - 1;
      const east = i >= cols / 2;
      const nu = random.int(2, 3);
      const nv = random.int(2, 3);
      for (let a = 1; a < nu; a++) sideStreets.push([bilinear(quad, a / nu, 0), bilinear(quad, a / nu, 1)]);
      for (let b = 1; b < nv; b++) sideStreets.push([bilinear(quad, 0, b / nv), bilinear(quad, 1, b / nv)]);
      for (let a = 0; a < nu; a++) {
        for (let b = 0; b < nv; b++) {
          const roll = random.next();
          const kind: Kind =
            edge && roll < 0.45
              ? 'village'
              : east
                ? roll < 0.6
                  ? 'high'
                  : 'old'
                : roll < 0.75
                  ? 'old'
                  : 'high';
          const blockId = `${id}-K${a * nv + b + 1}`;
          blocks.push({
            community: c,
            id: blockId,
            kind,
            u0: a / nu,
            u1: (a + 1) / nu,
            v0: b / nv,
            v1: (b + 1) / nv,
          });
        }
      }
      if (random.chance(0.55)) {
        markets.push(bilinear(quad, 0.25 + 0.5 * random.next(), 0.25 + 0.5 * random.next()));
      }
    }
  }

  // Households per community: about 80,000 × scale in all, in whole grids' worth per side of the river.
  const communityCount = communities.length;
  const perCommunity = (80_000 * scale) / communityCount;
  const buildings: TownBuilding[] = [];
  const used: Point[] = [];
  for (let c = 0; c < communityCount; c++) {
    const ring = communities[c]!.boundary[0]!;
    const quad = quads[c]!;
    const quota = perCommunity * (0.55 + 0.9 * random.next());
    const mine = blocks.filter((b) => b.community === c);
    // Each side of the river gets whole grids' worth, in proportion to its blocks.
    const sideOf = (b: Block) => {
      const [x, y] = bilinear(quad, (b.u0 + b.u1) / 2, (b.v0 + b.v1) / 2);
      return y > riverY(x, width, height, phase) ? 1 : 0;
    };
    const northBlocks = mine.filter((b) => sideOf(b) === 1).length;
    const northGrids = Math.round(((quota / HOUSEHOLDS_PER_GRID) * northBlocks) / mine.length);
    const southGrids = Math.max(
      northBlocks === mine.length ? 0 : 1,
      Math.round(quota / HOUSEHOLDS_PER_GRID) - northGrids,
    );
    const quotas = [southGrids, northGrids].map(
      (g) => g * HOUSEHOLDS_PER_GRID * (0.985 + 0.03 * random.next()),
    );
    const filled = [0, 0];
    const order = [...mine];
    shuffle(order, random);
    for (const block of order) {
      for (const [u, v] of candidates(block, quad, random)) {
        const [x, y] = bilinear(quad, u, v);
        const side = y > riverY(x, width, height, phase) ? 1 : 0;
        if (filled[side]! >= quotas[side]!) continue;
        if (!insidePolygon(ring, x, y) || distanceToLine(ring, x, y, true) < 22) continue;
        if (distanceToLine(river, x, y) < 35) continue;
        const households = householdsOf(block.kind, random);
        const tooClose =
          block.kind === 'village' && used.some((p) => Math.abs(p[0] - x) < 16 && Math.abs(p[1] - y) < 16);
        if (tooClose) continue;
        if (block.kind === 'village') used.push([x, y]);
        filled[side]! += households;
        const market = markets.reduce((best, m) => Math.min(best, Math.hypot(m[0] - x, m[1] - y)), Infinity);
        const elderly = block.kind === 'old' ? 0.11 : block.kind === 'village' ? 0.08 : 0.02;
        const renters = 0.02 + 0.22 * Math.exp(-market / 250);
        let key = 0;
        for (let k = 0; k < households; k++) if (random.next() < elderly + renters) key += 1;
        const residents = households * 2 + random.int(0, households);
        buildings.push({
          id: `${communities[c]!.id}-B${String(buildings.length + 1).padStart(5, '0')}`,
          x: Math.round(x * 10) / 10,
          y: Math.round(y * 10) / 10,
          households,
          residents,
          keyPopulation: key,
          communityId: communities[c]!.id,
          block: block.id,
          kind: block.kind,
          elderlyRate: elderly,
          renterRate: renters,
        });
      }
    }
  }
  // Where the river cuts a community, each side must hold whole grids' worth of households (each side gets
  // whole grids): the last-placed small buildings of a side are dropped until it is within 3% above a multiple
  // of 300; a side with less than 270 households becomes a riverside park.
  const kept = new Set<TownBuilding>(buildings);
  for (const community of communities) {
    const sides = [0, 1].map((side) =>
      buildings.filter(
        (b) => b.communityId === community.id && (b.y > riverY(b.x, width, height, phase) ? 1 : 0) === side,
      ),
    );
    if (sides.some((list) => list.length === 0)) continue;
    for (const list of sides) {
      let households = list.reduce((sum, b) => sum + b.households, 0);
      if (households < 0.9 * HOUSEHOLDS_PER_GRID) {
        for (const b of list) kept.delete(b);
        continue;
      }
      const whole = Math.max(1, Math.round(households / HOUSEHOLDS_PER_GRID)) * HOUSEHOLDS_PER_GRID;
      for (let k = list.length - 1; k >= 0 && households > whole * 1.03; k--) {
        const b = list[k]!;
        if (b.households >= 100 || households - b.households < whole * 0.97) continue;
        kept.delete(b);
        households -= b.households;
      }
    }
  }
  buildings.splice(0, buildings.length, ...buildings.filter((b) => kept.has(b)));
  // Barrier lines: every main road (the town's edge roads too) and the river.
  return {
    buildings,
    communities,
    barriers: [...mainRoads, river],
    mainRoads,
    sideStreets,
    river,
    markets,
    streets,
    bounds: [0, 0, width, height],
  };
}

function bilinear(quad: Point[], u: number, v: number): Point {
  const [a, b, c, d] = quad as [Point, Point, Point, Point];
  return [
    (1 - u) * (1 - v) * a[0] + u * (1 - v) * b[0] + u * v * c[0] + (1 - u) * v * d[0],
    (1 - u) * (1 - v) * a[1] + u * (1 - v) * b[1] + u * v * c[1] + (1 - u) * v * d[1],
  ];
}

function householdsOf(kind: Kind, random: Random): number {
  switch (kind) {
    case 'old':
      return random.int(3, 8) * random.int(2, 4);
    case 'high':
      // Towers of 100–300 households among mid-rise slabs and podiums.
      return random.chance(0.2) ? random.int(100, 300) : random.int(12, 60);
    case 'village':
      return random.int(1, 4);
  }
}

/** Building positions inside a block (parameter space of the community quad), away from the side streets. */
function candidates(
  block: { kind: Kind; u0: number; u1: number; v0: number; v1: number },
  quad: Point[],
  random: Random,
): Array<[number, number]> {
  const width = Math.hypot(quad[1]![0] - quad[0]![0], quad[1]![1] - quad[0]![1]);
  const height = Math.hypot(quad[3]![0] - quad[0]![0], quad[3]![1] - quad[0]![1]);
  const margin = 15;
  const u0 = block.u0 + margin / width;
  const u1 = block.u1 - margin / width;
  const v0 = block.v0 + margin / height;
  const v1 = block.v1 - margin / height;
  const points: Array<[number, number]> = [];
  if (block.kind === 'village') {
    const count = Math.round(((u1 - u0) * width * (v1 - v0) * height) / 1400);
    for (let k = 0; k < count; k++) {
      points.push([u0 + (u1 - u0) * random.next(), v0 + (v1 - v0) * random.next()]);
    }
    return points;
  }
  const [dx, dy] = block.kind === 'old' ? [30, 38] : [45, 50];
  const nu = Math.max(1, Math.floor(((u1 - u0) * width) / dx));
  const nv = Math.max(1, Math.floor(((v1 - v0) * height) / dy));
  for (let b = 0; b < nv; b++) {
    for (let a = 0; a < nu; a++) {
      points.push([
        u0 + ((a + 0.5 + (random.next() - 0.5) * 0.3) * (u1 - u0)) / nu,
        v0 + ((b + 0.5 + (random.next() - 0.5) * 0.3) * (v1 - v0)) / nv,
      ]);
    }
  }
  return points;
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Grids per community for `total` grids in the town, apportioned by households. */
export function gridCounts(
  town: Pick<Town, 'buildings' | 'communities'>,
  total: number,
): Map<string, number> {
  const households = town.communities.map((c) =>
    town.buildings.filter((b) => b.communityId === c.id).reduce((sum, b) => sum + b.households, 0),
  );
  const counts = apportion(total, households);
  return new Map(town.communities.map((c, i) => [c.id, counts[i]!]));
}

/**
 * An earlier layout for adjust mode: the planner's own fresh output with `total` grids (the demo county's
 * earlier layout has 204 grids at scale 1). Buildings keep no pin.
 */
export function earlierLayout(town: Town, total: number, seed = 1, timeLimitMs = 60_000): Layout {
  const result = plan(town.buildings, town.communities, town.barriers, {
    mode: 'fresh',
    gridsPerCommunity: gridCounts(town, total),
    seed,
    timeLimitMs,
  });
  return result.layout;
}

/**
 * Today's layout of a town whose grids were drawn years ago: the planner's own fresh output on the households of
 * then (each building's households today × a seeded factor between 0.7 and 1.3), so it is contiguous and compact
 * but no longer balanced.
 */
export function driftedLayout(
  town: Town,
  counts: ReadonlyMap<string, number>,
  seed = 1,
  timeLimitMs = 60_000,
): Layout {
  const random = createRandom(seed * 7_777 + 1);
  const then = town.buildings.map((b) => ({
    ...b,
    households: Math.max(1, Math.round(b.households * (0.7 + 0.6 * random.next()))),
  }));
  return plan(then, town.communities, town.barriers, {
    mode: 'fresh',
    gridsPerCommunity: counts,
    seed,
    timeLimitMs,
  }).layout;
}

/**
 * A deliberately uneven layout like the demo county's today: each community's bounding box cut into `k`
 * rectangles (rows, then columns), each building in the rectangle holding it.
 */
export function rectangularLayout(
  town: Pick<Town, 'buildings' | 'communities'>,
  counts: ReadonlyMap<string, number>,
): Layout {
  const layout = new Map<string, string>();
  for (const community of town.communities) {
    const k = counts.get(community.id) ?? 1;
    const ring = community.boundary[0]!;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const rows = Math.max(1, Math.round(Math.sqrt(k)));
    const perRow = apportion(
      k,
      Array.from({ length: rows }, () => 1),
    );
    for (const b of town.buildings) {
      if (b.communityId !== community.id) continue;
      const row = Math.min(rows - 1, Math.floor(((y1 - b.y) / (y1 - y0)) * rows));
      const col = Math.min(perRow[row]! - 1, Math.floor(((b.x - x0) / (x1 - x0)) * perRow[row]!));
      const before = perRow.slice(0, row).reduce((a, c) => a + c, 0);
      layout.set(b.id, `${community.id}-R${String(before + col + 1).padStart(3, '0')}`);
    }
  }
  return layout;
}
