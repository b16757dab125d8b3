import { describe, expect, test } from 'vitest';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

type Org = { id: string; kind: string; name: string; counts: { members: number } };

describe('the party organisation', () => {
  test('a community secretary sees the tree of their community, opens a branch with its members, and the review queue', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const tree = (await apiGet(page, '/territories/tree')).data as { id: string }[];
    const community = tree[0]!.id;
    const orgs = (await apiGet(page, `/party/orgs?territoryId=${community}`)).data as Org[];
    const branch = orgs.find((o) => o.kind === 'branch' && o.counts.members > 0)!;

    await page.goto(`/party?community=${community}`);
    const treeView = page.getByTestId('party-tree');
    await treeView.getByText(branch.name, { exact: false }).first().click();
    await page.getByTestId('party-org').waitFor();
    expect(await page.getByTestId('party-org').textContent()).toContain(branch.name);
    await expect
      .poll(async () => page.getByTestId('party-members').locator('tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);

    await page.goto('/party/registrations');
    await page.getByTestId('party-registrations').waitFor();
    await page.context().close();
  });
});

describe('alliance units and registrations (双报到)', () => {
  test('a community secretary adds a unit to the alliance (a missing name shows on its field) and ends it', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'secretary');
    const tree = (await apiGet(page, '/territories/tree')).data as { id: string }[];
    const community = tree[0]!.id;
    await page.goto(`/party?community=${community}`);
    await page.getByTestId('alliance-unit-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('alliance-unit-save').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await dialog.getByTestId('alliance-unit-name').fill('测试驻区单位');
    await dialog.getByTestId('alliance-unit-contact').fill('0379-6123456');
    await dialog.getByTestId('alliance-unit-save').click();
    await dialog.waitFor({ state: 'detached' });
    const units = page.getByTestId('alliance-units');
    await units.getByText('测试驻区单位').waitFor();
    const item = units.locator('.ant-list-item', { hasText: '测试驻区单位' });
    await item.getByTestId('alliance-unit-end').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await units.getByText('测试驻区单位').waitFor({ state: 'detached' });
    const listed = (await apiGet(page, `/party/alliance-units?territoryId=${community}`)).data as {
      name: string;
    }[];
    expect(listed.map((u) => u.name)).not.toContain('测试驻区单位');
    await page.context().close();
  });

  test('a party member registers themself from their own account; the community transfers the registration, then deregisters it', async () => {
    const member = await e2e.newPage();
    await signIn(member, 'party');
    // Home offers the member's own pages first: their registration, from the party feature's manifest.
    const shortcuts = member.getByTestId('shortcuts');
    await shortcuts.locator('strong').first().waitFor();
    expect(await shortcuts.locator('strong').allTextContents()).toEqual([
      '我的报到',
      '我的志愿服务',
      '职责任务',
      '职责清单',
    ]);
    await shortcuts.getByRole('link', { name: /我的报到/ }).click();
    await member.waitForURL((url) => url.pathname === '/party/mine');
    const card = member.getByTestId('party-register-card');
    await card.waitFor();
    // The skills offered are the server's list (GET /party/registrations/skills).
    await card.getByTestId('party-register-skills').click();
    await member.locator('.ant-select-dropdown:visible').getByTitle('助老助残', { exact: true }).waitFor();
    await member.keyboard.press('Escape');
    await card.getByTestId('party-register-submit').click();
    await expect
      .poll(() => card.locator('.ant-form-item-explain-error').allTextContents())
      .toContain('请填写工作单位');
    await card.getByTestId('party-register-unit').fill('县测试局');
    await card.getByTestId('party-register-availability').fill('周末');
    await card.getByTestId('party-register-submit').click();
    await member.getByTestId('party-my-current').waitFor();
    expect(await member.getByTestId('party-my-current').textContent()).toContain('待审核');
    const [mine] = (await apiGet(member, '/party/registrations/mine')).data as { id: string; name: string }[];

    // The community transfers it to another of its communities' households (a new submission there)…
    const desk = await e2e.newPage();
    await signIn(desk, 'street');
    const tree = (await apiGet(desk, '/territories/tree')).data as {
      id: string;
      children: { id: string; name: string }[];
    }[];
    const target = tree[0]!.children[1]!;
    await desk.goto('/party/registrations');
    const row = desk.getByTestId('party-registrations').locator('tr', { hasText: mine!.name }).first();
    await row.getByTestId('party-transfer').click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByTestId('party-transfer-save').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await chooseOption(desk, dialog.getByTestId('party-transfer-community'), target.name);
    const household = dialog.getByTestId('party-transfer-household');
    await household.click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByTestId('party-transfer-save').click();
    await dialog.waitFor({ state: 'detached' });
    const after = (await apiGet(member, '/party/registrations/mine')).data as {
      id: string;
      status: string;
    }[];
    expect(after.find((r) => r.id === mine!.id)?.status).toBe('transferred');
    const moved = after.find((r) => r.status === 'submitted')!;
    expect(moved).toBeDefined();

    // …and deregisters the new one.
    await desk.reload();
    const movedRow = desk.getByTestId('party-registrations').locator('tr', { hasText: mine!.name }).first();
    await movedRow.getByTestId('party-deregister').click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect
      .poll(
        async () =>
          ((await apiGet(member, '/party/registrations/mine')).data as { id: string; status: string }[]).find(
            (r) => r.id === moved.id,
          )?.status,
      )
      .toBe('deregistered');
    await member.reload();
    await member.getByTestId('party-register-card').waitFor();
    await member.context().close();
    await desk.context().close();
  });
});
