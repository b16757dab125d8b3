import { expect, test } from 'vitest';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

test('a community secretary reads the coverage board, prints a building’s contact cards, and a resident scans the QR code', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'secretary');
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '组织覆盖' }).click();
  await page.waitForURL((url) => url.pathname === '/coverage');
  await page.getByTestId('coverage-buildingsWithoutLeader').waitFor();
  const board = (await apiGet(page, '/coverage')).data as {
    buildingsWithoutLeader: { total: number; rows: { id: string; households: number }[] };
  };
  const shown = await page.getByTestId('coverage-buildingsWithoutLeader').textContent();
  expect(shown).toContain(board.buildingsWithoutLeader.total.toLocaleString());

  // A building's cards, one per household, from the first building of a grid's fact sheet.
  const tree = (await apiGet(page, '/territories/tree')).data as {
    id: string;
    level: string;
    children: never[];
  }[];
  const grid = (tree[0]!.children as { id: string; level: string }[])[0]!;
  await page.goto(`/territories/${grid.id}/fact-sheet`);
  const cardsLink = page.getByTestId('fact-sheet-buildings').getByRole('link', { name: '联系卡' }).first();
  await cardsLink.click();
  await page.waitForURL((url) => /^\/buildings\/[^/]+\/cards$/.test(url.pathname));
  const buildingId = new URL(page.url()).pathname.split('/')[2]!;
  // Opened afresh, the page asks for its cards alongside the session check, not after it (the route's prefetch).
  await page.reload();
  await page.getByTestId('service-card').first().waitFor();
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const path = (e: PerformanceResourceTiming) => new URL(e.name).pathname;
    return {
      cardsAsked: entries.find((e) => path(e).endsWith('/service-cards'))?.startTime ?? Infinity,
      meAnswered: entries.find((e) => path(e) === '/api/v1/me')?.responseEnd ?? -Infinity,
    };
  });
  expect(timing.cardsAsked).toBeLessThan(timing.meAnswered);
  const cards = (await apiGet(page, `/buildings/${buildingId}/service-cards`)).data as {
    pagePath: string;
    households: unknown[];
    leaders: { name: string }[];
  };
  const building = { households: cards.households.length };
  await page.getByTestId('service-card').first().waitFor();
  expect(await page.getByTestId('service-card').count()).toBe(building.households);
  // Every card shows the building's QR code, drawn once and decoded as an image.
  await page.waitForFunction(
    (n) =>
      Array.from(
        document.querySelectorAll<HTMLImageElement>('[data-testid="service-card"] img.ww-org-qr'),
      ).filter((img) => img.complete && img.naturalWidth > 0).length === n,
    building.households,
  );
  if (cards.leaders[0]) {
    expect(await page.getByTestId('service-card').first().textContent()).toContain(cards.leaders[0].name);
  }

  // Printed, the cards come four to an A4 page.
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(Math.ceil(building.households / 4));

  // The whole grid's set: every building's cards at once, each building on new sheets.
  await page.goto(`/territories/${grid.id}/fact-sheet`);
  await page.getByTestId('fact-sheet-cards-set').click();
  await page.waitForURL((url) => url.pathname === `/territories/${grid.id}/cards`);
  const set = (await apiGet(page, `/territories/${grid.id}/service-cards`)).data as {
    households: number;
    buildings: { households: unknown[] }[];
  };
  await page.getByTestId('place-cards-page').waitFor();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="service-card"]').length === n,
    set.households,
  );
  const setPdf = await page.pdf({ format: 'A4' });
  const setPages = (setPdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(setPages).toBe(set.buildings.reduce((n, b) => n + Math.ceil(b.households.length / 4), 0));

  // The QR code's page opens without signing in, on a phone.
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await phone.goto(cards.pagePath);
  // Not any heading: the loading skeleton draws an <h3> of its own.
  await phone
    .getByTestId('building-page')
    .getByRole('heading', { name: /服务人员/ })
    .waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await phone.goto(`${cards.pagePath.slice(0, -1)}x`);
  await phone.getByText('该二维码无效或楼栋已不存在').waitFor();
});

test('the county administrator sets the grid workers’ load limit once, and the coverage board uses it', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'admin');
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '系统设置' }).click();
  await page.waitForURL((url) => url.pathname === '/settings');
  const card = page.getByTestId('setting-people.maxWorkerLoad');
  await card.waitFor();
  expect(await card.textContent()).toContain('使用默认值');
  const input = card.getByRole('spinbutton', { name: '网格员负责户数上限' });
  await input.fill('260');
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').waitFor();
  expect(await card.textContent()).toContain('最近修改');
  const saved = (await apiGet(page, '/settings')).data as { key: string; value: number }[];
  expect(saved.find((s) => s.key === 'people.maxWorkerLoad')?.value).toBe(260);

  await page.getByTestId('side-menu').getByRole('menuitem', { name: '组织覆盖' }).click();
  await page.waitForURL((url) => url.pathname === '/coverage');
  await page.getByTestId('coverage-buildingsWithoutLeader').waitFor();
  await expect
    .poll(() => page.getByRole('spinbutton', { name: '网格员负荷上限（户）' }).inputValue())
    .toBe('260');
  await page.context().close();
});

test('appointing a grid worker with a mobile number another account has: the number’s field says so, and nothing is made', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'secretary');
  type Node = { name: string; level: string; children: Node[] };
  const gridsOf = (nodes: Node[]): string[] =>
    nodes.flatMap((n) => (n.level === 'grid' ? [n.name] : gridsOf(n.children)));
  const grid = gridsOf((await apiGet(page, '/territories/tree')).data as Node[])[0]!;
  const mobile = '19912340001';
  const appoint = async (name: string) => {
    await page.getByRole('button', { name: '任命网格员' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新登记（非本辖区居民）' });
    await dialog.getByText('新登记（非本辖区居民）').click();
    await dialog.getByRole('textbox', { name: '姓名' }).fill(name);
    await dialog.getByRole('textbox', { name: '手机号' }).fill(mobile);
    await chooseOption(page, dialog.getByTestId('grid-picker'), grid);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    return dialog;
  };
  await page.goto('/grid-workers');
  await page.getByTestId('grid-workers-table').waitFor();

  // The first appointment opens the new worker's account with the number.
  await appoint('号码甲');
  await page.getByText('已任命“号码甲”').waitFor();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /知道了|确\s*定|OK/ })
    .first()
    .click();

  // A second new person with the same number: refused under the number, the dialog stays open with what was typed.
  const dialog = await appoint('号码乙');
  await dialog.getByText('手机号已被其他账号使用').waitFor();
  expect(await dialog.getByRole('textbox', { name: '姓名' }).inputValue()).toBe('号码乙');
  const workers = (await apiGet(page, `/grid-workers?q=${encodeURIComponent('号码')}&pageSize=50`)).data as {
    name: string;
  }[];
  expect(workers.map((w) => w.name)).toEqual(['号码甲']);
  await page.context().close();
});
