/**
 * Foundation bench: sign-in, /me and the territory tree of the platform on the generated demo county, against a
 * bare Hono "hello" route measured in the same run as the ceiling.
 *
 * Goal (from the foundation issue): authenticated reads reach ≥ 50 % of the hello ceiling with p99 ≤ 20 ms at
 * 32 connections. Misses are reported, not thrown.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freshDatabase } from './lib/database.ts';
import { round, runLoad, type LoadResult } from './lib/load.ts';
import { startServerChild, type ServerChild } from './lib/processes.ts';
import { formatProfiles, summariseProfile, type ProfileSummary } from './lib/profile.ts';
import { DEMO_PASSWORD, signIn } from './lib/http.ts';
import { serverSide, serverSideTable, type ServerSide } from './lib/server-side.ts';
import { formatTable } from './lib/report.ts';
import type { BenchOptions, Scenario } from './scenario.ts';

export const GOAL = { ceilingRatio: 0.5, p99Ms: 20 };

type Account = 'admin' | 'grid';

type Target = {
  id: string;
  label: string;
  server: 'hello' | 'platform';
  method: 'GET' | 'POST';
  path: string;
  account?: Account;
  body?: string;
  kind: 'ceiling' | 'reference' | 'read' | 'login';
  /** Checks one response before the load, so a 401 or an empty tree is never what gets measured. */
  check(status: number, body: unknown): string | null;
};

type Json = Record<string, unknown>;
const dataOf = (body: unknown) => (body as { data?: unknown } | null)?.data;
type TreeNode = { level: string; counts: Record<string, number>; children: TreeNode[] };

const treeCheck = (rootLevel: string) => (status: number, body: unknown) => {
  const roots = dataOf(body) as TreeNode[] | undefined;
  if (status !== 200 || !Array.isArray(roots)) return `status ${status}`;
  if (roots.length !== 1 || roots[0]!.level !== rootLevel) {
    return `expected one ${rootLevel} root, got ${roots.length}`;
  }
  return null;
};

const targets: Target[] = [
  {
    id: 'hello',
    label: 'hello (bare Hono)',
    server: 'hello',
    method: 'GET',
    path: '/',
    kind: 'ceiling',
    check: (status, body) => (status === 200 && (body as Json).hello === 'world' ? null : `status ${status}`),
  },
  {
    id: 'healthz',
    label: 'GET /healthz',
    server: 'platform',
    method: 'GET',
    path: '/healthz',
    kind: 'reference',
    check: (status) => (status === 200 ? null : `status ${status}`),
  },
  {
    id: 'me',
    label: 'GET /me (admin)',
    server: 'platform',
    method: 'GET',
    path: '/api/v1/me',
    account: 'admin',
    kind: 'read',
    check: (status, body) =>
      status === 200 && (dataOf(body) as Json | undefined)?.username === 'admin' ? null : `status ${status}`,
  },
  {
    id: 'tree-admin',
    label: 'GET tree (admin, county)',
    server: 'platform',
    method: 'GET',
    path: '/api/v1/territories/tree',
    account: 'admin',
    kind: 'read',
    check: treeCheck('county'),
  },
  {
    id: 'tree-grid',
    label: 'GET tree (grid worker)',
    server: 'platform',
    method: 'GET',
    path: '/api/v1/territories/tree',
    account: 'grid',
    kind: 'read',
    check: treeCheck('grid'),
  },
  {
    id: 'hello-end',
    label: 'hello again (drift)',
    server: 'hello',
    method: 'GET',
    path: '/',
    kind: 'ceiling',
    check: (status) => (status === 200 ? null : `status ${status}`),
  },
  {
    id: 'login',
    label: 'POST /auth/login (admin)',
    server: 'platform',
    method: 'POST',
    path: '/api/v1/auth/login',
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    kind: 'login',
    check: (status, body) =>
      status === 200 && (dataOf(body) as Json | undefined)?.username === 'admin' ? null : `status ${status}`,
  },
];

