import { describe, expect, test } from 'vitest';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

describe('column settings follow the user', () => {
  test('columns hidden and moved in one browser are kept when signing in from another', async () => {
    const first = await e2e.newPage();
    await signIn(first, 'secretary');
    await first.goto('/residents');
    const table = first.getByTestId('residents-table');
    await table.locator('thead th', { hasText: '所属网格' }).first().waitFor();
    await first.getByTestId('column-settings-open').click();
    const settings = first.getByTestId('column-settings');
    const saved = first.waitForResponse(
      (r) => r.url().includes('/api/v1/me/preferences/columns.residents') && r.request().method() === 'PUT',
    );
    // A plain click, then the state polled: the box is controlled, and the list re-renders it from the cached
    // preferences a moment after the click (Playwright's uncheck() reads the state at once and may see it early).
    const gridBox = settings.getByRole('checkbox', { name: '所属网格' });
    await gridBox.click();
    await expect.poll(() => gridBox.isChecked()).toBe(false);
    expect((await saved).status()).toBe(200);
    await expect.poll(() => table.locator('thead th', { hasText: '所属网格' }).count()).toBe(0);
    // Age moved to the front: the order is kept too.
    for (let i = 0; i < 2; i++) {
      const movedUp = first.waitForResponse(
        (r) => r.url().includes('/me/preferences/') && r.request().method() === 'PUT',
      );
      await settings.getByRole('button', { name: 'age ↑' }).click();
      expect((await movedUp).status()).toBe(200);
    }
    const headers = async (page: typeof first) =>
      (await page.getByTestId('residents-table').locator('thead th').allTextContents()).map((h) => h.trim());
    const before = await headers(first);
    expect(before.indexOf('年龄')).toBeLessThan(before.indexOf('性别'));
    await first.context().close();

    // A fresh browser profile: nothing in its localStorage, the server remembers. The preferences come with the
    // session, once, so the list's first paint already has the saved columns: the hidden one never shows.
    const second = await e2e.newPage();
    await second.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seenHeaders: string[] }).seenHeaders = seen;
      new MutationObserver(() => {
        for (const th of document.querySelectorAll('[data-testid=residents-table] thead th')) {
          const text = th.textContent?.trim() ?? '';
          if (text && !seen.includes(text)) seen.push(text);
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const preferenceReads: string[] = [];
    second.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === '/api/v1/me/preferences') {
        preferenceReads.push(r.url());
      }
    });
    await signIn(second, 'secretary');
    expect(
      await second.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wuwei:columns'))),
    ).toEqual([]);
    await second.getByTestId('side-menu').getByRole('menuitem', { name: '居民' }).click();
    const table2 = second.getByTestId('residents-table');
    await table2.locator('thead th', { hasText: '年龄' }).first().waitFor();
    await expect.poll(() => headers(second)).toEqual(before);
    expect(await table2.locator('thead th', { hasText: '所属网格' }).count()).toBe(0);
    expect(
      await second.evaluate(() => (window as unknown as { seenHeaders: string[] }).seenHeaders),
    ).not.toContain('所属网格');
    expect(preferenceReads).toHaveLength(1);

    // Another account keeps its own columns.
    const other = await e2e.newPage();
    await signIn(other, 'worker');
    await other.goto('/residents');
    await other.getByTestId('residents-table').locator('thead th', { hasText: '所属网格' }).first().waitFor();
    await second.context().close();
    await other.context().close();
  });
});

describe('home for a user with several grids', () => {
  test('the branch secretary sees all the grids of its branch summed, switches to each, and reaches each fact sheet', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'branch');
    const all = (await apiGet(page, '/insights/overview')).data;
    expect(all.territory).toBeNull();
    // The grids of the secretary's branch (several: its post's scope, from the party demo).
    expect(all.places.length).toBeGreaterThanOrEqual(2);
    const each = await Promise.all(
      all.places.map(
        async (p: { id: string }) => (await apiGet(page, `/insights/overview?territoryId=${p.id}`)).data,
      ),
    );
    const sum = each.reduce((n: number, o: { figures: { residents: number } }) => n + o.figures.residents, 0);
    expect(all.figures.residents).toBe(sum);

    await page.goto('/');
    await expect
      .poll(() => page.getByTestId('dashboard-title').textContent())
      .toBe(`我的全部辖区（${all.places.length} 处）`);
    const residents = page.getByTestId('dashboard-figure-residents');
    await expect.poll(() => residents.textContent()).toContain(sum.toLocaleString('en-US'));
    // Both grids listed, each with its fact sheet.
    const children = page.getByTestId('dashboard-children');
    for (const place of all.places as { id: string; name: string }[]) {
      await children.getByRole('link', { name: place.name }).waitFor();
      expect(await children.locator(`a[href="/territories/${place.id}/fact-sheet"]`).count()).toBeGreaterThan(
        0,
      );
    }
    // The switch: each grid alone, then all again.
    const switcher = page.getByTestId('dashboard-place-switch');
    for (const [i, place] of (all.places as { id: string; name: string }[]).entries()) {
      await switcher.getByText(place.name, { exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('area') === place.id);
      await expect
        .poll(() => page.getByTestId('dashboard-title').textContent())
        .toBe(`${place.name} 辖区概况`);
      await expect
        .poll(() => residents.textContent())
        .toContain((each[i].figures.residents as number).toLocaleString('en-US'));
    }
    await switcher.getByText('全部', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('dashboard-title').textContent())
      .toBe(`我的全部辖区（${all.places.length} 处）`);
    await page.close();
  });
});
