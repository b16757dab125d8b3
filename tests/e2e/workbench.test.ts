import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { cameraPhoto, jpegInfo } from '../support/photos.ts';
import { apiGet, DEMO_PASSWORD, signIn, usePlatformAndBrowser } from './support.ts';

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

/** Buildings whose households a journey of this file moved out (their visits are refused): others pick elsewhere. */
const movedOutIn = new Set<string>();

/** Records a visit "见到本人" of the household on the workbench's building view, with a photo if given. */
async function recordMet(page: Page, householdId: string, photo?: Buffer) {
  await page
    .locator(`[data-testid="workbench-household"][data-household-id="${householdId}"]`)
    .getByTestId('workbench-record')
    .click();
  const sheet = page.locator('.ant-drawer-open');
  await sheet.getByTestId('workbench-outcome-met').click();
  if (photo) {
    await sheet
      .getByTestId('workbench-photo')
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await sheet.getByTestId('workbench-photo-preview').waitFor();
  }
  await sheet.getByTestId('workbench-submit').click();
  await sheet.waitFor({ state: 'hidden' });
}

/** Writes a visit log (民情日志) about the household from the workbench's building view. */
async function writeLog(page: Page, householdId: string, text: string) {
  await page
    .locator(`[data-testid="workbench-household"][data-household-id="${householdId}"]`)
    .getByTestId('workbench-log')
    .click();
  const sheet = page.locator('.ant-drawer-open');
  await sheet.getByTestId('workbench-log-kind-opinion').click();
  await sheet.getByTestId('workbench-log-text').fill(text);
  await sheet.getByTestId('workbench-log-submit').click();
  await sheet.waitFor({ state: 'hidden' });
}

const logsAbout = async (page: Page, householdId: string) =>
  (await apiGet(page, `/visit-logs?householdId=${householdId}&pageSize=100`)).data as {
    id: string;
    text: string;
  }[];

/**
 * Cuts or restores the phone's connection. Chromium's offline emulation alone once let a request through on a
 * loaded machine while a service worker controlled the page (a visit reached the server "offline"), so the API is
 * also refused at the browser's edge meanwhile (context.route covers the service worker's requests too).
 */
async function connection(page: Page, online: boolean) {
  const context = page.context();
  if (online) {
    await context.unroute('**/api/v1/**');
    await context.setOffline(false);
  } else {
    await context.setOffline(true);
    await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  }
}

/** A fresh profile signed in through the API, for requests only (no page drawn: quicker than the form). */
async function session(username: string) {
  const page = await e2e.newPage();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status(), username).toBe(200);
  return page;
}

/** A daily duty item asking the community's grid workers for a photo, and today's tasks made from it. */
async function photoDuty(title: string) {
  const secretary = await session('secretary');
  const me = (await apiGet(secretary, '/me')).data as { roles: { scopeIds: string[] }[] };
  const added = await secretary.request.post('/api/v1/duties/items', {
    data: {
      communityId: me.roles[0]!.scopeIds[0],
      roleGroup: 'grid_worker',
      title,
      frequency: 'daily',
      evidence: 'photo',
    },
  });
  expect(added.status(), await added.text()).toBe(201);
  await secretary.context().close();
  const admin = await session('admin');
  const generated = await admin.request.post('/api/v1/duties/generate', { data: {} });
  expect(generated.status(), await generated.text()).toBe(200);
  await admin.context().close();
}

