/**
 * Workbench bench (issue 11): the grid worker's phone workbench (/m/) on a throttled phone profile, in Debian's
 * Chromium, against the full demo county (the platform child seeds it at start, as `npm start` does).
 *
 * Each run opens a fresh browser context (empty HTTP cache, no service worker) shaped like a phone (390 × 844,
 * touch, zh-CN) with the demo grid worker's session cookie, and throttles the network through the DevTools
 * protocol (Network.emulateNetworkConditions: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up):
 * 1. first load: `/m/` until the open round's buildings are listed (the first `workbench-building`), timed from
 *    navigation start (performance.now() in the page) and on the wall clock, with the bytes transferred;
 * 2. the service worker installs (it caches the shell and the scripts it names), then a second load of `/m/` in
 *    the same context: the shell from the network or, after 3 s, the cache; scripts from the cache; the lists from
 *    the API (still throttled);
 * 3. the same second load with the network cut (offline): everything from the service worker and the lists the
 *    workbench kept on the device.
 * The same three loads also run with the CPU slowed 4× (Emulation.setCPUThrottlingRate), as a slow phone would be;
 * those rows are reported without a goal.
 *
 * Targets (issue 11): first load interactive in ≤ 3 s; from the service worker's cache in ≤ 1 s.
 */
import os from 'node:os';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { signIn } from './lib/http.ts';
import { round } from './lib/load.ts';
import { startSeededPlatform } from './lib/platform.ts';
import { formatTable } from './lib/report.ts';
import { ensureWebBuild, launchChromium } from './lib/web.ts';
import type { BenchOptions, Scenario } from './scenario.ts';

const PROFILE = { latencyMs: 150, downloadKbitS: 1600, uploadKbitS: 750 };
const GOAL = { firstLoadMs: 3000, cachedLoadMs: 1000 };
const RUNS = 3;
const PHONE = { width: 390, height: 844 };

type Load = { fromNavigationMs: number; wallMs: number; transferredBytes: number; requests: number };
type Run = { first: Load; cached: Load; offline: Load };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function throttle(cdp: CDPSession, offline: boolean, cpuRate: number) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downloadKbitS * 1000) / 8,
    uploadThroughput: (PROFILE.uploadKbitS * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
}

/** Opens /m/ in a new page of the context and waits for the first building of the open round. */
async function timedLoad(context: BrowserContext, offline: boolean, cpuRate: number): Promise<Load> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, offline, cpuRate);
  let transferred = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
    requests += 1;
  });
  const started = performance.now();
  await page.goto('/m/', { waitUntil: 'commit', timeout: 60_000 });
  await page.getByTestId('workbench-building').first().waitFor({ timeout: 60_000 });
  const fromNavigationMs = await page.evaluate(() => performance.now());
  const wallMs = performance.now() - started;
  await page.close();
  return { fromNavigationMs, wallMs, transferredBytes: transferred, requests };
}

async function oneRun(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  url: string,
  cookie: string,
  cpuRate: number,
): Promise<Run> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  await context.addCookies([{ name, value, url }]);
  const first = await timedLoad(context, false, cpuRate);
  // The service worker installed by the first load: wait until it controls /m/ and has cached the shell.
  const probe = await context.newPage();
  await probe.goto('/m/', { waitUntil: 'load' });
  await probe.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100; i++) {
      const cache = await caches.open('wuwei-workbench-v1');
      if ((await cache.keys()).length > 1) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  await probe.close();
  const cached = await timedLoad(context, false, cpuRate);
  const offline = await timedLoad(context, true, cpuRate);
  await context.close();
  return { first, cached, offline };
}

