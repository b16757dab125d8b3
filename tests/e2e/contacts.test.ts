import { expect, test } from 'vitest';
import { apiGet, chooseOption, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();

test('a community secretary reads the contact coverage, designates a central household, reviews the proposal and applies it', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'secretary');
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '联系挂包' }).click();
  await page.waitForURL((url) => url.pathname === '/contacts');
  await page.getByTestId('contacts-coverage').waitFor();
  const all = (await apiGet(page, '/contacts/coverage')).data as { communities: { id: string }[] };
  const communityId = all.communities[0]!.id;
  const coverage = (await apiGet(page, `/contacts/coverage?communityId=${communityId}`)).data as {
    total: { households: number };
  };
  expect(await page.getByTestId('contacts-stat-households').textContent()).toContain(
    coverage.total.households.toLocaleString(),
  );

  // Designate a party member's household as a central household (the first candidate).
  await page.getByRole('tab', { name: '党员中心户' }).click();
  await page.getByTestId('contacts-designate').click();
  const dialog = page.getByRole('dialog');
  const [candidate] = (
    await apiGet(page, `/contacts/central-households/candidates?communityId=${communityId}`)
  ).data as { name: string; buildingName: string; unitNumber: number; room: string }[];
  await chooseOption(
    page,
    dialog.locator('.ant-select').first(),
    `${candidate!.name} · ${candidate!.buildingName} ${candidate!.unitNumber}单元 ${candidate!.room}`,
  );
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('已认定').first().waitFor();

  // The proposal gives it the households nearest to it: review, apply, and the next proposal has nothing to change.
  await page.getByRole('tab', { name: '自动分配' }).click();
  const panel = page.getByTestId('contacts-proposal');
  await panel.getByText('党员中心户', { exact: true }).click();
  await panel.getByRole('button', { name: '生成分配方案' }).click();
  await page.getByTestId('contacts-proposal-rows').waitFor();
  const apply = page.getByTestId('contacts-apply');
  await expect.poll(() => apply.isEnabled()).toBe(true);
  await apply.click();
  await page.getByText(/已应用：新分配 \d+ 户/).waitFor();
  await page.getByText('方案与当前分配一致，无需调整').waitFor();

  // A household card names the household's contacts as the API has them.
  const [household] = (await apiGet(page, '/households?pageSize=1')).data as { id: string }[];
  const contacts = (await apiGet(page, `/households/${household!.id}/contacts`)).data as {
    gridWorkers: { name: string }[];
    leader: { name: string } | null;
    central: { name: string } | null;
  };
  await page.goto(`/households/${household!.id}`);
  const card = page.getByTestId('household-contacts');
  await card.locator('.ant-descriptions').waitFor();
  const text = await card.textContent();
  for (const name of [
    ...contacts.gridWorkers.map((w) => w.name),
    contacts.leader?.name,
    contacts.central?.name,
  ]) {
    if (name) expect(text).toContain(name);
  }
}, 120_000);

test('a community secretary assigns a household’s leader contact by hand from the list without one, then ends it on the household card', async () => {
  const page = await e2e.newPage();
  await signIn(page, 'secretary');
  await page.goto('/contacts');
  await page.getByTestId('contacts-coverage').waitFor();
  const all = (await apiGet(page, '/contacts/coverage')).data as { communities: { id: string }[] };
  const communityId = all.communities[0]!.id;
  // The demo gives nearly every household its leader contact: one household's is ended first, so that one is without.
  const [uncovered] = (
    await apiGet(page, `/contacts/uncovered?communityId=${communityId}&kind=leader&pageSize=1`)
  ).data as unknown[];
  if (!uncovered) {
    const [home] = (await apiGet(page, `/households?territoryId=${communityId}&kind=permanent&pageSize=1`))
      .data as {
      id: string;
    }[];
    const ended = await page.request.post(`/api/v1/households/${home!.id}/contacts/end`, {
      data: { kind: 'leader' },
    });
    expect(ended.status(), await ended.text()).toBeLessThan(300);
  }
  await page.getByRole('tab', { name: '无联系人住户' }).click();
  const list = page.getByTestId('contacts-uncovered');
  await list.waitFor();
  await page.locator('.ant-segmented-item', { hasText: /^楼栋长$/ }).click();
  const [first] = (
    await apiGet(page, `/contacts/uncovered?communityId=${communityId}&kind=leader&pageSize=1`)
  ).data as { householdId: string; buildingName: string }[];
  expect(first).toBeDefined();
  const { candidates } = (
    await apiGet(page, `/households/${first!.householdId}/contacts/candidates?kind=leader`)
  ).data as { candidates: { name: string; place: string; load: number; maxLoad: number }[] };
  const free = candidates.find((c) => c.load < c.maxLoad)!;
  expect(free).toBeDefined();
  await list.getByTestId('contacts-assign').first().click();
  const dialog = page.getByTestId('contact-assign-dialog');
  await dialog
    .getByText(/单元|室|\d/)
    .first()
    .waitFor();
  await chooseOption(page, dialog.locator('.ant-select').first(), `${free.name} · ${free.place}`);
  await dialog.getByRole('button', { name: '指定联系人' }).click();
  await page.getByText('已指定联系人').first().waitFor();
  const contacts = (await apiGet(page, `/households/${first!.householdId}/contacts`)).data as {
    leader: { name: string; source: string } | null;
  };
  expect(contacts.leader).toMatchObject({ name: free.name, source: 'manual' });

  // The household card names the leader (assigned by hand) and can end it.
  await page.goto(`/households/${first!.householdId}`);
  const card = page.getByTestId('household-contacts');
  await card.getByText(free.name).first().waitFor();
  await card.getByText('手动指定').waitFor();
  await card.getByTestId('contact-end-leader').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.getByText('已解除联系人').first().waitFor();
  await card.getByTestId('contact-assign-leader').waitFor();
  expect(
    ((await apiGet(page, `/households/${first!.householdId}/contacts`)).data as { leader: unknown }).leader,
  ).toBeNull();
}, 120_000);