test('offline: a grid worker records visits, writes logs and completes a photo task without a connection; once it returns each is stored once, and what the server refuses shows under 未能提交', async () => {
  const taskTitle = `离线拍照任务 ${Date.now().toString(36)}`;
  await photoDuty(taskTitle);
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, 'grid');
  const task = (
    (await apiGet(phone, '/duties/tasks/mine?view=today')).data as { id: string; title: string }[]
  ).find((x) => x.title === taskTitle)!;
  expect(task).toBeDefined();
  const roundId = await openRound(phone);
  const buildings = (await apiGet(phone, `/rounds/${roundId}/buildings?pageSize=500`)).data as Building[];
  // The building with the most households still to visit (the grid's buildings may be village houses of 1–4).
  const building = buildings.reduce((a, b) => (b.pending > a.pending ? b : a), buildings[0]!);
  expect(building.pending).toBeGreaterThanOrEqual(2);
  const before = await householdsOf(phone, roundId, building.buildingId);
  const pending = before.filter((h) => h.state === 'pending');
  const chosen = pending.slice(0, Math.min(3, pending.length - 1));
  // One more household moves out while the phone is offline: its visit is refused (409) when sent.
  const leaving = pending[chosen.length]!;
  movedOutIn.add(building.buildingId);
  // What waits on the phone: each visit, the two logs and the photo task.
  const queued = String(chosen.length + 1 + 2 + 1);

  await phone.goto('/m/');
  // Today's tasks are loaded once (and kept on the phone) before the connection goes.
  await phone.getByRole('tab', { name: '今日' }).click();
  const todayTask = phone.getByTestId('workbench-today-task').filter({ hasText: taskTitle });
  await todayTask.waitFor();
  await phone.getByRole('tab', { name: '敲门走访' }).click();
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

  const photo = await cameraPhoto(phone);
  expect(jpegInfo(photo)).toEqual({ width: 3000, height: 2000, app1: true });
  await connection(phone, false);
  // The first visit is taken with a photo: kept (downsized) in the encrypted queue, sent after its visit.
  await recordMet(phone, chosen[0]!.householdId, photo);
  for (const h of [...chosen.slice(1), leaving]) await recordMet(phone, h.householdId);
  // Two logs (民情日志): one about a household, one about the household that moves out meanwhile.
  const stamp = Date.now().toString(36);
  await writeLog(phone, chosen[0]!.householdId, `离线日志 ${stamp}：希望加装扶手`);
  await writeLog(phone, leaving.householdId, `离线日志 ${stamp}：准备搬家`);
  // The photo task, done offline: refused in the sheet without its photo, queued with it.
  await phone.getByRole('tab', { name: '今日' }).click();
  await todayTask.getByTestId('workbench-task-do').click();
  const taskSheet = phone.locator('.ant-drawer-open');
  await taskSheet.getByTestId('workbench-task-submit').click();
  await taskSheet.getByTestId('workbench-task-photo-missing').waitFor();
  await taskSheet
    .getByTestId('workbench-task-photo')
    .setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: photo });
  await taskSheet.getByTestId('workbench-task-photo-preview').waitFor();
  await taskSheet.getByTestId('workbench-task-note').fill('消防通道畅通');
  await taskSheet.getByTestId('workbench-task-submit').click();
  await taskSheet.waitFor({ state: 'hidden' });
  await expect.poll(() => todayTask.textContent()).toContain('待提交');
  await phone.getByRole('tab', { name: '敲门走访' }).click();
  await expect.poll(() => phone.getByTestId('workbench-queued').textContent()).toContain(queued);
  await phone.getByTestId('workbench-offline').waitFor();
  // Without a connection the app opens again, from the service worker's cache and the lists kept on the phone,
  // with the visits still waiting.
  await phone.reload();
  await phone.getByTestId('workbench-offline').waitFor();
  await expect.poll(() => phone.getByTestId('workbench-queued').textContent()).toContain(queued);
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
  expect((await logsAbout(desk, chosen[0]!.householdId)).filter((l) => l.text.includes(stamp))).toEqual([]);
  const openTask = async () =>
    (
      (await apiGet(desk, '/duties/tasks/mine?view=today')).data as {
        id: string;
        status: string;
        photo: boolean;
      }[]
    ).find((x) => x.id === task.id);
  expect(await openTask()).toMatchObject({ status: 'open', photo: false });
  const movedOut = await desk.request.post(`/api/v1/households/${leaving.householdId}/move-out`, {
    data: { note: '整户搬离' },
  });
  expect(movedOut.status(), await movedOut.text()).toBe(204);

  const reconnectedAt = Date.now();
  await connection(phone, true);
  await phone.getByTestId('workbench-queued').waitFor({ state: 'hidden', timeout: 45_000 });
  const after = await householdsOf(desk, roundId, building.buildingId);
  for (const h of chosen) {
    const now = after.find((a) => a.householdId === h.householdId)!;
    expect(now.visits, h.householdId).toBe(h.visits + 1);
    expect(now.state).toBe('met');
  }
  // The photo followed its visit: downsized to 1600 px, without EXIF, served to a reader of the visit.
  const visits = (await apiGet(desk, `/households/${chosen[0]!.householdId}/visits?roundId=${roundId}`))
    .data as { id: string; photo: boolean }[];
  const withPhoto = visits.filter((v) => v.photo);
  expect(withPhoto).toHaveLength(1);
  const served = await desk.request.get(`/api/v1/round-visits/${withPhoto[0]!.id}/photo`);
  expect(served.status()).toBe(200);
  expect(served.headers()['cache-control']).toContain('no-store');
  expect(jpegInfo(await served.body())).toEqual({ width: 1600, height: 1067, app1: false });
  // The desk page of the round shows it in the household's visits.
  const shown = (
    await apiGet(desk, `/rounds/${roundId}/households?buildingId=${building.buildingId}&pageSize=500`)
  ).data.find((h: { householdId: string }) => h.householdId === chosen[0]!.householdId) as {
    room: string;
    buildingName: string;
  };
  await desk.goto(`/rounds/${roundId}`);
  await desk.getByRole('tab', { name: '住户清单' }).click();
  await desk.getByTestId('round-households').locator('tbody tr.ant-table-row').first().waitFor();
  // Its building's households (a room number alone matches one in most buildings of the round), paged on until its row.
  await desk.getByLabel('房号或地址').fill(shown.buildingName);
  await desk.keyboard.press('Enter');
  const table = desk.getByTestId('round-households');
  await expect
    .poll(() => table.locator('tbody tr.ant-table-row').allTextContents())
    .toSatisfy((rows: string[]) => rows.length > 0 && rows.every((r) => r.includes(shown.buildingName)));
  const row = table.locator(`tr[data-row-key="${chosen[0]!.householdId}"]`);
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        const next = table.locator('.ant-pagination-next:not(.ant-pagination-disabled)');
        if ((await next.count()) > 0) await next.click();
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  expect(await row.textContent()).toContain(shown.room);
  await row.getByTestId('round-household-visits-open').click();
  const image = desk.getByTestId('round-visit-photo');
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1600);
  await desk.keyboard.press('Escape');
  // The photo task is done, with its photo (downsized, without EXIF), and the phone's queue keeps nothing of it;
  // it is dated when it was done on the phone, before the connection came back, not when the server received it.
  const doneTask = (await apiGet(desk, '/duties/tasks/mine?view=done')).data.find(
    (x: { id: string }) => x.id === task.id,
  );
  expect(doneTask).toMatchObject({ status: 'done', photo: true, note: '消防通道畅通' });
  expect(Date.parse(doneTask.doneAt)).toBeLessThan(reconnectedAt);
  const taskPhoto = await desk.request.get(`/api/v1/duties/tasks/${task.id}/photo`);
  expect(taskPhoto.status()).toBe(200);
  expect(jpegInfo(await taskPhoto.body())).toEqual({ width: 1600, height: 1067, app1: false });
  // The log is stored once; the refused visit and log are kept, with the server's reason, under 未能提交.
  const logs = (await logsAbout(desk, chosen[0]!.householdId)).filter((l) => l.text.includes(stamp));
  expect(logs.map((l) => l.text)).toEqual([`离线日志 ${stamp}：希望加装扶手`]);
  await phone.getByTestId('workbench-tab-failed').click();
  await expect.poll(() => phone.getByTestId('workbench-failed').count()).toBe(2);
  const failed = await phone.getByTestId('workbench-failed').allTextContents();
  expect(failed.every((f) => f.includes('已迁出'))).toBe(true);
  expect(failed.some((f) => f.includes('民情日志'))).toBe(true);
  expect(after.find((a) => a.householdId === leaving.householdId)!.visits).toBe(leaving.visits);
  // Sending the queue again sends nothing twice.
  await phone.evaluate(() => window.dispatchEvent(new Event('online')));
  await phone.waitForTimeout(500);
  const again = await householdsOf(desk, roundId, building.buildingId);
  expect(again.map((h) => h.visits)).toEqual(after.map((h) => h.visits));
  expect((await logsAbout(desk, chosen[0]!.householdId)).filter((l) => l.text.includes(stamp))).toHaveLength(
    1,
  );
  await phone.context().close();
  await desk.context().close();
}, 300_000);