export const workbench: Scenario = {
  name: 'workbench',
  description:
    "The phone workbench (/m/) on a throttled phone (150 ms RTT, 1.6 Mbit/s): first load, from the service worker's cache, offline",
  async run(options: BenchOptions, log) {
    const loadAverage1mBefore = round(os.loadavg()[0]!, 2);
    const web = await ensureWebBuild(log);
    if (web.built) log(`web app built in ${web.seconds} s`);
    const { platform } = await startSeededPlatform(options, 'workbench', log);
    const cookie = await signIn(platform.url, 'grid');
    const browser = await launchChromium();
    const profiles: { label: string; cpuRate: number; runs: Run[] }[] = [
      { label: 'network throttled', cpuRate: 1, runs: [] },
      { label: 'network throttled, CPU 4× slower', cpuRate: 4, runs: [] },
    ];
    for (const profile of profiles) {
      for (let i = 0; i < RUNS; i++) {
        log(`${profile.label}: run ${i + 1} of ${RUNS}…`);
        profile.runs.push(await oneRun(browser, platform.url, cookie, profile.cpuRate));
      }
    }
    const chromiumVersion = browser.version();
    await browser.close();
    await platform.stop();

    const summary = profiles.map((p) => {
      const of = (kind: keyof Run) => ({
        medianMs: round(median(p.runs.map((r) => r[kind].fromNavigationMs)), 0),
        worstMs: round(Math.max(...p.runs.map((r) => r[kind].fromNavigationMs)), 0),
        medianWallMs: round(median(p.runs.map((r) => r[kind].wallMs)), 0),
        transferredKB: round(median(p.runs.map((r) => r[kind].transferredBytes)) / 1024, 1),
        requests: median(p.runs.map((r) => r[kind].requests)),
      });
      return {
        label: p.label,
        cpuRate: p.cpuRate,
        first: of('first'),
        cached: of('cached'),
        offline: of('offline'),
      };
    });
    const main = summary[0]!;
    const verdicts = [
      {
        goal: `first load interactive ≤ ${GOAL.firstLoadMs / 1000} s (median of ${RUNS})`,
        measured: `${main.first.medianMs} ms (worst ${main.first.worstMs} ms)`,
        met: main.first.medianMs <= GOAL.firstLoadMs,
      },
      {
        goal: `from the service worker's cache ≤ ${GOAL.cachedLoadMs / 1000} s (median of ${RUNS})`,
        measured: `${main.cached.medianMs} ms (worst ${main.cached.worstMs} ms)`,
        met: main.cached.medianMs <= GOAL.cachedLoadMs,
      },
    ];
    const rows = summary.flatMap((s) =>
      (['first', 'cached', 'offline'] as const).map((kind) => [
        s.label,
        kind === 'first'
          ? 'first load (empty cache)'
          : kind === 'cached'
            ? 'service worker cache'
            : 'offline',
        s[kind].medianMs,
        s[kind].worstMs,
        s[kind].medianWallMs,
        s[kind].transferredKB,
        s[kind].requests,
      ]),
    );
    const report = [
      formatTable(
        ['profile', 'load', 'median ms', 'worst ms', 'wall ms', 'KB transferred', 'requests'],
        rows,
      ),
      '',
      formatTable(
        ['goal', 'measured', 'met'],
        verdicts.map((v) => [v.goal, v.measured, v.met ? 'pass' : 'FAIL']),
      ),
      '',
      `Chromium ${chromiumVersion}; the demo grid worker ("grid") signed in; ${PHONE.width}×${PHONE.height} phone, ${PROFILE.latencyMs} ms RTT, ${PROFILE.downloadKbitS} kbit/s down, ${PROFILE.uploadKbitS} kbit/s up; times from navigation start until the open round's first building is listed.`,
    ].join('\n');
    return {
      report,
      data: {
        profile: PROFILE,
        phone: PHONE,
        runs: RUNS,
        goals: GOAL,
        chromium: chromiumVersion,
        web,
        summary,
        raw: profiles,
        verdicts,
        loadAverage1mBefore,
        loadAverage1mAfter: round(os.loadavg()[0]!, 2),
      },
    };
  },
};
