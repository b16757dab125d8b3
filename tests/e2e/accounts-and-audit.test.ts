import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

type TreeNode = { id: string; level: string; code: string; name: string; children: TreeNode[] };

const e2e = usePlatformAndBrowser();

async function openCreateDrawer(page: Page) {
  await page.goto('/accounts');
  await page.getByTestId('account-create-open').click();
  await page.getByTestId('account-username').waitFor();
}

test('an administrator creates a community secretary for one community, and the audit log shows who created whom', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'admin');
  const roots = ((await (await page.request.get('/api/v1/territories/tree')).json()) as { data: TreeNode[] })
    .data;
  const street = roots[0]!.children[0]!;
  const community = street.children.at(-1)!;
  const username = `sec${Date.now().toString(36)}`;

  await openCreateDrawer(page);
  await page.getByTestId('account-username').fill(username);
  await page.getByTestId('account-display-name').fill('钱书记');
  await page.getByTestId('account-mobile').fill('13912345678');
  await page.getByTestId('account-password').fill('Secretary-2025');
  await chooseOption(page, page.getByTestId('role-select-0'), '社区书记');
  // The scope kind follows the role: a community secretary has a community scope.
  await expect.poll(() => page.getByTestId('scope-kind-select-0').textContent()).toContain('社区');
  await chooseOption(page, page.getByTestId('scope-territory-0'), community.name);
  await page.getByTestId('account-submit').click();
  await page.getByTestId('account-create').waitFor({ state: 'hidden' });

  const row = page.getByTestId('accounts-table').locator('tr', { hasText: username });
  await row.waitFor();
  expect(await row.textContent()).toContain(`${community.name} · 社区书记`);
  expect(await row.textContent()).toContain('139****5678');

  await page.getByTestId('side-menu').getByRole('menuitem', { name: '审计日志' }).click();
  await page.waitForURL((url) => url.pathname === '/audit');
  const created = page.getByTestId('audit-table').locator('tr', { hasText: '新建账号' }).first();
  await created.waitFor();
  expect(await created.textContent()).toContain('县级管理员');
  expect(await created.textContent()).toContain(community.code);
  await created.getByRole('button').first().click();
  const changes = page.getByTestId('audit-changes').first();
  await changes.waitFor();
  const text = await changes.textContent();
  expect(text).toContain(username);
  expect(text).toContain('139****5678');
  expect(text).not.toContain('13912345678');
  await page.context().close();
});

test('a username the API reports as taken is marked on the username field', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'admin');
  await openCreateDrawer(page);
  await page.getByTestId('account-username').fill('admin');
  await page.getByTestId('account-display-name').fill('重复的人');
  await page.getByTestId('account-password').fill('Another-2025');
  await chooseOption(page, page.getByTestId('role-select-0'), '只读督查员');
  await page.getByTestId('account-submit').click();
  const usernameItem = page.locator('.ant-form-item', { has: page.getByTestId('account-username') });
  await usernameItem.locator('.ant-form-item-explain-error').waitFor();
  expect(await usernameItem.locator('.ant-form-item-explain-error').textContent()).toBe('用户名已被使用');
  expect(await page.getByTestId('form-error').textContent()).toContain('用户名已被使用');
  await page.context().close();
});

test('a new account must set its own password before using the platform, and the dialog cannot be dismissed', async () => {
  const admin = await e2e.newPage();
  await signIn(admin, 'admin');
  const username = `fresh${Date.now().toString(36)}`;
  const created = await admin.request.post('/api/v1/accounts', {
    data: {
      username,
      displayName: '新同志',
      password: 'First-pass-2025',
      roles: [{ role: 'inspector', scopeKind: 'all', scopeIds: [] }],
    },
  });
  expect(created.status()).toBe(201);
  await admin.context().close();

  const page = await e2e.newPage();
  // The API refuses everything but /me, the change and sign-out until then; the web app must not even ask.
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 403) refused.push(response.url());
  });
  await signIn(page, username, 'First-pass-2025');
  const dialog = page.getByRole('dialog').filter({ hasText: '首次登录或密码被重置后' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  // Long enough for a closing dialog to be gone: this one stays.
  await page.waitForTimeout(500);
  expect(await dialog.isVisible()).toBe(true);
  expect(await dialog.getByRole('button', { name: 'Close' }).count()).toBe(0);

  const inputs = dialog.locator('input[type=password]');
  await inputs.nth(0).fill('First-pass-2025');
  await inputs.nth(1).fill('short');
  await inputs.nth(2).fill('short');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // The password policy is the server's; its message lands under the new-password field.
  await dialog.getByText('密码长度须为 8 至 128 个字符').waitFor();

  await inputs.nth(1).fill('Second-pass-2025');
  await inputs.nth(2).fill('Second-pass-2025');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    data: { mustChangePassword: boolean };
  };
  expect(me.data.mustChangePassword).toBe(false);
  expect(refused).toEqual([]);
  await page.context().close();
});
