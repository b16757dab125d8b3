import { describe, expect, test } from 'vitest';
import { signIn, usePlatformAndBrowser } from './support.ts';

type TreeNode = { id: string; level: string; code: string; name: string; children: TreeNode[] };

const e2e = usePlatformAndBrowser();

describe('signing in', () => {
  test('a wrong password shows the server’s message on the login form and stays there', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  test('after repeated wrong passwords the form counts down and keeps the button disabled until it may be tried', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    const submit = page.getByTestId('login-submit');
    const error = page.getByTestId('login-error');
    for (let i = 0; i < 6; i++) {
      await page.getByTestId('login-username').fill('merchant');
      await page.getByTestId('login-password').fill(`wrong-password-${i}`);
      await submit.click();
      await error.waitFor();
      if (await submit.isDisabled()) break;
    }
    expect(await submit.isDisabled()).toBe(true);
    const first = (await error.textContent()) ?? '';
    expect(first).toMatch(/请 \d+ 秒后再试/);
    expect(await submit.textContent()).toMatch(/\d+ 秒后可再次登录/);
    // The count goes down.
    const seconds = (text: string) => Number(/(\d+) 秒/.exec(text)?.[1]);
    await page.waitForFunction(
      (start) =>
        Number(/(\d+) 秒/.exec(document.querySelector('[data-testid=login-error]')?.textContent ?? '')?.[1]) <
        start,
      seconds(first),
      { timeout: 5_000 },
    );
    await page.context().close();
  });

  test('a county administrator is sent to the login page, comes back to the territory tree with the county and its streets, finds a community and signs out', async () => {
    const page = await e2e.newPage();
    await page.goto('/territory');
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/territory',
    );

    await signIn(page, 'admin');
    await page.waitForURL((url) => url.pathname === '/territory');
    expect(await page.getByTestId('scope-label').textContent()).toBe('全县 · 县级管理员');

    // What the tree must show, from the API as this user.
    const roots = (
      (await (await page.request.get('/api/v1/territories/tree')).json()) as { data: TreeNode[] }
    ).data;
    const county = roots[0]!;
    expect(county.level).toBe('county');
    expect(county.children.length).toBeGreaterThan(0);

    const tree = page.getByTestId('territory-tree');
    const nodeNamed = (code: string) => tree.locator(`[data-testid=territory-node][data-code="${code}"]`);
    await nodeNamed(county.code).waitFor();
    expect(await nodeNamed(county.code).textContent()).toContain(county.name);
    for (const street of county.children) {
      expect(await nodeNamed(street.code).textContent()).toContain(street.name);
    }
    expect(await page.getByTestId('territory-detail-name').textContent()).toBe(county.name);

    // Searching a community by name keeps only its branch, opens it and marks the match.
    const street = county.children.at(-1)!;
    const community = street.children[0]!;
    const otherStreet = county.children.find(
      (s) => s.id !== street.id && !s.children.some((c) => c.name.includes(community.name)),
    );
    await tree.getByRole('searchbox').or(tree.locator('input')).first().fill(community.name);
    await nodeNamed(community.code).waitFor();
    expect(await nodeNamed(community.code).locator('mark').textContent()).toBe(community.name);
    if (otherStreet) await nodeNamed(otherStreet.code).waitFor({ state: 'detached' });

    await nodeNamed(community.code).click();
    await page.waitForURL((url) => url.searchParams.get('node') === community.id);
    await expect.poll(() => page.getByTestId('territory-detail-name').textContent()).toBe(community.name);
    const breadcrumb = await page.getByTestId('territory-breadcrumb').textContent();
    expect(breadcrumb).toContain(county.name);
    expect(breadcrumb).toContain(street.name);
    expect(await page.getByTestId('territory-count-grids').textContent()).toBe(
      String(community.children.length),
    );

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(401);
    await page.context().close();
  });
});

describe('language', () => {
  test('switching to English changes the menu, the server’s error messages and survives a reload', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('still-wrong');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain('Wrong username or password');

    await signIn(page, 'admin');
    const menu = page.getByTestId('side-menu');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Home',
      'Residents',
      'Import',
      'Territory',
      'Map',
      'Grid planner',
      'Grid workers',
      'Building leaders',
      'Coverage',
      'Volunteers',
      'Contacts',
      'Duty lists',
      'Party organisation',
      'Registrations',
      'Duty tasks',
      'Phone workbench',
      'Door-knocking',
      'Visit logs',
      'Accounts',
      'Audit log',
      'Settings',
    ]);
    expect(await page.getByTestId('scope-label').textContent()).toBe('Whole county · County administrator');

    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('side-menu').getByRole('menuitem').first().textContent()).toBe('Home');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    // Home loads its dashboard after the first paint; a click while it arrives can be lost.
    await page.getByTestId('dashboard-figure-residents').waitFor();

    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expect
      .poll(() => page.getByTestId('side-menu').getByRole('menuitem').allTextContents())
      .toEqual([
        '首页',
        '居民',
        '导入',
        '区域管理',
        '地图',
        '网格优化',
        '网格员',
        '楼栋长',
        '组织覆盖',
        '志愿者',
        '联系挂包',
        '职责清单',
        '党组织',
        '双报到',
        '职责任务',
        '移动工作台',
        '敲门行动',
        '民情日志',
        '账号管理',
        '审计日志',
        '系统设置',
      ]);
    await page.context().close();
  });
});
