/**
 * Organisation bench: who serves where, on the full demo county (scale 1: 6 streets, 25 communities, 267 grids,
 * ~2,800 buildings, ~80,000 households). The platform child seeds the county at start-up, as `npm start` does.
 *
 * 1. Reads under load (autocannon in this process, 16 connections like the registry's dashboard figures): the
 *    coverage board of the county (county admin) and of the secretary's community, who serves a grid
 *    (`/territories/{id}/servants`), a building's contact cards as JSON, the public building page (no session)
 *    and the report's figures, recording which of the organisation's figure keys the answer already has.
 * 2. Cold requests, one at a time before any load: the first county coverage board, then rounds of "PATCH a
 *    household note, then time the next coverage board / figures".
 * 3. The contact cards of a 200-household building in Chromium: a demo building is filled up to 200 households
 *    through `POST /api/v1/households`, the county admin signs in through the login form, and five fresh pages
 *    open `/buildings/<id>/cards`; each is timed from navigation start until 200 cards exist, every card's QR code
 *    svg has its paths and `document.fonts.ready` has resolved (ready to print). Each page is then printed with
 *    `page.pdf({ format: 'A4' })`, timed, and its pages counted.
 *
 * Targets (issue 9, "Organisation and people"): coverage board for the county p95 ≤ 100 ms; all contact cards of a
 * 200-household building ready to print in ≤ 2 s; figures p95 ≤ 200 ms (the dashboard's figure). Misses are
 * reported, not thrown.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { freshDatabase } from './lib/database.ts';
import { DEMO_PASSWORD, signIn } from './lib/http.ts';
import { round, runLoad, summarise, type LoadResult } from './lib/load.ts';
import {
  accountClient,
  coldFigure,
  coldSample,
  expectOk,
  expectStatus,
  spread,
  type ColdFigure,
  type ColdSample,
} from './lib/probe.ts';
import { startServerChild } from './lib/processes.ts';
import { ensureWebBuild, launchChromium } from './lib/web.ts';
import { formatProfiles, summariseProfile, type ProfileSummary } from './lib/profile.ts';
import { formatTable } from './lib/report.ts';
import { serverSide, serverSideTable, type ServerSide } from './lib/server-side.ts';
import type { BenchOptions, Scenario } from './scenario.ts';

export const GOAL = {
  coverageCountyP95Ms: 100,
  /** All contact cards of a 200-household building rendered and ready to print, the slowest of the runs. */
  cardsReadyMs: 2000,
  figuresP95Ms: 200,
  /** The registry's dashboard figures are stated at 16 connections; the organisation issue names none. */
  connections: 16,
};

/** The figure keys the organisation issue asks for; they appear as the people, leaders and party modules land. */
export const ORGANISATION_FIGURE_KEYS = [
  'gridWorkers',
  'partTimeGridWorkers',
  'buildingLeaders',
  'buildingsWithoutLeader',
  'registeredPartyMembers',
  'partyBranches',
  'buildingPartyGroups',
  'cadreSecretaries',
  'volunteers',
] as const;

const CARD_HOUSEHOLDS = 200;
const CARDS_PER_PAGE = 4;
const BROWSER_RUNS = 5;
const WRITE_ROUNDS = 8;
const GRIDS = 30;
const BUILDINGS = 20;

type Account = 'admin' | 'secretary' | 'public';
const dataOf = (body: unknown) => (body as { data?: unknown } | null)?.data;
type TreeNode = { id: string; level: string; code: string; name: string; children: TreeNode[] };
type Listed<T> = { total: number; rows: T[] };
type Coverage = {
  asOf: string;
  buildingsWithoutLeader: Listed<{ id: string; name: string; households: number }>;
  gridsWithoutWorker: Listed<unknown>;
  gridsWithoutBranch: Listed<unknown>;
  branchesWithoutSecretary: Listed<unknown>;
  termsExpiring: Listed<unknown>;
  workersOverLoad: Listed<unknown>;
};
type ServiceCards = {
  building: { id: string; name: string; unitCount: number; floors: number };
  households: { id: string; unitNumber: number; room: string }[];
  pagePath: string;
};

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined || Number.isNaN(value) ? null : value.toFixed(digits);
const verdict = (met: boolean | null) => (met === null ? '—' : met ? 'pass' : 'FAIL');