test('a grid worker on a phone records visits until a building is covered: its progress shows 100%', async () => {
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, 'grid');
  const roundId = await openRound(phone);
  const buildings = (await apiGet(phone, `/rounds/${roundId}/buildings?pageSize=500`)).data as Building[];
  // The building of the grid worker's with the fewest households still to visit.
  const building = buildings
    .filter((b) => b.pending > 0 && !movedOutIn.has(b.buildingId))
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
  // Back to the round by keyboard (the tabs pattern: arrows move between tabs), the round's list as it was left.
  await phone.getByRole('tab', { name: '今日' }).focus();
  await phone.keyboard.press('ArrowRight');
  await expect
    .poll(() => phone.getByRole('tab', { name: '敲门走访' }).getAttribute('aria-selected'))
    .toBe('true');
  expect(await phone.getByRole('tab', { name: '今日' }).getAttribute('aria-selected')).toBe('false');
  await expect.poll(() => phone.getByRole('tabpanel', { name: '今日' }).isHidden()).toBe(true);
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

/** Everything the workbench keeps on the device, as stored: localStorage and the raw IndexedDB records. */
async function deviceDump(page: Page) {
  return page.evaluate(async () => {
    const local = JSON.stringify({ ...localStorage });
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('wuwei-offline')) {
      return { local, names, keys: [] as string[], raw: '', extractable: null };
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('wuwei-offline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const all = <T>(store: string, what: 'getAll' | 'getAllKeys') =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store)[what]();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(new Error(String(req.error)));
      });
    const values = await all<{ iv: Uint8Array; data: ArrayBuffer }>('values', 'getAll');
    const keys = await all<string>('values', 'getAllKeys');
    const [device] = await all<{ key: CryptoKey }>('keys', 'getAll');
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const raw = values.map((v) => decoder.decode(v.data) + JSON.stringify(v)).join('\n');
    let exported = false;
    try {
      await crypto.subtle.exportKey('raw', device!.key);
      exported = true;
    } catch {
      // non-extractable, as it must be
    }
    db.close();
    return { local, names, keys, raw, extractable: device!.key.extractable || exported };
  });
}

