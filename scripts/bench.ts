/**
 * `npm run bench [-- <scenario>…] [options]`: runs benchmark scenarios (scripts/bench/<name>.ts), prints a table
 * per scenario and saves the figures to bench-results/<scenario>.json. Missed targets are reported, never turned
 * into a failing exit code; only a broken run (a server that does not start, a probe that fails) exits non-zero.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cleanupAll, installExitHandlers } from './bench/lib/cleanup.ts';
import { gitInfo, machineInfo, repoRoot, writeRun } from './bench/lib/report.ts';
import type { BenchOptions } from './bench/scenario.ts';
import { scenarios } from './bench/scenarios.ts';

const usage = `Usage: npm run bench -- [scenario…] [options]

Scenarios (default: all):
${scenarios.map((s) => `  ${s.name.padEnd(14)} ${s.description}`).join('\n')}

Options:
  --db <pglite|postgres>      database (default pglite; postgres uses DATABASE_URL or
                              postgres://postgres@127.0.0.1:5432/test only to create and drop
                              a fresh wuwei_bench_<pid>_* database)
  --duration <s>              measured seconds per target (default 10)
  --warmup <s>                warm-up seconds per target, not measured (default 3)
  --connections <n>           connections for reads (default 32)
  --login-connections <n>     connections for sign-in (default 8)
  --out <dir>                 where results are written (default bench-results)
  --no-save                   print only, do not write results
  --profile                   CPU-profile the server during each measured window (slower; implies --no-save);
                              profiles go to <out>/profiles/
  --list                      list the scenarios
  -h, --help                  this text`;

function positiveNumber(name: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && (!Number.isInteger(value) || value === 0))) {
    throw new Error(
      `--${name} must be a ${integer ? 'positive integer' : 'non-negative number'}, got "${raw}"`,
    );
  }
  return value;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string', default: 'pglite' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'login-connections': { type: 'string' },
      out: { type: 'string', default: 'bench-results' },
      'no-save': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.list) {
    for (const s of scenarios) console.log(`${s.name}\t${s.description}`);
    return 0;
  }
  const db = values.db;
  if (db !== 'pglite' && db !== 'postgres') throw new Error(`--db must be pglite or postgres, got "${db}"`);
  const outDir = path.resolve(repoRoot, values.out);
  const options: BenchOptions = {
    db,
    durationS: positiveNumber('duration', values.duration, 10, false) || 1,
    warmupS: positiveNumber('warmup', values.warmup, 3, false),
    connections: positiveNumber('connections', values.connections, 32, true),
    loginConnections: positiveNumber('login-connections', values['login-connections'], 8, true),
    profileDir: values.profile ? path.join(outDir, 'profiles') : null,
  };
  const unknown = positionals.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown scenario: ${unknown.join(', ')}\n\n${usage}`);
    return 2;
  }
  const selected = positionals.length > 0 ? scenarios.filter((s) => positionals.includes(s.name)) : scenarios;
  const save = !values['no-save'] && !values.profile;
  if (options.profileDir) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(options.profileDir, { recursive: true });
  }

  installExitHandlers();
  for (const scenario of selected) {
    const machine = machineInfo();
    const git = gitInfo();
    const date = new Date().toISOString();
    console.log(
      `\n== ${scenario.name} — ${options.db} — ${date} — ${machine.cpus} × ${machine.cpuModel ?? 'cpu'}, Node ${machine.node}, load ${machine.loadAverage1m}`,
    );
    const started = performance.now();
    let outcome;
    try {
      outcome = await scenario.run(options, (line) => console.log(`   ${line}`));
    } finally {
      await cleanupAll();
    }
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(`\n${outcome.report}\n`);
    console.log(`(${scenario.name} took ${seconds} s)`);
    if (save) {
      const file = writeRun(outDir, scenario.name, scenario.description, options.db, {
        date,
        git,
        machine: { ...machine, loadAverage1mAfter: Math.round(os.loadavg()[0]! * 100) / 100 },
        options: { ...options, profileDir: undefined },
        seconds,
        result: outcome.data,
      });
      console.log(`saved ${path.relative(process.cwd(), file)} (runs.${options.db})`);
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanupAll();
    process.exit(1);
  },
);