// ---------------------------------------------------------------------------------------------------------------
// HTTP helpers (as in registry.ts)

// ---------------------------------------------------------------------------------------------------------------
// Cold (uncached) requests, one at a time

// ---------------------------------------------------------------------------------------------------------------
// Checks

const coverageCheck = (body: unknown) => {
  const d = dataOf(body) as Partial<Coverage> | undefined;
  for (const list of [
    'buildingsWithoutLeader',
    'gridsWithoutWorker',
    'gridsWithoutBranch',
    'branchesWithoutSecretary',
    'termsExpiring',
    'workersOverLoad',
  ] as const) {
    const l = d?.[list];
    if (!l || typeof l.total !== 'number' || !Array.isArray(l.rows)) return `no ${list} list`;
    if (l.rows.length > l.total) return `${list}: more rows than its total`;
  }
  return null;
};
const servantsCheck = (gridId: string) => (body: unknown) => {
  const d = dataOf(body) as { grids?: { id: string }[]; buildings?: unknown[] } | undefined;
  if (d?.grids?.length !== 1 || d.grids[0]!.id !== gridId) return 'not the grid asked for';
  return Array.isArray(d.buildings) ? null : 'no building list';
};
const cardsCheck = (buildingId: string) => (body: unknown) => {
  const d = dataOf(body) as Partial<ServiceCards> | undefined;
  if (d?.building?.id !== buildingId) return 'not the building asked for';
  if (!d.households?.length) return 'no household cards';
  return d.pagePath?.startsWith('/b/') ? null : `pagePath ${d.pagePath}`;
};
const publicCheck = (buildingId: string) => (body: unknown) => {
  const d = dataOf(body) as { building?: { id: string }; households?: unknown } | undefined;
  if (d?.building?.id !== buildingId) return 'not the building of the token';
  return d.households === undefined ? null : 'the public page carries household data';
};
const figuresCheck = (body: unknown) => {
  const f = body as { residents?: number; households?: number } | null;
  return f?.residents && f.households ? null : 'figures without residents or households';
};

// ---------------------------------------------------------------------------------------------------------------
// The contact cards in Chromium

/**
 * Set before the page's own scripts: resolves once the cards are on screen with their QR codes drawn and the fonts
 * ready. Plain JavaScript text, because tsx's transform adds helpers (__name) to functions that the page lacks.
 */
const readinessWatcher = (expected: number) => `
window.__cardsReady = new Promise((resolve) => {
  const check = () => {
    const cards = document.querySelectorAll('[data-testid="service-card"]');
    if (cards.length >= ${expected}) {
      const qrDrawn = Array.from(cards).every((card) => {
        const img = card.querySelector('img.ww-org-qr');
        return img && img.complete && img.naturalWidth > 0;
      });
      if (qrDrawn) {
        const cardsMs = performance.now();
        document.fonts.ready.then(() =>
          resolve({ cards: cards.length, cardsMs, readyMs: performance.now(), fonts: document.fonts.size }),
        );
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
});`;

/** Read after the watcher resolved: its times, and when the cards' JSON arrived (resource timing). */
const readinessResult = `window.__cardsReady.then((r) => {
  const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/service-cards'));
  const nav = performance.getEntriesByType('navigation')[0];
  return { ...r, apiStartMs: api ? api.startTime : null, apiResponseEndMs: api ? api.responseEnd : null, domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : 0 };
})`;

type Readiness = {
  cards: number;
  cardsMs: number;
  readyMs: number;
  fonts: number;
  apiStartMs: number | null;
  apiResponseEndMs: number | null;
  domContentLoadedMs: number;
};

