import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startPlatform } from '../../src/server/main.ts';
import { DEMO_PASSWORD, e2eConfig } from './platform-config.ts';

export { DEMO_PASSWORD };

export type TestPlatform = { url: string; close(): Promise<void> };

/**
 * Starts the whole platform in this process on a fresh database seeded with a small demo county: on PGlite a copy of
 * the folder the global setup made (tests/e2e/global-setup.ts) in a temporary directory, or a new database on
 * DATABASE_URL's server.
 */
export async function startTestPlatform(): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-e2e-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `wuwei_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else if (inject('e2eTemplate')) {
    fs.cpSync(inject('e2eTemplate'), dataDir, { recursive: true });
  }
  const config = e2eConfig(dataDir, databaseUrl);
  const platform = await startPlatform(config);
  // On PGlite the demo's history arrives after the platform opens (src/demo/deferred.ts): the journeys use it.
  await platform.deferred;
  return {
    url: platform.url,
    close: async () => {
      await platform.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless; no browser is ever downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh browser profile (no cookies, no stored language) at a desk-sized window in Beijing time. Call inside a test. */
export async function newPage(browser: Browser, baseURL: string, viewport = { width: 1366, height: 860 }) {
  const context: BrowserContext = await browser.newContext({
    baseURL,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // A failing journey leaves a screenshot of what the browser showed in test-results/.
  onTestFailed(async ({ task }) => {
    const dir = path.resolve(import.meta.dirname, '../../test-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = task.name.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 80);
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => undefined);
  });
  return page;
}

/**
 * The platform and the browser of one test file, started before its tests and closed after them. `newPage` opens a
 * fresh profile on the platform (see newPage).
 */
export function usePlatformAndBrowser() {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });
  return {
    newPage: (viewport?: { width: number; height: number }) => newPage(browser!, platform!.url, viewport),
  };
}

/** GET /api/v1{path} as the signed-in user of `page`, expecting 200. */
export async function apiGet(page: Page, path: string): Promise<any> {
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return response.json();
}

/** Signs in through the login form and waits for the home page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // The first page after signing in loads the app's shell and the home page's figures: on a CI machine running
  // several journeys at once this has taken longer than the default 15 s.
  await page.getByTestId('user-name').waitFor({ timeout: 40_000 });
}

/**
 * Picks an option of a searchable Ant Design Select or TreeSelect by its visible text; typing first brings
 * options that the virtual list has not rendered yet into view. A click that lands while the filtered list
 * is still re-rendering is repeated until the select shows the choice.
 */
export async function chooseOption(page: Page, select: Locator, text: string) {
  await select.click();
  await select.locator('input').first().pressSequentially(text);
  const option = page.locator('.ant-select-dropdown:visible').getByTitle(text, { exact: true }).first();
  await expect
    .poll(
      async () => {
        if ((await select.textContent())?.includes(text)) return true;
        await option.click({ timeout: 2_000 }).catch(() => undefined);
        return (await select.textContent())?.includes(text) ?? false;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
}
