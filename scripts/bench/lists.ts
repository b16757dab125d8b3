/**
 * Lists bench: the resident list and its export on the full demo county (~223,000 residents), as the county admin.
 *
 * 1. The demo county is generated into a fresh database (scripts/demo.ts, as the registry bench does) and the
 *    platform started on it.
 * 2. Under load (autocannon): the first pages of the county-wide list in each order (name, age, grid, registered
 *    date), and deep pages (page 2,000 to 11,000 of 20 rows), each answer with its exact total.
 * 3. The county export as a background job: POST /residents/exports, polled until ready; rows per second from the
 *    request to ready, then the download of the file (decrypted on the fly) timed. While it runs, the server must stay
 *    responsive: every poll of the status (each 250 ms) and about once a second the list's first page (20 rows, in one of
 *    the orders) are timed, and the
 *    server's peak RSS during the export is read (VmHWM, reset before the export).
 *
 * Targets (issue 10): export ≥ 20,000 rows/s. List latencies are reported. Misses are reported, not thrown.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { freshDatabase } from './lib/database.ts';
import { DEMO_PASSWORD, signIn } from './lib/http.ts';
import { round, runLoad } from './lib/load.ts';
import { startServerChild } from './lib/processes.ts';
import { formatTable } from './lib/report.ts';
import { seedDemoCounty } from './registry.ts';
import type { BenchOptions, Scenario } from './scenario.ts';

export const GOAL = { exportRowsPerSecond: 20_000 };

const sorts = ['name', 'age', 'grid', 'registered'] as const;

export const lists: Scenario = {
  name: 'lists',
  description:
    'County-wide resident list (first and deep pages, sorted, exact totals) and the county export job',
  async run(options: BenchOptions, log) {
    const database = await freshDatabase(options.db, 'lists');
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    delete baseEnv.DATABASE_URL;
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      ...database.env,
      LOG_LEVEL: 'silent',
      WUWEI_DEMO_SEED: '1',
      WUWEI_DEMO_SCALE: '1',
      WUWEI_DEMO_PASSWORD: DEMO_PASSWORD,
    };
    log(`generating the demo county into ${database.description}…`);
    const seed = await seedDemoCounty(env, database.env.WUWEI_DATA_DIR!);
    log(`demo county: ${seed.printed.residents} residents in ${seed.printed.seconds} s`);
    const platform = await startServerChild('platform', 'platform-server.ts', { env });
    const cookie = await signIn(platform.url, 'admin');
    const headers = { cookie };
    const first = await fetch(`${platform.url}/api/v1/residents?pageSize=20`, { headers });
    const total = ((await first.json()) as { page: { total: number } }).page.total;
    const lastPage = Math.ceil(total / 20);

    const targets = [
      {
        id: 'countyFirstPage',
        label: 'county list, first pages (4 orders × both ways)',
        paths: sorts.flatMap((sort) =>
          ['asc', 'desc'].map((order) => `/api/v1/residents?pageSize=20&sort=${sort}&order=${order}`),
        ),
      },
      {
        id: 'countyDeepPage',
        label: `county list, deep pages (2,000 … ${lastPage.toLocaleString()})`,
        paths: Array.from({ length: 16 }, (_, i) => {
          const page = 2_000 + Math.floor(((lastPage - 2_000) * i) / 15);
          return `/api/v1/residents?pageSize=20&page=${page}&sort=${sorts[i % sorts.length]}`;
        }),
      },
    ];
    const rows: string[][] = [];
    const data: Record<string, unknown> = { residents: total };
    for (const target of targets) {
      const spec = { url: platform.url, paths: target.paths, headers, connections: options.connections };
      if (options.warmupS > 0) await runLoad({ ...spec, durationS: options.warmupS });
      await sleep(250);
      const load = await runLoad({ ...spec, durationS: options.durationS });
      data[target.id] = { latencyMs: load.latencyMs, non2xx: load.non2xx };
      rows.push([
        target.label,
        String(options.connections),
        round(load.latencyMs.p50, 1).toString(),
        round(load.latencyMs.p95, 1).toString(),
        String(load.non2xx + load.errors),
      ]);
    }

    // The list loads leave requests behind (a client that gave up does not stop its handler): the export starts once
    // the server is quiet again, or its rate would include that backlog.
    const settling = performance.now();
    await platform.settledStats();
    log(
      `server quiet after ${Math.round(performance.now() - settling)} ms; exporting the county in the background…`,
    );
    const rssBefore = platform.resetPeakRss() ? platform.peakRssBytes() : null;
    const started = performance.now();
    const post = await fetch(`${platform.url}/api/v1/residents/exports`, { method: 'POST', headers });
    const { data: job } = (await post.json()) as { data: { id: string } };
    let status = { status: 'queued', totalRows: 0 as number | null, doneRows: 0 };
    // Requests during the export: its status (as the page polls it) and a list page, each timed.
    const statusMs: number[] = [];
    const listMs: number[] = [];
    const timed = async (url: string, into: number[]) => {
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      const body = (await response.json()) as unknown;
      into.push(performance.now() - t0);
      return body;
    };
    for (let poll = 0; status.status !== 'ready' && status.status !== 'failed'; poll++) {
      await sleep(250);
      // Every fourth poll (about once a second), a first page in one of the orders: what a user browsing does.
      if (poll % 4 === 0) {
        const sort = sorts[(poll / 4) % sorts.length]!;
        await timed(`${platform.url}/api/v1/residents?pageSize=20&sort=${sort}`, listMs);
      }
      const polled = await timed(`${platform.url}/api/v1/residents/exports/${job.id}`, statusMs);
      status = (polled as { data: typeof status }).data;
    }
    const readySeconds = (performance.now() - started) / 1000;
    const peakRss = platform.peakRssBytes();
    const downloadStarted = performance.now();
    const file = await fetch(`${platform.url}/api/v1/residents/exports/${job.id}/file`, { headers });
    const bytes = (await file.arrayBuffer()).byteLength;
    const downloadSeconds = (performance.now() - downloadStarted) / 1000;
    const rowsPerSecond = status.totalRows ? status.totalRows / readySeconds : 0;
    data.export = {
      status: status.status,
      rows: status.totalRows,
      readySeconds: round(readySeconds, 2),
      rowsPerSecond: Math.round(rowsPerSecond),
      goalRowsPerSecond: GOAL.exportRowsPerSecond,
      met: rowsPerSecond >= GOAL.exportRowsPerSecond,
      downloadSeconds: round(downloadSeconds, 2),
      bytes,
      serverRssBeforeMiB: rssBefore === null ? null : Math.round(rssBefore / 2 ** 20),
      serverPeakRssMiB: peakRss === null ? null : Math.round(peakRss / 2 ** 20),
      duringExport: { statusPollMs: latencies(statusMs), listPageMs: latencies(listMs) },
    };
    await platform.stop();
    const report = [
      formatTable(['target', 'connections', 'p50 ms', 'p95 ms', 'errors'], rows),
      '',
      `during the export: status poll p50 ${latencies(statusMs).p50} ms, max ${latencies(statusMs).max} ms; list page p50 ${latencies(listMs).p50} ms, p95 ${latencies(listMs).p95} ms, max ${latencies(listMs).max} ms (${statusMs.length} polls, ${listMs.length} pages); server peak RSS ${peakRss === null ? '?' : Math.round(peakRss / 2 ** 20)} MiB (${rssBefore === null ? '?' : Math.round(rssBefore / 2 ** 20)} MiB before)`,
      `county export: ${status.status}, ${status.totalRows?.toLocaleString()} rows ready in ${round(readySeconds, 1)} s = ${Math.round(rowsPerSecond).toLocaleString()} rows/s (goal ≥ ${GOAL.exportRowsPerSecond.toLocaleString()}: ${rowsPerSecond >= GOAL.exportRowsPerSecond ? 'pass' : 'FAIL'}); download ${(bytes / 2 ** 20).toFixed(1)} MiB in ${round(downloadSeconds, 1)} s`,
    ].join('\n');
    return { report, data };
  },
};

/** p50, p95 and max of a few timed requests, in ms. */
function latencies(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0, 1);
  return { p50: at(0.5), p95: at(0.95), max: round(sorted.at(-1) ?? 0, 1), n: sorted.length };
}