type BrowserRun = {
  /** Navigation start → 200 cards with drawn QR codes (first animation frame that saw them). */
  cardsMs: number;
  /** … and document.fonts.ready resolved: ready to print. */
  readyMs: number;
  /** Navigation start → the page asked for the service-cards JSON, and → received all of it (resource timing). */
  apiStartMs: number | null;
  apiResponseEndMs: number | null;
  domContentLoadedMs: number;
  cards: number;
  pdfMs: number;
  pdfBytes: number;
  pdfPages: number;
};

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object per page, no object streams). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function timeCardsPage(page: Page, url: string, expected: number): Promise<BrowserRun> {
  await page.addInitScript({ content: readinessWatcher(expected) });
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.evaluate<Readiness>(readinessResult);
  const started = performance.now();
  const pdf = await page.pdf({ format: 'A4' });
  const pdfMs = performance.now() - started;
  return {
    cardsMs: round(ready.cardsMs, 1),
    readyMs: round(ready.readyMs, 1),
    apiStartMs: ready.apiStartMs === null ? null : round(ready.apiStartMs, 1),
    apiResponseEndMs: ready.apiResponseEndMs === null ? null : round(ready.apiResponseEndMs, 1),
    domContentLoadedMs: round(ready.domContentLoadedMs, 1),
    cards: ready.cards,
    pdfMs: round(pdfMs, 1),
    pdfBytes: pdf.length,
    pdfPages: pdfPageCount(pdf),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario

type LoadTarget = {
  id: string;
  label: string;
  account: Account;
  paths: { path: string; check: (body: unknown) => string | null }[];
  goalP95Ms: number | null;
};

type TargetResult = {
  id: string;
  label: string;
  account: Account;
  distinctPaths: number;
  examplePath: string;
  load: LoadResult;
  server: ServerSide;
  goal: { p95Ms: number; p95Met: boolean; clean: boolean; met: boolean } | null;
  profile?: ProfileSummary;
};

type Verdict = { goal: string; measured: string; met: boolean };

export const organisation: Scenario = {
  name: 'organisation',
  description:
    'Who serves where on the full demo county: coverage board, who serves a grid, contact cards (API and 200 in Chromium), public page, figures',
  async run(options: BenchOptions, log) {
    const connectionsGiven = process.argv.some(
      (a) => a === '--connections' || a.startsWith('--connections='),
    );
    const connections = connectionsGiven ? options.connections : GOAL.connections;
    const loadAverage1mBefore = round(os.loadavg()[0]!, 2);

    const web = await ensureWebBuild(log);
    if (web.built) log(`web app built in ${web.seconds} s`);

    const database = await freshDatabase(options.db, 'organisation');
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    delete baseEnv.DATABASE_URL;
    log(`starting the platform on ${database.description}; it seeds the demo county (scale 1) first…`);
    const platform = await startServerChild('platform', 'platform-server.ts', {
      env: { ...baseEnv, ...database.env },
    });
    let peakRss = platform.peakRssBytes() ?? 0;
    const notePeak = () => {
      peakRss = Math.max(peakRss, platform.peakRssBytes() ?? 0);
    };
    log(`platform ready at ${platform.url} in ${Math.round(platform.startupMs)} ms`);

    const cookies: Record<Account, string> = {
      admin: await signIn(platform.url, 'admin'),
      secretary: await signIn(platform.url, 'secretary'),
      public: '',
    };
    const call = accountClient<Account>(platform.url, cookies);

    // 2. Cold: the very first coverage board, before anything else has read the tables it reads.
    log('cold: the first county coverage board…');
    const coldCoverage = await coldSample(
      platform,
      () => call('admin', 'GET', '/api/v1/coverage'),
      'county coverage board',
      coverageCheck,
    );

    const tree = expectOk('tree (admin)', await call('admin', 'GET', '/api/v1/territories/tree'), (b) => {
      const roots = dataOf(b) as TreeNode[] | undefined;
      return roots?.length === 1 && roots[0]!.level === 'county' ? null : 'expected one county root';
    });
    const [county] = dataOf(tree) as TreeNode[];
    const grids: TreeNode[] = [];
    const walk = (node: TreeNode) => {
      if (node.level === 'grid') grids.push(node);
      node.children.forEach(walk);
    };
    walk(county!);
    if (grids.length === 0) throw new Error('the county tree has no grids');
    const secretaryTree = expectOk(
      'tree (community secretary)',
      await call('secretary', 'GET', '/api/v1/territories/tree'),
      (b) =>
        (dataOf(b) as TreeNode[] | undefined)?.[0]?.level === 'community'
          ? null
          : 'expected a community root',
    );
    const community = (dataOf(secretaryTree) as TreeNode[])[0]!;

    const countyBoard = dataOf(
      expectOk('county coverage board', await call('admin', 'GET', '/api/v1/coverage'), coverageCheck),
    ) as Coverage;
    const communityBoard = dataOf(
      expectOk(
        'community coverage board',
        await call('secretary', 'GET', `/api/v1/coverage?territoryId=${community.id}`),
        coverageCheck,
      ),
    ) as Coverage;
    const boardSizes = (b: Coverage) => ({
      asOf: b.asOf,
      buildingsWithoutLeader: b.buildingsWithoutLeader.total,
      gridsWithoutWorker: b.gridsWithoutWorker.total,
      gridsWithoutBranch: b.gridsWithoutBranch.total,
      branchesWithoutSecretary: b.branchesWithoutSecretary.total,
      termsExpiring: b.termsExpiring.total,
      workersOverLoad: b.workersOverLoad.total,
    });

    // Buildings for the cards and public page: spread over the county's buildings, largest first where the
    // board lists them (it lists leaderless buildings by households, descending), else the registry's list.
    let buildingIds = countyBoard.buildingsWithoutLeader.rows.map((r) => r.id);
    if (buildingIds.length < BUILDINGS) {
      const listed = expectOk(
        'buildings (admin)',
        await call('admin', 'GET', '/api/v1/buildings?pageSize=200'),
        (b) => ((b as { data?: unknown[] }).data?.length ? null : 'no buildings'),
      ) as { data: { id: string }[] };
      buildingIds = [...new Set([...buildingIds, ...listed.data.map((b) => b.id)])];
    }
    const sampleBuildings = spread(buildingIds, BUILDINGS);
    const cardsOf = new Map<string, ServiceCards>();
    for (const id of sampleBuildings) {
      cardsOf.set(
        id,
        dataOf(
          expectOk(
            `service cards of ${id}`,
            await call('admin', 'GET', `/api/v1/buildings/${id}/service-cards`),
            cardsCheck(id),
          ),
        ) as ServiceCards,
      );
    }
    const sampleGrids = spread(grids, GRIDS);

    const figuresBody = expectOk(
      'figures',
      await call('admin', 'GET', '/api/v1/insights/figures'),
      figuresCheck,
    ) as Record<string, unknown>;
    const figureKeys = {
      present: ORGANISATION_FIGURE_KEYS.filter((k) => k in figuresBody),
      missing: ORGANISATION_FIGURE_KEYS.filter((k) => !(k in figuresBody)),
      values: Object.fromEntries(
        ORGANISATION_FIGURE_KEYS.filter((k) => k in figuresBody).map((k) => [k, figuresBody[k]]),
      ),
      allKeys: Object.keys(figuresBody).length,
    };

    // Cold after a write: PATCH a household note (a new value each time), then time the next board / figures.
    const householdId = (
      expectOk(
        'a household',
        await call('admin', 'GET', `/api/v1/households?territoryId=${grids[0]!.id}&pageSize=1`),
        (b) => ((b as { data?: unknown[] }).data?.length ? null : 'no household'),
      ) as { data: { id: string }[] }
    ).data[0]!.id;
    log(`cold after a write: ${WRITE_ROUNDS} rounds of PATCH household → county coverage board / figures…`);
    const patchSamples: ColdSample[] = [];
    const afterWrite: Record<'coverage' | 'figures', ColdSample[]> = { coverage: [], figures: [] };
    let writes = 0;
    const write = async () => {
      writes += 1;
      patchSamples.push(
        await coldSample(
          platform,
          () => call('admin', 'PATCH', `/api/v1/households/${householdId}`, { note: `bench ${writes}` }),
          'PATCH household',
          () => null,
        ),
      );
    };
    for (let i = 0; i < WRITE_ROUNDS; i++) {
      await write();
      afterWrite.coverage.push(
        await coldSample(
          platform,
          () => call('admin', 'GET', '/api/v1/coverage'),
          'county coverage board',
          coverageCheck,
        ),
      );
      await write();
      afterWrite.figures.push(
        await coldSample(
          platform,
          () => call('admin', 'GET', '/api/v1/insights/figures'),
          'figures',
          figuresCheck,
        ),
      );
    }
    const cold: ColdFigure[] = [
      coldFigure(
        'coverage-county-first',
        'county coverage board, first request',
        [coldCoverage],
        GOAL.coverageCountyP95Ms,
      ),
      coldFigure(
        'coverage-county-after-write',
        'county coverage board after a write',
        afterWrite.coverage,
        GOAL.coverageCountyP95Ms,
      ),
      coldFigure('figures-after-write', 'figures after a write', afterWrite.figures, GOAL.figuresP95Ms),
    ];
    const patchFigure = coldFigure('patch-household', 'PATCH household note (the write)', patchSamples, null);

    // The 200-household building: the largest sampled building with at most 200 households, filled up through
    // the registry's API (POST /households), in new rooms on floors above its top floor, spread over its units.
    const target = [...cardsOf.values()]
      .filter((c) => c.households.length <= CARD_HOUSEHOLDS)
      .sort((a, b) => b.households.length - a.households.length)[0];
    if (!target) throw new Error(`no sampled building has at most ${CARD_HOUSEHOLDS} households`);
    const existing = target.households.length;
    const taken = new Set(target.households.map((h) => `${h.unitNumber}/${h.room}`));
    const units = Math.max(1, target.building.unitCount);
    log(
      `filling ${target.building.name} (${existing} households, ${units} units, ${target.building.floors} floors) up to ${CARD_HOUSEHOLDS} households through POST /api/v1/households…`,
    );
    const addStarted = performance.now();
    let added = 0;
    for (let i = 0; existing + added < CARD_HOUSEHOLDS; i++) {
      const unitNumber = (i % units) + 1;
      const n = Math.floor(i / units);
      const room = String((target.building.floors + 1 + Math.floor(n / 4)) * 100 + (n % 4) + 1);
      if (taken.has(`${unitNumber}/${room}`)) continue;
      expectStatus(
        `POST household ${unitNumber}-${room}`,
        await call('admin', 'POST', '/api/v1/households', {
          buildingId: target.building.id,
          unitNumber,
          room,
          kind: 'permanent',
        }),
        201,
      );
      added += 1;
    }
    const addMs = performance.now() - addStarted;
    const filled = dataOf(
      expectOk(
        'service cards of the 200-household building',
        await call('admin', 'GET', `/api/v1/buildings/${target.building.id}/service-cards`),
        (b) => {
          const n = (dataOf(b) as ServiceCards | undefined)?.households.length;
          return n === CARD_HOUSEHOLDS ? null : `${n} households, expected ${CARD_HOUSEHOLDS}`;
        },
      ),
    ) as ServiceCards;
    cardsOf.set(target.building.id, filled);

    // 1. Reads under load.
    const publicToken = (c: ServiceCards) => c.pagePath.replace(/^\/b\//, '');
    const targets: LoadTarget[] = [
      {
        id: 'coverage-county',
        label: 'coverage board, county (admin)',
        account: 'admin',
        paths: [{ path: '/api/v1/coverage', check: coverageCheck }],
        goalP95Ms: GOAL.coverageCountyP95Ms,
      },
      {
        id: 'coverage-community',
        label: `coverage board, community (secretary)`,
        account: 'secretary',
        paths: [{ path: `/api/v1/coverage?territoryId=${community.id}`, check: coverageCheck }],
        goalP95Ms: null,
      },
      {
        id: 'servants-grid',
        label: `who serves a grid, ${sampleGrids.length} grids (admin)`,
        account: 'admin',
        paths: sampleGrids.map((g) => ({
          path: `/api/v1/territories/${g.id}/servants`,
          check: servantsCheck(g.id),
        })),
        goalP95Ms: null,
      },
      {
        id: 'service-cards',
        label: `contact cards JSON, ${sampleBuildings.length} buildings (admin)`,
        account: 'admin',
        paths: sampleBuildings.map((id) => ({
          path: `/api/v1/buildings/${id}/service-cards`,
          check: cardsCheck(id),
        })),
        goalP95Ms: null,
      },
      {
        id: 'service-cards-200',
        label: `contact cards JSON, the ${CARD_HOUSEHOLDS}-household building (admin)`,
        account: 'admin',
        paths: [
          {
            path: `/api/v1/buildings/${filled.building.id}/service-cards`,
            check: cardsCheck(filled.building.id),
          },
        ],
        goalP95Ms: null,
      },
      {
        id: 'public-building',
        label: `public building page, ${sampleBuildings.length} buildings (no session)`,
        account: 'public',
        paths: sampleBuildings.map((id) => ({
          path: `/api/v1/public/buildings/${publicToken(cardsOf.get(id)!)}`,
          check: publicCheck(id),
        })),
        goalP95Ms: null,
      },
      {
        id: 'figures',
        label: 'figures (admin)',
        account: 'admin',
        paths: [{ path: '/api/v1/insights/figures', check: figuresCheck }],
        goalP95Ms: GOAL.figuresP95Ms,
      },
    ];

    const results: TargetResult[] = [];
    for (const t of targets) {
      for (const p of t.paths) {
        expectOk(`${t.label} ${p.path}`, await call(t.account, 'GET', p.path), p.check);
      }
      const spec = {
        url: platform.url,
        paths: t.paths.map((p) => p.path),
        headers: (cookies[t.account] ? { cookie: cookies[t.account] } : {}) as Record<string, string>,
        connections,
      };
      log(
        `${t.label}: ${t.paths.length} paths, ${options.warmupS}s warm-up, ${options.durationS}s measured at ${connections} connections`,
      );
      if (options.warmupS > 0) await runLoad({ ...spec, durationS: options.warmupS });
      await sleep(250);
      notePeak();
      platform.resetPeakRss();
      const before = await platform.stats();
      const profileFile = options.profileDir
        ? path.join(options.profileDir, `organisation-${options.db}-${t.id}.cpuprofile`)
        : null;
      if (profileFile) await platform.profileStart();
      const load = await runLoad({ ...spec, durationS: options.durationS });
      const after = await platform.settledStats();
      if (profileFile) await platform.profileStop(profileFile);
      const server = serverSide(before, after, platform.peakRssBytes());
      const clean = load.non2xx === 0 && load.errors === 0;
      results.push({
        id: t.id,
        label: t.label,
        account: t.account,
        distinctPaths: t.paths.length,
        examplePath: t.paths[0]!.path,
        load,
        server,
        goal:
          t.goalP95Ms === null
            ? null
            : {
                p95Ms: t.goalP95Ms,
                p95Met: load.latencyMs.p95 <= t.goalP95Ms,
                clean,
                met: load.latencyMs.p95 <= t.goalP95Ms && clean,
              },
        ...(profileFile ? { profile: summariseProfile(profileFile) } : {}),
      });
      await sleep(250);
    }
    notePeak();

    // 3. The 200 contact cards in Chromium, signed in as the county admin through the login form.
    log(
      `Chromium: signing in as admin, then ${BROWSER_RUNS} fresh pages of /buildings/${filled.building.id}/cards…`,
    );
    const browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: platform.url,
      viewport: { width: 1366, height: 860 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const login = await context.newPage();
    login.setDefaultTimeout(30_000);
    const loginStarted = performance.now();
    await login.goto('/login');
    await login.getByTestId('login-username').fill('admin');
    await login.getByTestId('login-password').fill(DEMO_PASSWORD);
    await login.getByTestId('login-submit').click();
    await login.getByTestId('user-name').waitFor();
    const signInMs = performance.now() - loginStarted;
    await login.close();
    const runs: BrowserRun[] = [];
    const cardsUrl = `/buildings/${filled.building.id}/cards`;
    for (let i = 0; i < BROWSER_RUNS; i++) {
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const run = await timeCardsPage(page, cardsUrl, CARD_HOUSEHOLDS);
      if (run.cards !== CARD_HOUSEHOLDS) {
        throw new Error(`the cards page shows ${run.cards} cards, expected ${CARD_HOUSEHOLDS}`);
      }
      runs.push(run);
      log(
        `  run ${i + 1}: ready to print ${run.readyMs} ms (cards ${run.cardsMs} ms, JSON asked ${run.apiStartMs} ms, in ${run.apiResponseEndMs} ms), PDF ${run.pdfMs} ms, ${run.pdfPages} pages`,
      );
      await page.close();
    }
    await context.close();
    const chromiumVersion = browser.version();
    await browser.close();
    const stat = (f: (r: BrowserRun) => number) => summarise(Float64Array.from(runs.map(f)));
    const cardsBrowser = {
      buildingId: filled.building.id,
      building: filled.building.name,
      householdsBefore: existing,
      householdsAdded: added,
      addMs: Math.round(addMs),
      path: cardsUrl,
      chromium: chromiumVersion,
      signInMs: Math.round(signInMs),
      runs,
      readyMs: stat((r) => r.readyMs),
      cardsMs: stat((r) => r.cardsMs),
      apiStartMs: stat((r) => r.apiStartMs ?? NaN),
      apiResponseEndMs: stat((r) => r.apiResponseEndMs ?? NaN),
      pdfMs: stat((r) => r.pdfMs),
      pdfPages: runs.map((r) => r.pdfPages),
      expectedPages: Math.ceil(CARD_HOUSEHOLDS / CARDS_PER_PAGE),
      goalMs: GOAL.cardsReadyMs,
      met: Math.max(...runs.map((r) => r.readyMs)) <= GOAL.cardsReadyMs,
    };
    const final = await platform.stats();

    // Verdicts.
    const verdicts: Verdict[] = [];
    for (const r of results) {
      if (!r.goal) continue;
      verdicts.push({
        goal: `${r.label}: p95 ≤ ${r.goal.p95Ms} ms at ${connections} connections, no errors`,
        measured: `${fixed(r.load.latencyMs.p95, 1)} ms${r.goal.clean ? '' : `, ${r.load.non2xx} non-2xx, ${r.load.errors} errors`}`,
        met: r.goal.met,
      });
    }
    verdicts.push({
      goal: `${CARD_HOUSEHOLDS} contact cards ready to print ≤ ${GOAL.cardsReadyMs} ms (slowest of ${BROWSER_RUNS})`,
      measured: `${fixed(cardsBrowser.readyMs.max, 0)} ms (p50 ${fixed(cardsBrowser.readyMs.p50, 0)})`,
      met: cardsBrowser.met,
    });
    for (const c of cold) {
      if (c.goalMs === null) continue;
      verdicts.push({
        goal: `${c.label}: ${c.n > 1 ? 'p95' : 'time'} ≤ ${c.goalMs} ms`,
        measured: `${fixed(c.latencyMs.p95, 1)} ms`,
        met: c.met!,
      });
    }
    const met = verdicts.filter((v) => v.met).length;

    // Report.
    const loadTable = formatTable(
      [
        'target',
        'paths',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'non-2xx',
        'errors',
        'goal p95',
        'goal',
      ],
      results.map((r) => [
        r.label,
        r.distinctPaths,
        fixed(r.load.requestsPerSecond, 0),
        fixed(r.load.latencyMs.p50, 2),
        fixed(r.load.latencyMs.p95, 2),
        fixed(r.load.latencyMs.p99, 2),
        fixed(r.load.latencyMs.max, 1),
        r.load.non2xx,
        r.load.errors,
        r.goal ? `≤${r.goal.p95Ms}` : null,
        r.goal ? (r.goal.met ? 'pass' : r.goal.clean ? 'FAIL' : 'FAIL (errors)') : null,
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
      [...cold, patchFigure].map((c) => [
        c.label,
        c.n,
        fixed(c.latencyMs.p50, 1),
        fixed(c.latencyMs.p95, 1),
        fixed(c.latencyMs.max, 1),
        c.statementsPerRequest,
        fixed(c.dbMsPerRequest, 1),
        fixed(c.cpuMsPerRequest, 1),
        c.goalMs === null ? null : `${verdict(c.met)} (≤${c.goalMs})`,
      ]),
    );
    const browserTable = formatTable(
      [
        'run',
        'DOM ready ms',
        'JSON asked ms',
        'JSON in ms',
        '200 cards ms',
        'ready to print ms',
        'PDF ms',
        'PDF pages',
        'PDF KB',
      ],
      runs.map((r, i) => [
        i + 1,
        fixed(r.domContentLoadedMs, 0),
        fixed(r.apiStartMs, 0),
        fixed(r.apiResponseEndMs, 0),
        fixed(r.cardsMs, 0),
        fixed(r.readyMs, 0),
        fixed(r.pdfMs, 0),
        r.pdfPages,
        Math.round(r.pdfBytes / 1024),
      ]),
    );
    const verdictTable = formatTable(
      ['target', 'measured', 'verdict'],
      verdicts.map((v) => [v.goal, v.measured, verdict(v.met)]),
    );
    const sizes = boardSizes(countyBoard);
    const lines = [
      `Coverage board of the county as of ${sizes.asOf}: ${sizes.buildingsWithoutLeader} buildings without a leader, ${sizes.gridsWithoutWorker} grids without a worker, ${sizes.gridsWithoutBranch} without a branch, ${sizes.branchesWithoutSecretary} branches without a secretary, ${sizes.termsExpiring} terms expiring, ${sizes.workersOverLoad} workers over the load; community ${community.name}: ${communityBoard.buildingsWithoutLeader.total} buildings without a leader.`,
      `Organisation figure keys in /insights/figures: ${figureKeys.present.length}/${ORGANISATION_FIGURE_KEYS.length}${figureKeys.missing.length ? ` (missing: ${figureKeys.missing.join(', ')})` : ''}.`,
      '',
      `Reads at ${connections} connections, each rotating over its paths:`,
      '',
      loadTable,
      '',
      'Server process during each measured window:',
      '',
      serverSideTable(results),
      '',
      `Cold requests, timed by the runner one at a time before the load; "after a write" = right after a PATCH of a household note (${WRITE_ROUNDS} rounds):`,
      '',
      coldTable,
      '',
      `Contact cards in Chromium ${chromiumVersion}: ${filled.building.name} filled from ${existing} to ${CARD_HOUSEHOLDS} households (${added} POST /households in ${Math.round(addMs)} ms); signed in as admin through the form (${Math.round(signInMs)} ms), then ${BROWSER_RUNS} fresh pages of ${cardsUrl} in that session (the app's scripts are in the browser cache from the sign-in, the cards page's chunk from run 2 on). Times from navigation start; "JSON asked / in" = the service-cards request sent / fully received; "ready to print" = ${CARD_HOUSEHOLDS} cards, every QR image decoded, document.fonts.ready resolved. PDF = page.pdf({ format: 'A4' }), ${cardsBrowser.expectedPages} pages expected at ${CARDS_PER_PAGE} cards a page.`,
      '',
      browserTable,
      '',
      `Ready to print: p50 ${fixed(cardsBrowser.readyMs.p50, 0)} ms, max ${fixed(cardsBrowser.readyMs.max, 0)} ms; PDF p50 ${fixed(cardsBrowser.pdfMs.p50, 0)} ms, max ${fixed(cardsBrowser.pdfMs.max, 0)} ms.`,
      `Platform: start-up with demo seeding ${Math.round(platform.startupMs)} ms; peak RSS over the run ${Math.round(peakRss / 2 ** 20)} MB. Web app: ${web.reason}${web.built ? `, built in ${web.seconds} s` : ''}. Load average ${loadAverage1mBefore} at the start, ${round(os.loadavg()[0]!, 2)} at the end.`,
      '',
      verdictTable,
      '',
      `Targets met: ${met}/${verdicts.length}.`,
    ];
    if (connections !== GOAL.connections) {
      lines.push(
        `Note: this scenario's default is ${GOAL.connections} connections; this run used ${connections}.`,
      );
    }
    lines.push(...formatProfiles(results));

    return {
      report: lines.join('\n'),
      data: {
        database: { kind: database.kind, description: database.description, version: database.version },
        platform: {
          startupMs: Math.round(platform.startupMs),
          peakRssBytes: peakRss,
          finalRssBytes: final.rssBytes,
          queryCounting: platform.info.queryCounting,
        },
        web,
        loadAverage1mBefore,
        goal: { ...GOAL, connections, met, of: verdicts.length },
        sample: {
          grids: grids.length,
          servantsGrids: sampleGrids.length,
          buildings: sampleBuildings.length,
          community: { code: community.code, name: community.name },
          countyBoard: sizes,
          communityBoard: boardSizes(communityBoard),
        },
        figureKeys,
        cold: { figures: cold, write: patchFigure },
        targets: results,
        cardsBrowser,
        verdicts,
      },
    };
  },
};
