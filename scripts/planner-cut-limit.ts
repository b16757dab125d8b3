/**
 * One-off experiment (issue 12, docs/decisions/grid-planner.md, "How low can the edge cut go"): the best edge cut
 * cutsearch.ts finds on the synthetic town under the hard constraints alone, by effort, from the planner's own fresh
 * layouts; and gpmetis -contig best of N (-ncuts) for comparison. Not part of `npm run bench`.
 *
 *   npx tsx scripts/planner-cut-limit.ts
 *
 * Environment: SCALE (1), SEEDS (1,2,3), EFFORTS in ms (1000,5000,30000), STARTS (planner layouts per run: seeds
 * s, s + 100, …; 1), ANNEAL (proposals per building per V-cycle; 200), T0 (0.6), TOL (0.1), NOCONTIG (set: the
 * contiguity check off, to price it), METIS_NCUTS (set: also gpmetis -contig -ncuts=N -niter=50 for u30, u100, u200),
 * METIS_STARTS (set: start from gpmetis u100 -ncuts=N layouts instead of the planner's; see metisStart).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { componentLayoutValid, minimiseCut } from '../src/server/modules/planner/engine/cutsearch.ts';
import { computeGeometry } from '../src/server/modules/planner/engine/geometry.ts';
import { buildGraph } from '../src/server/modules/planner/engine/graph.ts';
import { measureLayout, type LayoutMeasures } from '../src/server/modules/planner/engine/measures.ts';
import { metisAvailable, metisGraph } from '../src/server/modules/planner/engine/metis.ts';
import { planOnGraph } from '../src/server/modules/planner/engine/partition.ts';
import { generateTown, gridCounts } from '../src/server/modules/planner/engine/town.ts';
import type { Layout } from '../src/server/modules/planner/engine/types.ts';

const env = process.env;
const scale = Number(env.SCALE ?? 1);
const seeds = (env.SEEDS ?? '1,2,3').split(',').map(Number);
const efforts = (env.EFFORTS ?? '1000,5000,30000').split(',').map(Number);
const starts = Number(env.STARTS ?? 1);
const town = generateTown({ seed: 1, scale });
const graph = buildGraph(town.buildings, town.barriers);
const geometry = computeGeometry(graph, town.communities);
const counts = gridCounts(town, Math.round(267 * scale));

const show = (m: LayoutMeasures) =>
  [
    `cut ${m.edgeCut.toFixed(4)}`,
    `PP ${m.meanPolsbyPopper.toFixed(3)}`,
    `dev ${(100 * m.meanDeviation).toFixed(1)}%`,
    `max ${(100 * m.maxDeviation).toFixed(1)}%`,
    `within ${(100 * m.withinTolerance).toFixed(1)}%`,
    `discont. ${m.discontiguousGrids}`,
    `key CV ${m.keyPopulationCV.toFixed(3)}`,
  ].join(', ');

console.log(`scale ${scale}: ${graph.buildings.length} buildings, ${graph.edgeU.length} edges`);

const planned = new Map<number, Layout>();
function fresh(seed: number): Layout {
  let layout = planned.get(seed);
  if (!layout) {
    const t = performance.now();
    layout = planOnGraph(graph, geometry, {
      mode: 'fresh',
      gridsPerCommunity: counts,
      seed,
      timeLimitMs: 30_000,
    }).layout;
    planned.set(seed, layout);
    const ms = Math.round(performance.now() - t);
    console.log(`  planner fresh, seed ${seed} (${ms} ms): ${show(measureLayout(graph, geometry, layout))}`);
  }
  return layout;
}

/** gpmetis -contig best of `ncuts` per community (without -contig where a river cuts it in pieces). */
function metis(ufactor: number, seed: number, ncuts: string, dir: string): Map<string, string> {
  const layout = new Map<string, string>();
  for (const part of graph.communities) {
    const k = counts.get(part.id) ?? 1;
    const file = path.join(dir, `${part.id.replace(/\W/g, '_')}.graph`);
    fs.writeFileSync(file, metisGraph(graph, part.members));
    const args = [`-ufactor=${ufactor}`, `-seed=${seed}`, `-ncuts=${ncuts}`, '-niter=50'];
    try {
      execFileSync('gpmetis', ['-contig', ...args, file, String(k)], { stdio: 'ignore' });
    } catch {
      execFileSync('gpmetis', [...args, file, String(k)], { stdio: 'ignore' }); // a river-cut community
    }
    const parts = fs.readFileSync(`${file}.part.${k}`, 'utf8').trim().split('\n').map(Number);
    part.members.forEach((v, i) => layout.set(graph.buildings[v]!.id, `${part.id}-${parts[i]}`));
  }
  return layout;
}

/**
 * METIS_STARTS=N: start instead from gpmetis -contig u100 -ncuts=N layouts (seeds s, s + 100, …), outside ±10% and
 * repaired by the search; a component where METIS's grids are disconnected or not the planner's count takes the
 * planner's grids.
 */
function metisStart(seed: number, i: number): Layout {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-cut-start-'));
  try {
    const layout = metis(100, seed + 100 * i, env.METIS_STARTS!, dir);
    const planner = fresh(seed);
    for (const part of graph.communities) {
      for (const nodes of part.components) {
        const grids = (l: Layout) => new Set(nodes.map((v) => l.get(graph.buildings[v]!.id))).size;
        if (componentLayoutValid(graph, nodes, layout) && grids(layout) === grids(planner)) continue;
        for (const v of nodes) layout.set(graph.buildings[v]!.id, planner.get(graph.buildings[v]!.id)!);
      }
    }
    console.log(
      `  METIS u100 start, seed ${seed + 100 * i}: ${show(measureLayout(graph, geometry, layout))}`,
    );
    return layout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const seed of seeds) {
  const layouts = Array.from({ length: starts }, (_, i) =>
    env.METIS_STARTS ? metisStart(seed, i) : fresh(seed + 100 * i),
  );
  for (const ms of efforts) {
    const result = minimiseCut(graph, {
      starts: layouts,
      seed,
      timeLimitMs: ms,
      annealPerNode: Number(env.ANNEAL ?? 200),
      temperature: Number(env.T0 ?? 0.6),
      tolerance: Number(env.TOL ?? 0.1),
      contiguity: !env.NOCONTIG,
    });
    const m = measureLayout(graph, geometry, result.layout);
    console.log(
      `seed ${seed}, ${starts} start(s), ${ms} ms (${result.rounds} V-cycles): cut edges ${result.cutBefore} → ${result.cutAfter}; ${show(m)}`,
    );
  }
}

if (env.METIS_NCUTS && metisAvailable()) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-cut-limit-'));
  try {
    for (const ufactor of [30, 100, 200]) {
      for (const seed of seeds) {
        const layout = metis(ufactor, seed, env.METIS_NCUTS, dir);
        const m = measureLayout(graph, geometry, layout);
        console.log(`gpmetis -contig u${ufactor} -ncuts=${env.METIS_NCUTS}, seed ${seed}: ${show(m)}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
