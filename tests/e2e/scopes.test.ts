import { expect, test } from 'vitest';
import { signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

/** A grid worker's menu: their desk pages and the map (基础数据), the organisation lists they may read (组织队伍). */
const GRID_WORKER_MENU = [
  '首页',
  '居民',
  '区域管理',
  '地图',
  '网格员',
  '楼栋长',
  '志愿者',
  '联系挂包',
  '职责清单',
  '职责任务',
  '移动工作台',
  '敲门行动',
  '民情日志',
];

test('a grid worker sees only their own grid, residents and map but no account or audit menu, and the 403 page for the accounts URL', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'grid');

  const menu = page.getByTestId('side-menu');
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual(GRID_WORKER_MENU);
  // Home's shortcuts: the grid worker's desk pages, from the features' manifests (read once home has drawn them).
  await page.getByTestId('shortcuts').locator('strong').first().waitFor();
  expect(await page.getByTestId('shortcuts').locator('strong').allTextContents()).toEqual([
    '移动工作台',
    '职责任务',
    '居民',
    '写民情日志',
    '敲门行动',
    '楼栋长',
    '联系挂包',
    '网格员',
    '民情日志',
    '志愿者',
    '职责清单',
    '地图',
    '区域管理',
  ]);
  const me = (
    (await (await page.request.get('/api/v1/me')).json()) as {
      data: { roles: { territories: { name: string; code: string }[] }[] };
    }
  ).data;
  const grid = me.roles[0]!.territories[0]!;
  expect(await page.getByTestId('scope-label').textContent()).toBe(`${grid.name} · 网格员`);

  await menu.getByRole('menuitem', { name: '区域管理' }).click();
  await page.waitForURL((url) => url.pathname === '/territory');
  const nodes = page.getByTestId('territory-tree').getByTestId('territory-node');
  await nodes.first().waitFor();
  expect(await nodes.count()).toBe(1);
  expect(await nodes.first().getAttribute('data-code')).toBe(grid.code);
  expect(await page.getByTestId('territory-add-child').count()).toBe(0);

  for (const path of ['/accounts', '/audit', '/import']) {
    await page.goto(path);
    await page.getByTestId('forbidden-page').waitFor();
    expect(await page.getByTestId('side-menu').getByRole('menuitem').allTextContents()).toEqual(
      GRID_WORKER_MENU,
    );
  }

  await page.goto('/no-such-page');
  await page.getByTestId('not-found-page').waitFor();
  await page.context().close();
});

test('a resident without desk permissions sees only the home page, with their role and scope', async () => {
  const page = await e2e.newPage({ width: 390, height: 844 });
  await signIn(page, 'resident');
  expect(await page.getByTestId('scope-label').textContent()).toBe('本人 · 居民');
  expect(await page.getByTestId('my-roles').textContent()).toContain('居民');
  // The one page a resident has is on home too.
  const shortcuts = page.getByTestId('shortcuts');
  await shortcuts.locator('strong').first().waitFor();
  expect(await shortcuts.locator('strong').allTextContents()).toEqual(['我的志愿服务']);
  expect(await shortcuts.getByRole('link').getAttribute('href')).toBe('/my-volunteering');
  // On a phone the menu lives in a drawer behind the header button.
  await page.getByTestId('menu-toggle').click();
  const menu = page.getByTestId('side-menu');
  await menu.waitFor();
  expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['首页', '我的志愿服务']);
  await page.goto('/territory');
  await page.getByTestId('forbidden-page').waitFor();
  await page.context().close();
});