test('what the workbench keeps on the phone is encrypted under a non-extractable key, and sign-out leaves nothing', async () => {
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, 'grid');
  const roundId = await openRound(phone);
  const buildings = (await apiGet(phone, `/rounds/${roundId}/buildings?pageSize=500`)).data as Building[];
  const building = buildings.find((b) => b.households > 0)!;
  const households = (
    await apiGet(phone, `/rounds/${roundId}/households?buildingId=${building.buildingId}&pageSize=500`)
  ).data as { room: string; members: { name: string }[] }[];
  const names = households.flatMap((h) => h.members.map((m) => m.name));
  expect(names.length).toBeGreaterThan(0);

  await phone.goto('/m/');
  await phone
    .locator(`[data-testid="workbench-building"][data-building-id="${building.buildingId}"]`)
    .click();
  await phone.getByTestId('workbench-household').first().waitFor();
  // The user, the open rounds, the buildings and this building's households are kept.
  await expect
    .poll(async () => (await deviceDump(phone)).keys.length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(4);
  const kept = await deviceDump(phone);
  expect(kept.keys.some((k) => k.includes(building.buildingId))).toBe(true);
  expect(kept.extractable).toBe(false);
  for (const text of [...names, building.buildingName, '网格员']) {
    expect(kept.raw, text).not.toContain(text);
    expect(kept.local, text).not.toContain(text);
  }
  expect(kept.local).not.toContain('wuwei.offline.');

  await phone.getByTestId('user-menu').click();
  await phone.getByTestId('menu-logout').click();
  await phone.waitForURL(/\/login/);
  await expect.poll(async () => (await deviceDump(phone)).names).not.toContain('wuwei-offline');
  expect((await deviceDump(phone)).local).not.toMatch(/wuwei\.offline\./);
  await phone.context().close();
});

/** Holds every API request of `page` until `release` is called (a phone's slow connection, made endless). */
async function holdApi(page: Page) {
  const held: import('playwright-core').Route[] = [];
  const hold = (route: import('playwright-core').Route) => void held.push(route);
  await page.route('**/api/v1/**', hold);
  return {
    count: () => held.length,
    release: async () => {
      await page.unroute('**/api/v1/**', hold);
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
    },
  };
}

