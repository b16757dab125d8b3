import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Left-aligned first column, right-aligned numbers; `null`/`undefined` print as "—". */
export function formatTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [
    headers,
    ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '—' : String(cell)))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? pad(cell, widths[i]!, 'end') : pad(cell, widths[i]!, 'start')))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  }
  return w;
}

function pad(text: string, to: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'start' ? fill + text : text + fill;
}

function packageVersion(name: string): string | null {
  try {
    const file = path.join(repoRoot, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** What the numbers were measured on: they are only comparable within one run, but this says which run. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? null,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
    packages: Object.fromEntries(
      ['hono', '@hono/node-server', '@electric-sql/pglite', 'pg', 'drizzle-orm', 'autocannon'].map((name) => [
        name,
        packageVersion(name),
      ]),
    ),
  };
}

export function gitInfo() {
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return { commit: git(['rev-parse', 'HEAD']), dirty: status === null ? null : status.length > 0 };
}

/**
 * Writes one run into `<dir>/<scenario>.json`, which keeps the latest run per database kind side by side
 * (`runs.pglite`, `runs.postgres`), so a PostgreSQL run does not erase the PGlite one.
 */
export function writeRun(
  dir: string,
  scenario: string,
  description: string,
  dbKind: string,
  run: unknown,
): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${scenario}.json`);
  let runs: Record<string, unknown> = {};
  try {
    const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs?: Record<string, unknown> };
    if (existing.runs && typeof existing.runs === 'object') runs = existing.runs;
  } catch {
    // no previous file, or an unreadable one: start afresh
  }
  runs[dbKind] = run;
  const ordered = Object.fromEntries(Object.entries(runs).sort(([a], [b]) => a.localeCompare(b)));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ scenario, description, runs: ordered }, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return file;
}
