import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** axe-core over a page of the e2e tests (accessibility.test.ts, planner.test.ts). */

// Evaluated through the DevTools protocol, which the page's Content-Security-Policy (script-src 'self') allows.
const AXE_SOURCE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

type Finding = { id: string; impact: string | null; help: string; targets: string[] };

/** Waits until the page has no request in flight, no spinner and no skeleton. */
export async function settle(page: Page) {
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '.ant-spin-spinning, .ant-skeleton-active, .ww-skeleton-bar, .ww-skeleton-card, .ant-table-placeholder .ant-spin',
      ),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Drawers and menus animate in; axe measures colours, so let transitions end.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 5_000,
    })
    .catch(() => undefined);
}

/** Runs axe over the document as it is now; the serious and critical violations, each as "where: rule: targets". */
export async function axeProblems(page: Page, where: string): Promise<string[]> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async (): Promise<Finding[]> => {
    const axe = (window as unknown as { axe: any }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .slice(0, 4)
        .map((n: any) => `${String(n.target)}${n.any?.[0]?.message ? ` (${n.any[0].message})` : ''}`),
    }));
  });
  return findings
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `${where}: ${f.id} [${f.impact}] ${f.help}: ${f.targets.join(' | ')}`);
}
