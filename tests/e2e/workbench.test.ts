import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { apiGet, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();
const PHONE = { width: 375, height: 812 };

type Building = { buildingId: string; buildingName: string; households: number; pending: number };
type Household = { householdId: string; state: string; visits: number };

async function openRound(page: Page): Promise<string> {
  const rounds = (await apiGet(page, '/rounds?status=open')).data as { id: string }[];
  expect(rounds.length).toBeGreaterThan(0);
  return rounds[0]!.id;
}

const householdsOf = async (page: Page, roundId: string, buildingId: string) =>
  (await apiGet(page, `/rounds/${roundId}/households?buildingId=${buildingId}&pageSize=500`))
    .data as Household[];

/** Records a visit "见到本人" of the household on the workbench's building view. */
async function recordMet(page: Page, householdId: string) {
  await page
    .locator(`[data-testid="workbench-household"][data-household-id="${householdId}"]`)
    .getByTestId('workbench-record')
    .click();
  const sheet = page.locator('.ant-drawer-open');
  await sheet.getByTestId('workbench-outcome-met').click();
  await sheet.getByTestId('workbench-submit').click();
  await sheet.waitFor({ state: 'hidden' });
}

test('offline: a grid worker records visits without a connection; once it returns each is stored once, and one the server refuses shows under 未能提交', async () => {
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, 'grid');
  const roundId = await openRound(phone);
  const buildings = (await apiGet(phone, `/rounds/${roundId}/buildings?pageSize=500`)).data as Building[];
  const building = buildings.find((b) => b.pending >= 4)!;
  expect(building).toBeDefined();
  const before = await householdsOf(phone, roundId, building.buildingId);
  const pending = before.filter((h) => h.state === 'pending');
  const chosen = pending.slice(0, 3);
  // A fourth household moves out while the phone is offline: its visit is refused (409) when sent.
  const leaving = pending[3]!;

  await phone.goto('/m/');
  await phone
    .locator(`[data-testid="workbench-building"][data-building-id="${building.buildingId}"]`)
    .click();
  await phone.getByTestId('workbench-household').first().waitFor();
  // The service worker is installed and holds the shell and this page's files.
  await phone.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  await phone.context().setOffline(true);
  for (const h of [...chosen, leaving]) await recordMet(phone, h.householdId);
  await expect.poll(() => phone.getByTestId('workbench-queued').textContent()).toContain('4');
  await phone.getByTestId('workbench-offline').waitFor();
  // Without a connection the app opens again, from the service worker's cache and the lists kept on the phone,
  // with the three visits still waiting.
  await phone.reload();
  await phone.getByTestId('workbench-offline').waitFor();
  await expect.poll(() => phone.getByTestId('workbench-queued').textContent()).toContain('4');
  await phone
    .locator(`[data-testid="workbench-building"][data-building-id="${building.buildingId}"]`)
    .waitFor();
  // Nothing reached the server (a second profile asks it).
  const desk = await e2e.newPage();
  await signIn(desk, 'grid');
  const meanwhile = await householdsOf(desk, roundId, building.buildingId);
  for (const h of chosen) {
    expect(meanwhile.find((m) => m.householdId === h.householdId)!.visits).toBe(h.visits);
  }
  const movedOut = await desk.request.post(`/api/v1/households/${leaving.householdId}/move-out`, {
    data: { note: '整户搬离' },
  });
  expect(movedOut.status(), await movedOut.text()).toBe(204);

  await phone.context().setOffline(false);
  await phone.getByTestId('workbench-queued').waitFor({ state: 'hidden', timeout: 45_000 });
  const after = await householdsOf(desk, roundId, building.buildingId);
  for (const h of chosen) {
    const now = after.find((a) => a.householdId === h.householdId)!;
    expect(now.visits, h.householdId).toBe(h.visits + 1);
    expect(now.state).toBe('met');
  }
  // The refused visit is kept, with the server's reason, under 未能提交.
  await phone.getByTestId('workbench-tab-failed').click();
  await expect.poll(() => phone.getByTestId('workbench-failed').textContent()).toContain('已迁出');
  expect(after.find((a) => a.householdId === leaving.householdId)!.visits).toBe(leaving.visits);
  // Sending the queue again sends nothing twice.
  await phone.evaluate(() => window.dispatchEvent(new Event('online')));
  await phone.waitForTimeout(500);
  const again = await householdsOf(desk, roundId, building.buildingId);
  expect(again.map((h) => h.visits)).toEqual(after.map((h) => h.visits));
  await phone.context().close();
  await desk.context().close();
});

test('a grid worker on a phone records visits until a building is covered: its progress shows 100%', async () => {
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, 'grid');
  const roundId = await openRound(phone);
  const buildings = (await apiGet(phone, `/rounds/${roundId}/buildings?pageSize=500`)).data as Building[];
  // The building of the grid worker's with the fewest households still to visit.
  const building = buildings
    .filter((b) => b.pending > 0)
    .sort((a, b) => a.pending - b.pending || a.buildingId.localeCompare(b.buildingId))[0]!;
  expect(building).toBeDefined();

  await phone.goto('/m/');
  // Today's tab: the worker's duty tasks of today (as the API has them) and the visit log to write.
  const today = (await apiGet(phone, '/duties/tasks/mine?view=today')).data as { status: string }[];
  await phone.getByRole('tab', { name: '今日' }).click();
  await phone.getByTestId('workbench-write-log').waitFor();
  const open = today.filter((task) => task.status !== 'done').length;
  await expect
    .poll(() => phone.getByTestId('workbench-today').textContent())
    .toContain(`今日任务（${open} 项待办）`);
  await phone.getByRole('tab', { name: '敲门走访' }).click();
  const card = phone.locator(`[data-testid="workbench-building"][data-building-id="${building.buildingId}"]`);
  await card.click();
  await phone.getByTestId('workbench-household').first().waitFor();
  for (let i = 0; i < building.pending; i++) {
    const pending = phone
      .getByTestId('workbench-household')
      .filter({ has: phone.getByTestId('workbench-household-state').filter({ hasText: '待走访' }) });
    const id = await pending.first().getAttribute('data-household-id');
    await recordMet(phone, id!);
    // The list follows once the visit is stored.
    await expect
      .poll(
        () =>
          phone
            .locator(`[data-testid="workbench-household"][data-household-id="${id}"]`)
            .getByTestId('workbench-household-state')
            .textContent(),
        { timeout: 30_000 },
      )
      .toBe('已见面');
  }
  await expect
    .poll(() => phone.getByTestId('workbench-household-progress').textContent(), { timeout: 30_000 })
    .toContain('100%');
  const covered = (await apiGet(phone, `/rounds/${roundId}/buildings?pageSize=500`)).data as Building[];
  expect(covered.find((b) => b.buildingId === building.buildingId)).toMatchObject({ pending: 0 });
  // Back on the list of buildings, the building shows 100%.
  await phone.getByRole('button', { name: /返回楼栋列表/ }).click();
  await expect
    .poll(() => card.getByTestId('workbench-building-progress').textContent(), { timeout: 30_000 })
    .toContain('100%');
  await phone.context().close();
});