test('the workbench opens on the copy the device kept before the server answers, never on another user’s or after signing out', async () => {
  const phone = await e2e.newPage(PHONE);
  // Signed in through the API (a session begun elsewhere): unlike the sign-in page, nothing binds the device to the
  // user before /m/ opens.
  const signedIn = await phone.request.post('/api/v1/auth/login', {
    data: { username: 'grid', password: DEMO_PASSWORD },
  });
  expect(signedIn.status()).toBe(200);
  const me = (await apiGet(phone, '/me')).data as { id: string; displayName: string };
  // The first visit on this device, as on a phone's network: the lists answer before /me (held here until the
  // round's buildings have come), so their copies wait for the device to be bound to the user instead of being lost.
  const heldMe: import('playwright-core').Route[] = [];
  const holdMe = (route: import('playwright-core').Route) => void heldMe.push(route);
  await phone.route('**/api/v1/me', holdMe);
  const buildingsAnswered = phone.waitForResponse((r) => /\/api\/v1\/rounds\/[^/]+\/buildings/.test(r.url()));
  await phone.goto('/m/');
  await buildingsAnswered;
  await expect.poll(() => heldMe.length).toBeGreaterThan(0);
  await phone.waitForTimeout(500);
  await phone.unroute('**/api/v1/me', holdMe);
  for (const route of heldMe.splice(0)) await route.continue().catch(() => undefined);
  const firstBuilding = phone.getByTestId('workbench-building').first();
  await firstBuilding.waitFor();
  const buildingName = (await firstBuilding.getByRole('button').first().textContent())!;
  // The user, the open rounds and the round's buildings are kept.
  await expect
    .poll(
      async () => {
        const keys = (await deviceDump(phone)).keys;
        return ['me', 'rounds:workbench:open', 'rounds:workbench:buildings:'].every((k) =>
          keys.some((key) => (k.endsWith(':') ? key.startsWith(k) : key === k)),
        );
      },
      { timeout: 15_000 },
    )
    .toBe(true);

  // Opened again with no answer from the server: the user and the buildings are drawn from the device's copy.
  let api = await holdApi(phone);
  await phone.goto('/m/');
  // The API is held until released below, so whatever is drawn comes from the device; the wait only allows for a
  // busy machine loading and drawing the page (over 5 s in one CI run at a load of 9).
  await firstBuilding.waitFor({ timeout: 30_000 });
  expect(await phone.getByTestId('user-name').textContent()).toBe(me.displayName);
  expect(await firstBuilding.getByRole('button').first().textContent()).toBe(buildingName);
  expect(api.count()).toBeGreaterThan(0);
  await api.release();

  // Signed out without the page's help (the device still holds grid's copy): nothing is drawn before the server
  // answers, and the sign-in page follows.
  expect((await phone.request.post('/api/v1/auth/logout')).status()).toBe(204);
  expect((await deviceDump(phone)).keys.length).toBeGreaterThanOrEqual(3);
  api = await holdApi(phone);
  await phone.goto('/m/');
  await expect.poll(() => api.count()).toBeGreaterThan(0);
  await phone.waitForTimeout(1_500);
  expect(await phone.getByTestId('user-name').count()).toBe(0);
  expect(await phone.getByTestId('workbench-building').count()).toBe(0);
  expect(await phone.content()).not.toContain(me.displayName);
  await api.release();
  await phone.waitForURL(/\/login/);

  // Someone else signs in on this browser without the page's help (grid's copy is still there): while /me is on its
  // way nothing of grid's is drawn; then the page is the other user's (a party member: no round).
  const other = await phone.request.post('/api/v1/auth/login', {
    data: { username: 'party', password: DEMO_PASSWORD },
  });
  expect(other.status()).toBe(200);
  const otherName = ((await other.json()) as { data: { displayName: string } }).data.displayName;
  expect((await deviceDump(phone)).keys.length).toBeGreaterThanOrEqual(3);
  api = await holdApi(phone);
  await phone.goto('/m/');
  await expect.poll(() => api.count()).toBeGreaterThan(0);
  await phone.waitForTimeout(1_500);
  expect(await phone.getByTestId('user-name').count()).toBe(0);
  expect(await phone.getByTestId('workbench-building').count()).toBe(0);
  expect(await phone.content()).not.toContain(me.displayName);
  await api.release();
  await expect.poll(() => phone.getByTestId('user-name').textContent()).toBe(otherName);
  expect(await phone.content()).not.toContain(buildingName);
  await phone.context().close();
});