type TargetResult = {
  id: string;
  label: string;
  kind: Target['kind'];
  method: string;
  path: string;
  account: Account | null;
  load: LoadResult;
  server: ServerSide;
  ratioToCeiling: number | null;
  goal: { ratioMet: boolean; p99Met: boolean; clean: boolean; met: boolean } | null;
  profile?: ProfileSummary;
};

const mb = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 2 ** 20));
const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined || Number.isNaN(value) ? null : value.toFixed(digits);
const verdict = (met: boolean) => (met ? 'pass' : 'FAIL');

export const foundation: Scenario = {
  name: 'foundation',
  description: 'Sign-in, /me and the territory tree on the demo county, against a bare Hono hello ceiling',
  async run(options: BenchOptions, log) {
    const database = await freshDatabase(options.db, 'foundation');
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    delete baseEnv.DATABASE_URL;
    log(`starting the hello ceiling and the platform on ${database.description} (migrations + demo county)…`);
    const [hello, platform] = await Promise.all([
      startServerChild('hello', 'hello-server.ts', { env: baseEnv }),
      startServerChild('platform', 'platform-server.ts', { env: { ...baseEnv, ...database.env } }),
    ]);
    const startupPeakRss = platform.peakRssBytes();
    log(`platform ready at ${platform.url} in ${Math.round(platform.startupMs)} ms; hello at ${hello.url}`);

    const cookies: Record<Account, string> = {
      admin: await signIn(platform.url, 'admin'),
      grid: await signIn(platform.url, 'grid'),
    };
    const sample: Record<string, unknown> = {};

    const results: TargetResult[] = [];
    for (const target of targets) {
      const server: ServerChild = target.server === 'hello' ? hello : platform;
      const headers: Record<string, string> = {};
      if (target.account) headers.cookie = cookies[target.account];
      if (target.body) headers['content-type'] = 'application/json';
      const url = server.url + target.path;

      const probe = await fetch(url, { method: target.method, headers, body: target.body });
      const text = await probe.text();
      const problem = target.check(probe.status, text ? (JSON.parse(text) as unknown) : null);
      if (problem) {
        throw new Error(`${target.label}: the probe request failed (${problem}): ${text.slice(0, 300)}`);
      }
      if (target.id === 'tree-admin' || target.id === 'tree-grid') {
        const [root] = dataOf(JSON.parse(text)) as TreeNode[];
        sample[target.id] = {
          rootLevel: root!.level,
          counts: root!.counts,
          responseBytes: Buffer.byteLength(text),
        };
      }

      const connections = target.kind === 'login' ? options.loginConnections : options.connections;
      const spec = { url, method: target.method, headers, body: target.body, connections };
      log(
        `${target.label}: ${options.warmupS}s warm-up, ${options.durationS}s measured at ${connections} connections`,
      );
      if (options.warmupS > 0) await runLoad({ ...spec, durationS: options.warmupS });
      await sleep(250);

      server.resetPeakRss();
      const before = await server.stats();
      const profileFile = options.profileDir
        ? path.join(options.profileDir, `foundation-${options.db}-${target.id}.cpuprofile`)
        : null;
      if (profileFile) await server.profileStart();
      const load = await runLoad({ ...spec, durationS: options.durationS });
      const after = await server.settledStats();
      if (profileFile) await server.profileStop(profileFile);
      results.push({
        id: target.id,
        label: target.label,
        kind: target.kind,
        method: target.method,
        path: target.path,
        account: target.account ?? null,
        load,
        server: serverSide(before, after, server.peakRssBytes()),
        ratioToCeiling: null,
        goal: null,
        ...(profileFile ? { profile: summariseProfile(profileFile) } : {}),
      });
      await sleep(250);
    }

    // The ceiling is the mean of the hello runs at the start and the end, so drift on a shared machine shows.
    const ceilingRuns = results.filter((r) => r.kind === 'ceiling').map((r) => r.load.requestsPerSecond);
    const ceiling = ceilingRuns.reduce((a, b) => a + b, 0) / ceilingRuns.length;
    const drift =
      ceilingRuns.length > 1 ? (ceilingRuns[ceilingRuns.length - 1]! - ceilingRuns[0]!) / ceilingRuns[0]! : 0;
    for (const r of results) {
      r.ratioToCeiling = round(r.load.requestsPerSecond / ceiling, 3);
      if (r.kind === 'read') {
        const ratioMet = r.ratioToCeiling >= GOAL.ceilingRatio;
        const p99Met = r.load.latencyMs.p99 <= GOAL.p99Ms;
        const clean = r.load.non2xx === 0 && r.load.errors === 0;
        r.goal = { ratioMet, p99Met, clean, met: ratioMet && p99Met && clean };
      }
    }

    const reads = results.filter((r) => r.kind !== 'login');
    const logins = results.filter((r) => r.kind === 'login');
    const loadRow = (r: TargetResult) => [
      r.label,
      r.load.connections,
      fixed(r.load.requestsPerSecond, 0),
      fixed(r.load.latencyMs.p50, 2),
      fixed(r.load.latencyMs.p95, 2),
      fixed(r.load.latencyMs.p99, 2),
      r.load.non2xx,
      r.load.errors,
      `${fixed((r.ratioToCeiling ?? 0) * 100, 1)}%`,
    ];
    const loadHeaders = [
      'target',
      'conns',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      'of hello',
    ];
    const readsTable = formatTable(
      [...loadHeaders, `≥${GOAL.ceilingRatio * 100}% hello`, `p99≤${GOAL.p99Ms}ms`, 'goal'],
      reads.map((r) => [
        ...loadRow(r),
        r.goal ? verdict(r.goal.ratioMet) : null,
        r.goal ? verdict(r.goal.p99Met) : null,
        r.goal ? (r.goal.met ? 'pass' : r.goal.clean ? 'FAIL' : 'FAIL (errors)') : null,
      ]),
    );
    const loginTable = formatTable(
      loadHeaders.slice(0, -1),
      logins.map((r) => loadRow(r).slice(0, -1)),
    );
    const serverTable = serverSideTable(results);
    const goals = results.filter((r) => r.goal);
    const met = goals.filter((r) => r.goal!.met).length;
    const lines = [
      `Reads at ${options.connections} connections (ceiling ${ceiling.toFixed(0)} req/s = mean of the hello runs; drift ${(drift * 100).toFixed(1)}% start→end):`,
      '',
      readsTable,
      '',
      `Sign-in at ${options.loginConnections} connections (scrypt N=2^15 per request; no throughput goal — throttling counts only failures):`,
      '',
      loginTable,
      '',
      'Server process (platform or hello child) during each measured window:',
      '',
      serverTable,
      '',
      `Goal — authenticated reads ≥ ${GOAL.ceilingRatio * 100}% of the hello ceiling and p99 ≤ ${GOAL.p99Ms} ms at ${options.connections} connections: ${met}/${goals.length} met.`,
      `Platform start-up (migrations + demo county seed): ${Math.round(platform.startupMs)} ms, peak RSS ${mb(startupPeakRss) ?? '?'} MB.`,
    ];
    if (options.connections !== 32) {
      lines.push(`Note: the goal is stated at 32 connections; this run used ${options.connections}.`);
    }
    lines.push(...formatProfiles(results));

    return {
      report: lines.join('\n'),
      data: {
        database: { kind: database.kind, description: database.description, version: database.version },
        platform: {
          startupMs: Math.round(platform.startupMs),
          startupPeakRssBytes: startupPeakRss,
          queryCounting: platform.info.queryCounting,
        },
        goal: { ...GOAL, connections: 32, met, of: goals.length },
        ceiling: { requestsPerSecond: round(ceiling, 1), runs: ceilingRuns, drift: round(drift, 3) },
        sample,
        targets: results,
      },
    };
  },
};
