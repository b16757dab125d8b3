/**
 * Figures over time on the full demo county (scale 1: 267 grids, ~80,000 households, ~223,000 residents registered
 * from 2019 on). The platform child seeds the county at start-up, as `npm start` does.
 *
 * 1. Cold (uncached) requests, one at a time: `GET /insights/figures` for the county as of past days (each day a
 *    new cache key), for a period (`from` and `to`: stock as of `to` and the flows over it), for a street and a
 *    grid as of a past day, and the same past-day figures right after a write (PATCH of a household note bumps the
 *    registry's data version, which empties the per-process caches).
 * 2. Under load at 16 connections (autocannon), rotating over those past days and periods for the county.
 *
 * Target: the dashboard's figures p95 ≤ 200 ms (the registry issue's figure), for past days as for today.
 * Misses are reported, not thrown.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSeededPlatform, type TreeNode } from './lib/platform.ts';
import { signIn } from './lib/http.ts';
import { round, runLoad, type LoadResult } from './lib/load.ts';
import { coldFigure, expectOk, timedCold, type ColdSample } from './lib/probe.ts';
import { formatProfiles, summariseProfile } from './lib/profile.ts';
import { formatTable } from './lib/report.ts';
import { serverSide, serverSideTable, type ServerSide } from './lib/server-side.ts';
import type { BenchOptions, Scenario } from './scenario.ts';

export const GOAL = { figuresP95Ms: 200, connections: 16 };

/** Past days asked for, one request each when cold (distinct cache keys), and rotated over under load. */
const PAST_DAYS = [
  '2019-01-31',
  '2019-06-30',
  '2019-12-31',
  '2020-06-30',
  '2020-12-31',
  '2021-06-30',
  '2021-12-31',
  '2022-06-30',
  '2022-12-31',
  '2023-06-30',
  '2023-12-31',
  '2024-06-30',
  '2024-12-31',
  '2025-06-30',
  '2025-12-31',
];
/** Periods (from, to): stock as of `to`, flows over the period. */
const PERIODS: [string, string][] = [
  ['2022-01-01', '2022-12-31'],
  ['2022-01-01', '2025-12-31'],
  ['2023-01-01', '2023-12-31'],
  ['2024-01-01', '2024-12-31'],
  ['2025-01-01', '2025-12-31'],
  ['2025-07-01', '2025-09-30'],
];
const WRITE_ROUNDS = 8;

type Figures = Record<string, number>;

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined || Number.isNaN(value) ? null : value.toFixed(digits);

/** A past day's figures: the registry's and the territory's keys are there, the flows too. */
const figuresCheck = (body: unknown) => {
  const f = body as Figures | null;
  for (const key of ['grids', 'residents', 'households', 'residentsRegistered', 'residentsMovedOut']) {
    if (typeof f?.[key] !== 'number') return `no ${key} in the figures`;
  }
  return null;
};

