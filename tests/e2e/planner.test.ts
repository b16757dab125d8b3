import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems } from './axe.ts';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

/**
 * The grid planner's page (网格优化, issue 12): a community secretary plans their community, reads the measures
 * and the map, moves a building (picking a neighbouring grid, then dragging it back), applies the plan and finds
 * the new grid count on the territory page; roles without planner:apply get neither the button nor the write.
 */

const e2e = usePlatformAndBrowser();

type Node = { id: string; code: string; name: string; level: string; children: Node[] };
type MapBuilding = { id: string; name: string; households: number; grid: string; neighbours: string[] };

/** Polls until the value matches, on a busy machine for up to 20 s. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

const measure = (page: Page, key: string, column = 'proposal') =>
  page.getByTestId(`planner-measure-${key}-${column}`);

// The longest journey of the suite (a plan, single, dragged and multiple moves, each recomputing the measures, the
// apply, the notifications on a phone): 127 s at a CI load of 9 passed the default 120 s, and its apply, landing
// after, made the next test's plan stale. 240 s.
test('a community secretary plans their community, moves a building, applies the plan and sees the new grids', async () => {
  const page = await e2e.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, 'secretary');
  const community = ((await apiGet(page, '/territories/tree')).data as Node[])[0]!;
  expect(community.level).toBe('community');
  const gridsToday = community.children.length;

  await page.getByTestId('side-menu').getByRole('menuitem', { name: '网格优化' }).click();
  await page.waitForURL((url) => url.pathname === '/planner');
  await poll(() =>
    page.getByTestId('breadcrumbs').locator('li:not(.ant-breadcrumb-separator)').allTextContents(),
  ).toEqual(['基础数据', '网格优化']);
  // The place is the secretary's community; plan one grid more than today, adjusting today's grids.
  await poll(() => page.getByTestId('planner-form').textContent()).toContain(community.name);
  await page.getByTestId('planner-form').getByText('指定网格数').click();
  await page.getByLabel('网格数', { exact: true }).fill(String(gridsToday + 1));
  await page.getByTestId('planner-start').click();
  await page.waitForURL((url) => /^\/planner\/[0-9a-f-]{36}$/.test(url.pathname));
  const proposalId = new URL(page.url()).pathname.split('/').pop()!;

  // The measures against today's, the map with every proposed grid and building.
  await page.getByTestId('planner-measures').waitFor();
  expect(await measure(page, 'grids', 'today').textContent()).toBe(String(gridsToday));
  expect(await measure(page, 'grids').textContent()).toBe(String(gridsToday + 1));
  expect(await measure(page, 'discontiguousGrids').textContent()).toBe('0');
  const map = (await apiGet(page, `/planner/proposals/${proposalId}/map`)).data as {
    buildings: MapBuilding[];
  };
  const mapBox = page.getByTestId('planner-map');
  await poll(() => mapBox.locator('.ww-plan-b').count()).toBe(map.buildings.length);
  expect(await mapBox.locator('path.ww-plan-grid').count()).toBe(gridsToday + 1);

  // Move a building to a neighbouring grid by picking it: the measures change at once. A move the server refuses
  // (it would split the grid left) shows the server's message; the next candidate is tried.
  const candidates = map.buildings.filter((b) => b.neighbours.length > 0 && b.households > 0);
  expect(candidates.length).toBeGreaterThan(0);
  // The proposal's column of the measures table: some measure changes with any move.
  const column = () =>
    page
      .getByTestId('planner-measures')
      .locator('[data-testid$="-proposal"]')
      .allTextContents()
      .then((texts) => texts.join(' | '));
  const before = await column();
  let moved: { building: MapBuilding; from: string; to: string } | null = null;
  for (const b of candidates) {
    // Markers may overlap: the click goes to the marker itself.
    await mapBox.locator(`.ww-plan-b-${b.id}`).dispatchEvent('click');
    await page.getByTestId('planner-selected').waitFor();
    const target = page.getByTestId('planner-move-target');
    await target.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    const post = page.waitForResponse((r) => r.url().endsWith(`/planner/proposals/${proposalId}/moves`));
    await page.getByTestId('planner-move').click();
    const response = await post;
    if (response.status() === 200) {
      const to = (
        (await apiGet(page, `/planner/proposals/${proposalId}/map`)).data as { buildings: MapBuilding[] }
      ).buildings.find((x) => x.id === b.id)!.grid;
      expect(b.neighbours).toContain(to);
      moved = { building: b, from: b.grid, to };
      break;
    }
    expect(response.status()).toBe(409);
    const text = (await response.json()).error.details[0].message as string;
    await poll(() => page.getByTestId('planner-move-error').textContent()).toContain(text);
  }
  expect(moved).not.toBeNull();
  await poll(column).not.toBe(before);
  const changed = await column();

  // Drag it back onto a building of the grid it came from: the measures are the proposal's first ones again.
  const { building, from } = moved!;
  const home = (
    (await apiGet(page, `/planner/proposals/${proposalId}/map`)).data as { buildings: MapBuilding[] }
  ).buildings.find((x) => x.grid === from && x.id !== building.id)!;
  await poll(() => mapBox.locator(`.ww-plan-b-${building.id}`).count()).toBe(1);
  // The map in the middle of the window: a marker near its top edge is not under the sticky header.
  await mapBox.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const start = (await mapBox.locator(`.ww-plan-b-${building.id}`).boundingBox())!;
  const end = (await mapBox.locator(`.ww-plan-b-${home.id}`).boundingBox())!;
  const back = page.waitForResponse((r) => r.url().endsWith(`/planner/proposals/${proposalId}/moves`));
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 4, start.y + start.height / 2 + 4, { steps: 2 });
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
  expect((await back).status()).toBe(200);
  await poll(column).toBe(before);
  expect(changed).not.toBe(before);

  // Several at once: with "多选楼栋" on, clicks add buildings to the selection; two of one grid that border the same
  // grid move there in one step (a pair the server refuses shows why, naming the building; the next is tried).
  await page.getByTestId('planner-multi').click();
  // The building selected before stays selected; a click takes it out again.
  await mapBox.locator(`.ww-plan-b-${building.id}`).dispatchEvent('click');
  await page.getByTestId('planner-selected').waitFor({ state: 'detached' });
  const now = (
    (await apiGet(page, `/planner/proposals/${proposalId}/map`)).data as { buildings: MapBuilding[] }
  ).buildings;
  const pairs = now.flatMap((a) =>
    now
      .filter((b) => b.id > a.id && b.grid === a.grid && b.neighbours.some((g) => a.neighbours.includes(g)))
      .map((b) => [a, b] as const),
  );
  expect(pairs.length).toBeGreaterThan(0);
  let together: string | null = null;
  for (const [a, b] of pairs.slice(0, 12)) {
    await mapBox.locator(`.ww-plan-b-${a.id}`).dispatchEvent('click');
    await mapBox.locator(`.ww-plan-b-${b.id}`).dispatchEvent('click');
    const panel = page.getByTestId('planner-selected-many');
    await poll(() => panel.textContent()).toContain(`已选 2 栋楼，共 ${a.households + b.households} 户`);
    await panel.getByTestId('planner-move-target').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    const post = page.waitForResponse((r) => r.url().endsWith(`/planner/proposals/${proposalId}/moves`));
    await panel.getByTestId('planner-move').click();
    const response = await post;
    if (response.status() === 200) {
      const after = (
        (await apiGet(page, `/planner/proposals/${proposalId}/map`)).data as { buildings: MapBuilding[] }
      ).buildings;
      const [ga, gb] = [a, b].map((x) => after.find((y) => y.id === x.id)!.grid);
      expect(ga).toBe(gb);
      expect(ga).not.toBe(a.grid);
      together = ga!;
      break;
    }
    expect(response.status()).toBe(409);
    await poll(() => panel.getByTestId('planner-move-error').textContent()).toMatch(
      new RegExp(`${a.name}|${b.name}`),
    );
    await panel.getByRole('button', { name: '清空选择' }).click();
  }
  expect(together).not.toBeNull();
  await page.getByTestId('planner-multi').click();

  // The grids table and the changes; the page has no serious accessibility problem and fits a phone.
  await page.getByRole('tab', { name: /^网格/ }).click();
  await page.getByTestId('planner-grids').locator('tbody tr.ant-table-row').first().waitFor();
  expect(await page.getByTestId('planner-grids').locator('tbody tr.ant-table-row').count()).toBe(
    gridsToday + 1,
  );
  expect(await axeProblems(page, 'proposal page')).toEqual([]);
  await page.getByTestId('planner-view').getByText('并排对比').click();
  await page.getByTestId('planner-map-other').locator('path.ww-plan-grid').first().waitFor();
  expect(await page.getByTestId('planner-map-other').locator('path.ww-plan-grid').count()).toBe(gridsToday);
  expect(await measure(page, 'grids', 'today').textContent()).toBe(String(gridsToday));
  await page.setViewportSize({ width: 375, height: 812 });
  await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1366, height: 860 });

  // Apply: the dialog says what will happen; the grids page then counts one grid more.
  await page.getByTestId('planner-apply').click();
  const dialog = page.getByTestId('planner-apply-dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('新建 1 个网格');
  await page.getByTestId('planner-apply-confirm').click();
  await poll(() => page.getByTestId('planner-status').textContent()).toBe('已应用');
  expect(await page.getByTestId('planner-apply').count()).toBe(0);
  const again = await page.request.post(`/api/v1/planner/proposals/${proposalId}/apply`);
  expect(again.status()).toBe(409);

  await page.getByTestId('side-menu').getByRole('menuitem', { name: '区域管理' }).click();
  await page.waitForURL((url) => url.pathname === '/territory');
  await poll(() => page.getByTestId('territory-count-grids').textContent()).toBe(String(gridsToday + 1));
  // The secretary applied it: no news of their own act. The street's administrator is told: the bell shows it,
  // and opening it leads to the proposal and marks it read.
  const told = (list: { data: { link: string | null }[] }) =>
    list.data.some((n) => n.link === `/planner/${proposalId}`);
  expect(told(await apiGet(page, '/me/notifications'))).toBe(false);
  const street = await e2e.newPage();
  await signIn(street, 'street');
  await street.getByTestId('notification-bell').locator('.ww-bell-count').waitFor();
  await street.getByTestId('notification-bell').click();
  const note = street.getByTestId('notification').filter({ hasText: '网格调整已生效' }).first();
  await note.waitFor();
  expect(await note.getAttribute('data-unread')).toBe('true');
  expect(await axeProblems(street, 'notifications')).toEqual([]);
  await note.click();
  await street.waitForURL((url) => url.pathname === `/planner/${proposalId}`);
  await poll(async () => told(await apiGet(street, '/me/notifications?unread=true'))).toBe(false);
  expect(told(await apiGet(street, '/me/notifications'))).toBe(true);
  await street.context().close();

  // The grid worker of a changed grid hears of it on the phone workbench: the header's bell opens the notifications
  // under it, and one leads to their grid on the map.
  const phone = await e2e.newPage({ width: 390, height: 844 });
  await signIn(phone, 'grid');
  const news = (await apiGet(phone, '/me/notifications')) as {
    unread: number;
    data: { link: string | null; title: { 'zh-CN': string } }[];
  };
  const mine = news.data.find((n) => n.link?.startsWith('/map?node='));
  expect(mine, JSON.stringify(news.data)).toBeDefined();
  await phone.goto('/m/');
  const bell = phone.getByTestId('notification-bell');
  await poll(() => bell.locator('.ww-bell-count').textContent()).toBe(String(news.unread));
  await bell.click();
  const panel = phone.getByTestId('notifications');
  await panel.getByTestId('notification').first().waitFor();
  expect(await axeProblems(phone, 'phone notifications')).toEqual([]);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await panel.getByTestId('notification').filter({ hasText: mine!.title['zh-CN'] }).first().click();
  await phone.waitForURL((url) => url.pathname === '/map' && url.search === mine!.link!.slice(4));
  await poll(async () => ((await apiGet(phone, '/me/notifications')) as { unread: number }).unread).toBe(
    news.unread - 1,
  );
  await phone.context().close();
  await page.context().close();
}, 240_000);

test('a stale proposal is refused with an offer to plan again; another community’s proposal answers 404', async () => {
  const page = await e2e.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, 'secretary');
  const community = ((await apiGet(page, '/territories/tree')).data as Node[])[0]!;
  const first = await page.request.post('/api/v1/planner/proposals', {
    data: { territoryId: community.id, timeLimitMs: 1000 },
  });
  expect(first.status()).toBe(201);
  const stale = (await first.json()).data as { id: string };
  const second = await page.request.post('/api/v1/planner/proposals', {
    data: {
      territoryId: community.id,
      mode: 'fresh',
      gridCount: community.children.length + 1,
      timeLimitMs: 1000,
    },
  });
  const fresh = (await second.json()).data as { id: string };
  expect((await page.request.post(`/api/v1/planner/proposals/${fresh.id}/apply`)).status()).toBe(200);

  // The first proposal was made before the grids changed: applying it is refused, and planning again opens a new one.
  await page.goto(`/planner/${stale.id}`);
  await page.getByTestId('planner-apply').click();
  // The refusal itself first (on a busy machine it can take a while; a wrong answer says which it was).
  const refusal = page.waitForResponse((r) => r.url().endsWith(`/planner/proposals/${stale.id}/apply`), {
    timeout: 90_000,
  });
  await page.getByTestId('planner-apply-confirm').click();
  expect((await refusal).status()).toBe(409);
  await poll(() => page.getByTestId('planner-apply-error').textContent()).toContain('请重新生成方案');
  await page.getByTestId('planner-replan').click();
  await page.waitForURL(
    (url) => /^\/planner\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(stale.id),
  );
  await page.getByTestId('planner-measures').waitFor();

  // A proposal of another street's community, made by the county administrator, is not the secretary's.
  const admin = await e2e.newPage();
  await signIn(admin, 'admin');
  const county = ((await apiGet(admin, '/territories/tree')).data as Node[])[0]!;
  const elsewhere = county.children[1]!.children[0]!;
  const theirs = await admin.request.post('/api/v1/planner/proposals', {
    data: { territoryId: elsewhere.id, timeLimitMs: 1000 },
  });
  expect(theirs.status()).toBe(201);
  const theirsId = ((await theirs.json()).data as { id: string }).id;
  expect((await page.request.post(`/api/v1/planner/proposals/${theirsId}/apply`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/planner/proposals/${theirsId}/map`)).status()).toBe(404);
  await page.goto(`/planner/${theirsId}`);
  await page.getByRole('alert').filter({ hasText: '找不到' }).waitFor();
  await admin.context().close();
  await page.context().close();
});

test('roles without planner:apply see no planner and may not apply: a community worker and a grid worker', async () => {
  const secretary = await e2e.newPage();
  await signIn(secretary, 'secretary');
  const community = ((await apiGet(secretary, '/territories/tree')).data as Node[])[0]!;
  const made = await secretary.request.post('/api/v1/planner/proposals', {
    data: { territoryId: community.id, timeLimitMs: 1000 },
  });
  const id = ((await made.json()).data as { id: string }).id;
  for (const username of ['worker', 'grid']) {
    const page = await e2e.newPage();
    await signIn(page, username);
    const items = await page.getByTestId('side-menu').getByRole('menuitem').allTextContents();
    expect(items).not.toContain('网格优化');
    await page.goto(`/planner/${id}`);
    await page.getByTestId('forbidden-page').waitFor();
    expect(await page.getByTestId('planner-apply').count()).toBe(0);
    const apply = await page.request.post(`/api/v1/planner/proposals/${id}/apply`);
    expect(apply.status(), username).toBe(403);
    expect((await apply.json()).error.code).toBe('FORBIDDEN');
    const moved = await page.request.post(`/api/v1/planner/proposals/${id}/moves`, {
      data: { buildingId: '01900000-0000-7000-8000-000000000001', toGrid: 'x' },
    });
    expect(moved.status(), username).toBe(403);
    await page.context().close();
  }
  // The proposal is still a draft.
  expect(((await apiGet(secretary, `/planner/proposals/${id}`)).data as { status: string }).status).toBe(
    'draft',
  );
  await secretary.context().close();
});

test('barrier lines: drawn on the map with a kind and a name, listed, then deleted', async () => {
  const page = await e2e.newPage();
  page.setDefaultTimeout(30_000);
  await signIn(page, 'secretary');
  await page.goto('/planner');
  const panel = page.getByTestId('planner-barriers');
  await panel.waitFor();
  // The page (form, proposals, barriers) has no serious accessibility problem and fits a phone.
  await page.getByTestId('planner-barrier-map').locator('path.ww-plan-grid').first().waitFor();
  expect(await axeProblems(page, 'planner page')).toEqual([]);
  await page.setViewportSize({ width: 375, height: 812 });
  await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1366, height: 860 });
  const barrierMap = page.getByTestId('planner-barrier-map');
  await barrierMap.scrollIntoViewIfNeeded();
  await page.getByTestId('planner-barrier-draw').click();
  const box = (await barrierMap.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.dblclick(box.x + box.width * 0.7, box.y + box.height * 0.6);
  await page.getByTestId('planner-barrier-form').waitFor();
  // The kind: a click on the option can land while the list is still opening, so it is repeated until chosen.
  const kind = page.getByTestId('planner-barrier-form').locator('.ant-select');
  const river = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="河流"]');
  await poll(async () => {
    if ((await kind.textContent())?.includes('河流')) return true;
    if ((await river.count()) === 0) await kind.click();
    await river.click({ timeout: 2_000 }).catch(() => undefined);
    return (await kind.textContent())?.includes('河流') ?? false;
  }).toBe(true);
  await page.getByTestId('planner-barrier-name').fill('清水河');
  await page.getByTestId('planner-barrier-save').click();
  const list = page.getByTestId('planner-barrier-list');
  await list.getByText('清水河').waitFor();
  expect(await list.locator('tbody tr.ant-table-row').first().textContent()).toContain('河流');
  expect(await barrierMap.locator('path.ww-plan-line-river').count()).toBe(1);
  await page.getByTestId('planner-barrier-delete').first().click();
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await list.getByText('清水河').waitFor({ state: 'detached' });
  await page.context().close();
});
