import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNT } from '../support/constants.ts';
import { axeProblems, settle } from './axe.ts';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

/**
 * Accessibility: axe-core (WCAG 2 A and AA rules) over every page in each demo role's menu and the dialogs and
 * detail pages officials open most, failing on any serious or critical violation; the page fits a 375 px phone;
 * the skip link, dialogs that take focus and close with Escape; the watermark on pages with personal data.
 */

const e2e = usePlatformAndBrowser();

const PHONE = { width: 375, height: 812 };

/** The paths of the side menu's entries the signed-in user sees. */
async function menuPaths(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId('side-menu')
    .locator('[data-testid^="menu-"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')!));
  return ids.map((id) => (id === 'menu-overview' ? '/' : `/${id.slice('menu-'.length)}`));
}

async function horizontalOverflow(page: Page): Promise<number> {
  await settle(page);
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * Opens a page of the menu as the menu does, inside the running app (the app and axe stay loaded: a full load of each
 * page was most of this file's time); the phone workbench (/m/) is its own entry, with its own frame, and is loaded.
 */
async function openPage(page: Page, to: string) {
  const workbench = to === '/m/' || to === '/m';
  if (workbench || !(await page.getByTestId('side-menu').isVisible())) {
    await page.goto(to);
    await page.getByTestId(workbench ? 'user-name' : 'side-menu').waitFor();
    return;
  }
  // The pointer is left where the last click was; what the new page puts under it would be checked hovered.
  await page.mouse.move(0, 0);
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, to);
  // The menu marks the page's entry once the router has drawn it.
  const entry = to === '/' ? 'menu-overview' : `menu-${to.slice(1)}`;
  await page.locator(`[data-testid="${entry}"].ant-menu-item-selected`).waitFor({ state: 'attached' });
}

/** Every page of the role's menu, at a desk and on a phone; returns the problems found. */
async function auditRole(username: string): Promise<{ problems: string[]; paths: string[] }> {
  const page = await e2e.newPage();
  // Fifteen pages twice on a busy two-core machine: each step may wait longer than a journey's.
  page.setDefaultTimeout(60_000);
  await signIn(page, username);
  const problems: string[] = [];
  const paths = await menuPaths(page);
  for (const p of paths) {
    await openPage(page, p);
    problems.push(...(await axeProblems(page, `${username} ${p}`)));
  }
  // On a phone: home and the role's first pages (the header and the lists are where pages grew wide).
  await page.setViewportSize(PHONE);
  for (const p of paths.slice(0, 4)) {
    await page.goto(p);
    const width = await horizontalOverflow(page);
    if (width > PHONE.width) problems.push(`${username} ${p}: ${width} px wide on a ${PHONE.width} px phone`);
  }
  await page.context().close();
  return { problems, paths };
}

describe('axe over every page of every role', () => {
  const roles = Object.entries(DEMO_ACCOUNT);
  test.each(roles)(
    '%s (%s): no serious or critical violation, no sideways scrolling on a phone',
    async (_role, username) => {
      const { problems, paths } = await auditRole(username);
      expect(paths.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
    300_000,
  );
});

test('an administrator’s dialogs and detail pages: no serious violation, each takes focus and closes with Escape', async () => {
  const page = await e2e.newPage();
  page.setDefaultTimeout(60_000);
  await signIn(page, 'admin');
  const problems: string[] = [];

  // The resident drawer, opened from the list.
  await page.goto('/residents');
  const firstRow = page.getByTestId('residents-table').locator('tbody tr.ww-clickable-row').first();
  await firstRow.click();
  const residentDrawer = page.getByTestId('resident-drawer');
  await residentDrawer.waitFor();
  problems.push(...(await axeProblems(page, 'resident drawer')));
  await page.keyboard.press('Escape');
  await residentDrawer.waitFor({ state: 'hidden' });

  // The audit entry's drawer: focus moves into it, so Escape closes it without a click inside.
  await page.goto('/audit');
  await page.getByTestId('audit-open').first().click();
  const auditDrawer = page.getByTestId('audit-detail');
  await auditDrawer.waitFor();
  await expect
    .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.ant-drawer'))))
    .toBe(true);
  problems.push(...(await axeProblems(page, 'audit drawer')));
  await page.keyboard.press('Escape');
  await auditDrawer.waitFor({ state: 'hidden' });

  // A grid's fact sheet and a household card.
  const tree = (await apiGet(page, '/territories/tree')).data as { children: { id: string }[] }[];
  const grid = tree[0]!.children[0]!;
  await page.goto(`/territories/${grid.id}/fact-sheet`);
  await page.getByTestId('fact-sheet-title').waitFor();
  problems.push(...(await axeProblems(page, 'fact sheet')));
  const household = (await apiGet(page, '/residents?pageSize=1')).data[0] as { householdId: string };
  await page.goto(`/households/${household.householdId}`);
  await page.getByTestId('household-address').waitFor();
  problems.push(...(await axeProblems(page, 'household card')));

  // A door-knocking round's page, and the dialog that opens one.
  const round = (await apiGet(page, '/rounds?status=open')).data[0] as { id: string };
  await page.goto(`/rounds/${round.id}`);
  await page.getByTestId('round-coverage').waitFor();
  await page.getByTestId('round-grids').locator('tbody tr.ant-table-row').first().waitFor();
  problems.push(...(await axeProblems(page, 'round page')));
  await page.goto('/rounds');
  await page.getByTestId('rounds-open').click();
  const roundDialog = page.getByRole('dialog');
  await roundDialog.waitFor();
  problems.push(...(await axeProblems(page, 'open round dialog')));
  await page.keyboard.press('Escape');
  await roundDialog.waitFor({ state: 'hidden' });
  // A visit log's drawer (focus moves in, Escape closes it) and the form writing one.
  await page.goto('/visit-logs');
  await page.locator('tr.ant-table-row').first().click();
  const logDrawer = page.getByTestId('visit-log-drawer');
  await logDrawer.getByTestId('visit-log-text').waitFor();
  problems.push(...(await axeProblems(page, 'visit log drawer')));
  await page.keyboard.press('Escape');
  await logDrawer.waitFor({ state: 'hidden' });
  await page.goto('/visit-logs/new');
  await page.getByTestId('visit-log-form').waitFor();
  problems.push(...(await axeProblems(page, 'visit log form')));

  // The change-password dialog from the user menu. In CI a click on the menu's item has twice been followed by no
  // dialog (the menu still opening on a busy machine); openPasswordDialog tries again, from the menu's state then.
  const dialog = page.getByRole('dialog');
  const openPasswordDialog = async () => {
    const item = page.getByTestId('menu-change-password');
    for (let attempt = 1; ; attempt++) {
      if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
      await item.click();
      try {
        await dialog.waitFor({ timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  };
  await openPasswordDialog();
  problems.push(...(await axeProblems(page, 'change-password dialog')));
  // Focus is inside the dialog once it is open; Escape closes it and focus goes back to the user menu's button.
  const focusIn = (selector: string) =>
    page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);
  await expect.poll(() => focusIn('[role="dialog"]')).toBe(true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => focusIn('[data-testid="user-menu"]')).toBe(true);
  // Opened again, its close button closes it too. In CI a click landing while the dialog still zoomed in once left it
  // open for a minute: the click is tried again, as the opening is.
  await openPasswordDialog();
  for (let attempt = 1; ; attempt++) {
    if (await dialog.isVisible()) await page.locator('.ant-modal-close').click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await expect.poll(() => focusIn('[data-testid="user-menu"]')).toBe(true);

  expect(problems).toEqual([]);
  await page.context().close();
});

test('the skip link is the first thing the keyboard reaches and moves focus to the page’s main content', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'grid');
  await page.goto('/residents');
  await page.getByTestId('residents-table').waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-link');
  expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await skip.textContent()).toBe('跳到主要内容');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  await page.context().close();
});

test('pages with personal data carry a faint watermark with the user’s name and the time; the sign-in page does not', async () => {
  const page = await e2e.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').waitFor();
  expect(await page.getByTestId('watermark').count()).toBe(0);
  await signIn(page, 'admin');
  const me = (await apiGet(page, '/me')).data as { displayName: string };
  // Home shows figures, not persons.
  expect(await page.getByTestId('watermark').count()).toBe(0);

  await page.goto('/residents');
  const mark = page.getByTestId('watermark');
  await mark.waitFor({ state: 'attached' });
  const text = (await mark.getAttribute('data-text')) ?? '';
  expect(text).toContain(me.displayName);
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // Out of the way of the mouse and of screen readers, and drawn above the page.
  const style = await mark.evaluate((el) => {
    const s = getComputedStyle(el);
    return { pointerEvents: s.pointerEvents, image: s.backgroundImage, position: s.position };
  });
  expect(style.pointerEvents).toBe('none');
  expect(style.position).toBe('fixed');
  expect(decodeURIComponent(style.image)).toContain(me.displayName);
  expect(await mark.getAttribute('aria-hidden')).toBe('true');
  // A click lands on the page below it.
  await page.getByTestId('residents-table').locator('tbody tr.ww-clickable-row').first().click();
  await page.getByTestId('resident-drawer').waitFor();

  // Printed too.
  await page.emulateMedia({ media: 'print' });
  expect(await mark.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  await page.emulateMedia({ media: 'screen' });
  await page.context().close();
});

test('list pages have breadcrumbs from the menu’s groups; an administrator’s menu has no self-service pages', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'admin');
  await page.goto('/residents');
  const crumbs = page.getByTestId('breadcrumbs');
  await crumbs.waitFor();
  expect(await crumbs.locator('li:not(.ant-breadcrumb-separator)').allTextContents()).toEqual([
    '基础数据',
    '居民',
  ]);
  // A page reached from a menu page: the group and a link back to that page.
  const household = (await apiGet(page, '/residents?pageSize=1')).data[0] as { householdId: string };
  await page.goto(`/households/${household.householdId}`);
  await crumbs.getByRole('link', { name: '居民' }).waitFor();
  // Home has none.
  await page.goto('/');
  await page.getByTestId('user-name').waitFor();
  expect(await crumbs.count()).toBe(0);
  const paths = await menuPaths(page);
  expect(paths).not.toContain('/my-volunteering');
  expect(paths).not.toContain('/m/leader');
  await page.context().close();
});
