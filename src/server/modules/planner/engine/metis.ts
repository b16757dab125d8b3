import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildingGraph } from './graph.ts';

/**
 * The baseline of issue 12: METIS (Debian's `metis` package, `gpmetis`) on the very same graph G, one run per
 * community with that community's number of grids, vertex weights = households, edge weights 1. Only the
 * benchmark and its tests use it; the planner never does.
 */
export type MetisOptions = { ufactor: number; seed: number; contig: boolean };

/** Whether gpmetis is on the PATH. */
export function metisAvailable(): boolean {
  return spawnSync('gpmetis', ['-help'], { stdio: 'ignore' }).error === undefined;
}

/** G restricted to the given buildings, in METIS graph format (vertex weights, 1-based neighbours). */
export function metisGraph(graph: BuildingGraph, members: readonly number[]): string {
  const local = new Map<number, number>();
  members.forEach((v, i) => local.set(v, i + 1));
  const lines: string[] = [];
  let edges = 0;
  for (const v of members) {
    const row = [String(Math.max(0, Math.round(graph.buildings[v]!.households)))];
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const j = local.get(graph.adjacency[e]!);
      if (j === undefined) continue;
      row.push(String(j));
      edges += 1;
    }
    lines.push(row.join(' '));
  }
  return `${members.length} ${edges / 2} 010\n${lines.join('\n')}\n`;
}

export type MetisRun = {
  layout: Map<string, string>;
  /** Communities where gpmetis refused -contig (e.g. a graph cut in pieces by a barrier) and ran without it. */
  withoutContig: string[];
  elapsedMs: number;
};

/**
 * Runs gpmetis per community (`gridsPerCommunity`, a community left out keeps one grid) and reads the parts
 * back as a layout (grid id `<community>-M<part>`). Throws a clear error when gpmetis is missing.
 */
export function runMetis(
  graph: BuildingGraph,
  gridsPerCommunity: ReadonlyMap<string, number>,
  options: MetisOptions,
): MetisRun {
  if (!metisAvailable()) throw new Error('gpmetis is not installed (Debian: apt-get install metis)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-metis-'));
  const layout = new Map<string, string>();
  const withoutContig: string[] = [];
  let elapsedMs = 0;
  try {
    for (const part of graph.communities) {
      const k = Math.min(gridsPerCommunity.get(part.id) ?? 1, part.members.length);
      let parts: number[];
      if (k <= 1) parts = part.members.map(() => 0);
      else {
        const file = path.join(dir, `${part.id.replace(/\W/g, '_')}.graph`);
        fs.writeFileSync(file, metisGraph(graph, part.members));
        const args = [`-ufactor=${options.ufactor}`, `-seed=${options.seed}`, file, String(k)];
        const started = performance.now();
        try {
          execFileSync('gpmetis', options.contig ? ['-contig', ...args] : args, { stdio: 'ignore' });
        } catch {
          // gpmetis refused (e.g. -contig on a graph a barrier cut in pieces): run again without -contig below
        }
        if (!fs.existsSync(`${file}.part.${k}`)) {
          if (!options.contig) throw new Error(`gpmetis failed on community ${part.id}`);
          withoutContig.push(part.id);
          execFileSync('gpmetis', args, { stdio: 'ignore' });
        }
        elapsedMs += performance.now() - started;
        parts = fs
          .readFileSync(`${file}.part.${k}`, 'utf8')
          .trim()
          .split('\n')
          .map((line) => Number(line));
      }
      part.members.forEach((v, i) => {
        layout.set(graph.buildings[v]!.id, `${part.id}-M${String(parts[i]! + 1).padStart(3, '0')}`);
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { layout, withoutContig, elapsedMs };
}