export const figuresHistory: Scenario = {
  name: 'figures-history',
  description:
    'Figures as of past days and over periods for the county, a street and a grid of the full demo county: cold, after a write, under load',
  async run(options: BenchOptions, log) {
    const connectionsGiven = process.argv.some(
      (a) => a === '--connections' || a.startsWith('--connections='),
    );
    const connections = connectionsGiven ? options.connections : GOAL.connections;
    const loadAverage1mBefore = round(os.loadavg()[0]!, 2);

    const { database, platform, call, county } = await startSeededPlatform(options, 'figures-history', log);
    const street = county.children[0]!;
    const grid = street.children[0]!.children[0]!;
    const figuresPath = (query: string, place?: TreeNode) =>
      `/api/v1/insights/figures?${place ? `territoryId=${place.id}&` : ''}${query}`;

    // 1. Cold: every request a new cache key (a new day or period), one at a time.
    log(
      `cold: the county as of ${PAST_DAYS.length} past days, ${PERIODS.length} periods, a street and a grid…`,
    );
    const byDay: Record<string, Figures> = {};
    const coldDays: ColdSample[] = [];
    for (const day of PAST_DAYS) {
      const { sample, body } = await timedCold(
        platform,
        () => call('GET', figuresPath(`to=${day}`)),
        `county as of ${day}`,
        figuresCheck,
      );
      coldDays.push(sample);
      byDay[day] = body as Figures;
    }
    const byPeriod: Record<string, Figures> = {};
    const coldPeriods: ColdSample[] = [];
    for (const [from, to] of PERIODS) {
      const { sample, body } = await timedCold(
        platform,
        () => call('GET', figuresPath(`from=${from}&to=${to}`)),
        `county ${from}..${to}`,
        figuresCheck,
      );
      coldPeriods.push(sample);
      byPeriod[`${from}..${to}`] = body as Figures;
    }
    const coldPlaces: ColdSample[] = [];
    for (const [i, day] of PAST_DAYS.slice(0, 8).entries()) {
      const place = i % 2 === 0 ? street : grid;
      coldPlaces.push(
        (
          await timedCold(
            platform,
            () => call('GET', figuresPath(`to=${day}`, place)),
            `${place.code} on ${day}`,
            figuresCheck,
          )
        ).sample,
      );
    }
    const today = expectOk('figures today', await call('GET', figuresPath('')), figuresCheck) as Figures;

    // After a write: the data version moves, so the next past-day figures are computed again.
    const household = expectOk(
      'a household',
      await call('GET', `/api/v1/households?territoryId=${grid.id}&pageSize=1`),
      (b) => ((b as { data?: unknown[] }).data?.length ? null : 'no household'),
    ) as { data: { id: string }[] };
    const afterWrite: ColdSample[] = [];
    for (let i = 0; i < WRITE_ROUNDS; i++) {
      expectOk(
        'PATCH household',
        await call('PATCH', `/api/v1/households/${household.data[0]!.id}`, { note: `figures bench ${i}` }),
      );
      const day = PAST_DAYS[(i * 5) % PAST_DAYS.length]!;
      afterWrite.push(
        (
          await timedCold(
            platform,
            () => call('GET', figuresPath(`from=${day.slice(0, 4)}-01-01&to=${day}`)),
            `after a write, ${day}`,
            figuresCheck,
          )
        ).sample,
      );
    }
    const cold = [
      coldFigure(
        'county-past-day',
        `county as of a past day (${PAST_DAYS.length} days)`,
        coldDays,
        GOAL.figuresP95Ms,
      ),
      coldFigure(
        'county-period',
        `county over a period (${PERIODS.length} periods)`,
        coldPeriods,
        GOAL.figuresP95Ms,
      ),
      coldFigure('place-past-day', 'a street or a grid as of a past day', coldPlaces, GOAL.figuresP95Ms),
      coldFigure(
        'county-after-write',
        'county, past day and period, after a write',
        afterWrite,
        GOAL.figuresP95Ms,
      ),
    ];

    // 2. Under load: the county's past days and periods, rotating (cached per data version after the first).
    const paths = [
      ...PAST_DAYS.map((d) => figuresPath(`to=${d}`)),
      ...PERIODS.map(([f, t]) => figuresPath(`from=${f}&to=${t}`)),
    ];
    for (const p of paths) expectOk(p, await call('GET', p), figuresCheck);
    const spec = { url: platform.url, paths, headers: { cookie: '' }, connections };
    spec.headers.cookie = await signIn(platform.url, 'admin');
    log(
      `load: ${paths.length} paths, ${options.warmupS}s warm-up, ${options.durationS}s measured at ${connections} connections`,
    );
    if (options.warmupS > 0) await runLoad({ ...spec, durationS: options.warmupS });
    await sleep(250);
    platform.resetPeakRss();
    const before = await platform.stats();
    const profileFile = options.profileDir
      ? path.join(options.profileDir, `figures-history-${options.db}.cpuprofile`)
      : null;
    if (profileFile) await platform.profileStart();
    const load: LoadResult = await runLoad({ ...spec, durationS: options.durationS });
    const after = await platform.settledStats();
    if (profileFile) await platform.profileStop(profileFile);
    const server: ServerSide = serverSide(before, after, platform.peakRssBytes());
    const clean = load.non2xx === 0 && load.errors === 0;
    const loadResult = {
      id: 'county-past-days-load',
      label: `county, ${paths.length} past days and periods`,
      account: 'admin',
      distinctPaths: paths.length,
      examplePath: paths[0]!,
      load,
      server,
      goal: {
        p95Ms: GOAL.figuresP95Ms,
        p95Met: load.latencyMs.p95 <= GOAL.figuresP95Ms,
        clean,
        met: load.latencyMs.p95 <= GOAL.figuresP95Ms && clean,
      },
      ...(profileFile ? { profile: summariseProfile(profileFile) } : {}),
    };

    const verdicts = [
      ...cold.map((c) => ({
        goal: `${c.label}, cold: p95 ≤ ${c.goalMs} ms`,
        measured: `${fixed(c.latencyMs.p95, 1)} ms`,
        met: c.met,
      })),
      {
        goal: `${loadResult.label}: p95 ≤ ${GOAL.figuresP95Ms} ms at ${connections} connections, no errors`,
        measured: `${fixed(load.latencyMs.p95, 1)} ms${clean ? '' : `, ${load.non2xx} non-2xx, ${load.errors} errors`}`,
        met: loadResult.goal.met,
      },
    ];
    const met = verdicts.filter((v) => v.met).length;

    const keys = ['grids', 'buildings', 'households', 'residents', 'keyPopulation'] as const;
    const stockTable = formatTable(
      ['county as of', ...keys],
      [
        ...PAST_DAYS.map((d) => [d, ...keys.map((k) => byDay[d]![k] ?? null)]),
        ['today', ...keys.map((k) => today[k] ?? null)],
      ],
    );
    const flowKeys = [
      'residentsRegistered',
      'residentsMovedIn',
      'residentsMovedOut',
      'householdsRegistered',
      'householdsMovedOut',
    ] as const;
    const flowTable = formatTable(
      ['county over', 'residents', ...flowKeys],
      Object.entries(byPeriod).map(([p, f]) => [
        p,
        f.residents ?? null,
        ...flowKeys.map((k) => f[k] ?? null),
      ]),
    );
    const coldTable = formatTable(
      [
        'cold request (one at a time)',
        'n',
        'p50 ms',
        'p95 ms',
        'max ms',
        'SQL/req',
        'DB ms/req',
        'CPU ms/req',
        'goal',
      ],
      cold.map((c) => [
        c.label,
        c.n,
        fixed(c.latencyMs.p50, 1),
        fixed(c.latencyMs.p95, 1),
        fixed(c.latencyMs.max, 1),
        c.statementsPerRequest,
        fixed(c.dbMsPerRequest, 1),
        fixed(c.cpuMsPerRequest, 1),
        `${c.met ? 'pass' : 'FAIL'} (≤${c.goalMs})`,
      ]),
    );
    const loadTable = formatTable(
      ['target', 'paths', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'goal'],
      [
        [
          loadResult.label,
          paths.length,
          fixed(load.requestsPerSecond, 0),
          fixed(load.latencyMs.p50, 2),
          fixed(load.latencyMs.p95, 2),
          fixed(load.latencyMs.p99, 2),
          fixed(load.latencyMs.max, 1),
          load.non2xx,
          load.errors,
          loadResult.goal.met ? 'pass' : 'FAIL',
        ],
      ],
    );
    const verdictTable = formatTable(
      ['target', 'measured', 'verdict'],
      verdicts.map((v) => [v.goal, v.measured, v.met ? 'pass' : 'FAIL']),
    );
    const lines = [
      `The demo county (seeded by the platform at start-up in ${Math.round(platform.startupMs)} ms on ${database.description}; load average ${loadAverage1mBefore} before) as of past days and over periods:`,
      '',
      stockTable,
      '',
      flowTable,
      '',
      `Cold (uncached) requests, timed one at a time; "after a write" = right after a PATCH of a household note (${WRITE_ROUNDS} rounds). Street ${street.code}, grid ${grid.code}.`,
      '',
      coldTable,
      '',
      `Under load at ${connections} connections, rotating over the paths:`,
      '',
      loadTable,
      '',
      serverSideTable([loadResult]),
      '',
      verdictTable,
      '',
      `Targets met: ${met}/${verdicts.length}.`,
      ...formatProfiles([loadResult]),
    ];
    if (options.db === 'postgres') {
      lines.push(
        'Note: on PostgreSQL "DB ms" is not a measurement: pg-pool calls Client.query with a callback, which the bench child times as 0 ms (statement counts are right).',
      );
    }
    return {
      report: lines.join('\n'),
      data: {
        database: { kind: database.kind, description: database.description, version: database.version },
        platform: { startupMs: Math.round(platform.startupMs) },
        goal: { ...GOAL, connections, met, of: verdicts.length },
        figures: { byDay, today, byPeriod, street: street.code, grid: grid.code },
        cold,
        targets: [loadResult],
        verdicts,
      },
    };
  },
};
