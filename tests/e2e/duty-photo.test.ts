import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { cameraPhoto, jpegInfo, jpegPhoto } from '../support/photos.ts';
import { apiGet, DEMO_PASSWORD, signIn, usePlatformAndBrowser } from './support.ts';

const e2e = usePlatformAndBrowser();
const PHONE = { width: 375, height: 812 };

type Task = { id: string; title: string; status: string; evidence: string; photo: boolean };

/** Sends a photo as the user of `page` for the task (multipart, as the tasks page does). */
const upload = (page: Page, taskId: string, photo: Buffer) =>
  page.request.post('/api/v1/duties/task-photos', {
    multipart: { taskId, photo: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo } },
  });

/** A fresh profile signed in through the API, for requests only (no page drawn: quicker than the form). */
async function session(username: string) {
  const page = await e2e.newPage();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status(), username).toBe(200);
  return page;
}

const myTask = async (page: Page, view: string, title: string) =>
  ((await apiGet(page, `/duties/tasks/mine?view=${view}`)).data as Task[]).find(
    (task) => task.title === title,
  );

test('a grid worker completes a duty task that needs a photo: refused without it (the field says why), done with one; the supervisor sees the photo, others do not', async () => {
  const stamp = Date.now().toString(36);
  const title = `检查楼道消防通道并拍照 ${stamp}`;
  // The community secretary adds a daily item asking grid workers for a photo; the county generates today's tasks.
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
  const admin = await session('admin');
  const generated = await admin.request.post('/api/v1/duties/generate', { data: {} });
  expect(generated.status(), await generated.text()).toBe(200);
  expect((await generated.json()).data.created).toBeGreaterThan(0);

  // The grid worker goes from the phone workbench's today tab to the tasks page and opens it.
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, 'grid');
  const task = (await myTask(phone, 'today', title))!;
  expect(task).toMatchObject({ status: 'open', evidence: 'photo', photo: false });
  await phone.goto('/m/');
  await phone.getByRole('tab', { name: '今日' }).click();
  await phone.getByTestId('workbench-today').getByRole('link', { name: '全部任务' }).click();
  await phone.waitForURL(/\/tasks$/);
  const card = phone.getByTestId('duty-task').filter({ hasText: title });
  await card.getByRole('button', { name: /完\s?成/ }).click();
  const dialog = phone.locator('.ant-modal').filter({ hasText: `完成任务：${title}` });
  await dialog.getByTestId('duty-task-photo-online').waitFor();

  // Without a photo the dialog refuses, and so does the server, on the field `photo` with its reason.
  await dialog.getByRole('button', { name: /完\s?成/ }).click();
  await phone.locator('.ant-message').getByText('此任务须先上传现场照片').waitFor();
  await expect(dialog.isVisible()).resolves.toBe(true);
  const refused = await phone.request.post(`/api/v1/duties/tasks/${task.id}/complete`, { data: {} });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.details).toEqual([
    { field: 'photo', code: 'evidence_required', message: '该任务须上传现场照片后才能完成' },
  ]);
  expect((await myTask(phone, 'today', title))!.status).toBe('open');

  // Others cannot attach a photo to it: a building leader and a branch secretary hold tasks but not this one (404),
  // a resident holds no tasks at all (403).
  for (const [username, status] of [
    ['leader', 404],
    ['branch', 404],
    ['resident', 403],
  ] as const) {
    const other = await session(username);
    const attempt = await upload(other, task.id, jpegPhoto());
    expect(attempt.status(), `${username}: ${await attempt.text()}`).toBe(status);
    await other.context().close();
  }

  // With a photo from the camera (3000 × 2000, a GPS position in its EXIF) the task is done.
  const photo = await cameraPhoto(phone);
  expect(jpegInfo(photo)).toEqual({ width: 3000, height: 2000, app1: true });
  await dialog
    .getByTestId('duty-task-photo-input')
    .setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photo });
  await dialog.getByTestId('duty-task-photo-preview').waitFor();
  await dialog.getByRole('button', { name: /完\s?成/ }).click();
  await phone.locator('.ant-message').getByText('任务已完成').waitFor();
  await dialog.waitFor({ state: 'hidden' });
  const done = (await myTask(phone, 'done', title))!;
  expect(done).toMatchObject({ id: task.id, status: 'done', photo: true });
  // The worker's done list shows it with its photo, downsized on the phone.
  await phone.locator('.ant-segmented').getByText('已完成', { exact: true }).click();
  const image = phone.getByTestId('duty-task').filter({ hasText: title }).getByTestId('duty-task-photo');
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1600);
  // Once done, its photo cannot be replaced.
  expect((await upload(phone, task.id, jpegPhoto())).status()).toBe(409);

  // The supervisor (the community secretary, reading the task board of the community) sees the photo: downsized,
  // without its EXIF, never cached.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const board = (await apiGet(secretary, `/duties/tasks?status=done&from=${today}&to=${today}&limit=500`))
    .data as Task[];
  expect(board.find((b) => b.id === task.id)).toMatchObject({ title, photo: true });
  const served = await secretary.request.get(`/api/v1/duties/tasks/${task.id}/photo`);
  expect(served.status()).toBe(200);
  expect(served.headers()['cache-control']).toContain('no-store');
  expect(served.headers()['content-type']).toBe('image/jpeg');
  const bytes = await served.body();
  expect(jpegInfo(bytes)).toEqual({ width: 1600, height: 1067, app1: false });
  expect(bytes.toString('latin1')).not.toContain('GPSLatitude');
  // Those who neither hold the task nor read the board of its place do not (404), nor does a resident (403).
  for (const [username, status] of [
    ['leader', 404],
    ['party', 404],
    ['resident', 403],
  ] as const) {
    const other = await session(username);
    const read = await other.request.get(`/api/v1/duties/tasks/${task.id}/photo`);
    expect(read.status(), username).toBe(status);
    await other.context().close();
  }
  for (const page of [phone, secretary, admin]) await page.context().close();
}, 240_000);
