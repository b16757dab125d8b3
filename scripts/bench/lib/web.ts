import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { onCleanup } from './cleanup.ts';
import { round } from './load.ts';
import { repoRoot } from './report.ts';

/** The web app: the platform serves dist/web, which a clean clone does not have. */
export type WebBuild = { built: boolean; reason: string; seconds: number | null };

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/**
 * Builds the web app with Vite into dist/web when it is missing or older than its sources, so the browser measures
 * the code of this checkout. `startPlatform` (what the platform child runs) only serves dist/web when it exists at
 * start; `npm start` builds a missing one first (main.ts buildWeb) but not a stale one.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<WebBuild> {
  const index = path.join(repoRoot, 'dist/web/index.html');
  const sources = ['src/web', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(repoRoot, p));
  let reason: string;
  if (!fs.existsSync(index)) reason = 'dist/web missing';
  else if (Math.max(...sources.map(newestMtime)) > fs.statSync(index).mtimeMs) {
    reason = 'dist/web older than src/web';
  } else return { built: false, reason: 'dist/web up to date', seconds: null };
  log(`building the web app with Vite (${reason})…`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  return { built: true, reason, seconds: round((performance.now() - started) / 1000, 1) };
}

/** Debian's Chromium with the project's flags, closed by the bench's cleanup. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  onCleanup('chromium', () => browser.close());
  return browser;
}
