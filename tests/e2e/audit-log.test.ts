import { expect, test } from 'vitest';
import { maskPersonName } from '../../src/server/core/auth/personal-data.ts';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

/** The audit log in plain words, as an official reads it in Chinese. */

const e2e = usePlatformAndBrowser();

const relationNames: Record<string, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  in_law: '媳婿',
  tenant: '租户',
  other: '其他',
};

test('an administrator reads who changed which resident and how, in Chinese, and opens the entry', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'admin');
  const resident = (await apiGet(page, '/residents?pageSize=1')).data[0] as {
    id: string;
    name: string;
    relation: string;
    address: string;
  };
  const next = resident.relation === 'spouse' ? 'child' : 'spouse';
  const edited = await page.request.patch(`/api/v1/residents/${resident.id}`, { data: { relation: next } });
  expect(edited.status()).toBe(200);

  await page.goto('/audit');
  await chooseOption(page, page.getByTestId('audit-action-filter'), '修改居民');
  const row = page
    .getByTestId('audit-table')
    .locator('tr', { hasText: maskPersonName(resident.name) })
    .first();
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  // The action and the object type by name, the resident by masked name, the actor with role.
  expect(text).toContain('修改居民');
  expect(text).toContain('居民');
  expect(text).toContain('县级管理员');
  expect(text).not.toContain('resident.updated');
  if (Array.from(resident.name).length > 1) expect(text).not.toContain(resident.name);

  await row.getByTestId('audit-open').click();
  const drawer = page.getByTestId('audit-detail');
  await drawer.waitFor();
  const changes = (await page.getByTestId('audit-changes').textContent()) ?? '';
  expect(changes).toContain('与户主关系');
  expect(changes).toContain(`${relationNames[resident.relation]} → ${relationNames[next]}`);
  expect(changes).not.toContain('relation');

  // The demo seed reads as the system, not as a raw name.
  // Closed by its close button (Escape only reaches it once focus is inside), and gone before the next click.
  await page.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: /重\s*置/ }).click();
  await chooseOption(page, page.getByTestId('audit-action-filter'), '生成演示数据');
  const seeded = page.getByTestId('audit-table').locator('tr', { hasText: '生成演示数据' }).first();
  await seeded.waitFor();
  expect(await seeded.textContent()).toContain('系统（演示数据）');
  await page.context().close();
});
