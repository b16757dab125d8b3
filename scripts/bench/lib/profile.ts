import fs from 'node:fs';
import path from 'node:path';
import { formatTable, repoRoot } from './report.ts';

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

export type ProfileSummary = {
  /** Sampled milliseconds, idle excluded. */
  busyMs: number;
  idleMs: number;
  /** Self time by package (node_modules/<name>), project file, or V8 bucket such as (garbage collector). */
  byGroup: { group: string; ms: number; share: number }[];
  byFunction: { fn: string; ms: number; share: number }[];
};

function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('wasm://')) return 'wasm (PGlite engine)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(repoRoot) ? path.relative(repoRoot, file) : file;
}

/** Self time per package/file and per function from a .cpuprofile written by the server child. */
export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    if (frame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    busy += ms;
    const group = groupOf(frame.url, frame.functionName);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const where = frame.url ? `${group}:${frame.lineNumber + 1}` : group;
    const fn = `${frame.functionName || '(anonymous)'} ${where}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  const rank = <K extends string>(map: Map<string, number>, key: K) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, ms]) =>
          ({ [key]: name, ms: Math.round(ms), share: busy ? Math.round((ms / busy) * 1000) / 10 : 0 }) as {
            [P in K]: string;
          } & { ms: number; share: number },
      );
  return {
    busyMs: Math.round(busy),
    idleMs: Math.round(idle),
    byGroup: rank(groups, 'group'),
    byFunction: rank(functions, 'fn'),
  };
}

/** Report lines for the targets that were profiled: self time by package and by function. */
export function formatProfiles(results: { label: string; profile?: ProfileSummary }[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.profile) continue;
    lines.push(
      '',
      `Profile of the server during "${r.label}" (self time, idle excluded, ${r.profile.busyMs} ms busy):`,
      formatTable(
        ['package / file', 'ms', 'share'],
        r.profile.byGroup.map((g) => [g.group, g.ms, `${g.share}%`]),
      ),
      formatTable(
        ['function', 'ms', 'share'],
        r.profile.byFunction.map((f) => [f.fn, f.ms, `${f.share}%`]),
      ),
    );
  }
  return lines;
}
