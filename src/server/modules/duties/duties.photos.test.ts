import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { GPS_TEXT, jpegPhoto, webpPhoto } from '../../../../tests/support/photos.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { insertAccount } from '../accounts/accounts.factories.ts';
import { personOfUser } from '../people/people.public.ts';
import { raiseTask } from './duties.public.ts';
import { addDays } from './duties.service.ts';
import { dutyTaskPhotos, dutyTasks } from './duties.tables.ts';

type Node = { id: string; code: string; children: Node[] };

let t: TestApp;
let gridWorker: string;
let secretary: string;
let leader: string;
let outsideSecretary: string;
let gridUserId: string;
const today = shanghaiDay();
const system = { userId: null, name: 'test', role: null, requestId: 'test', ip: null, userAgent: null };

beforeAll(async () => {
  t = await createTestApp();
  [gridWorker, secretary, leader] = await Promise.all([
    t.login(DEMO_ACCOUNT.grid_worker),
    t.login(DEMO_ACCOUNT.community_secretary),
    t.login(DEMO_ACCOUNT.building_leader),
  ]);
  const admin = await t.login(DEMO_ACCOUNT.county_admin);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const outsideCommunity = tree[0]!.children[1]!.children[0]!;
  const outside = await insertAccount(t.db, testKeys, {
    username: 'outside-secretary',
    roles: [{ role: 'community_secretary', scopeKind: 'community', scopeIds: [outsideCommunity.id] }],
  });
  outsideSecretary = await t.login('outside-secretary', outside.password!);
  const [grid] = await rowsOf<{ id: string }>(t.db, sql`select id from users where username = 'grid'`);
  gridUserId = grid!.id;
});
afterAll(() => t.close());

/** A task asking for a photo, raised for the demo grid worker (in their grid, due in two days). */
async function photoTask(key: string, evidence: 'photo' | 'note' = 'photo') {
  const person = (await personOfUser(t.db, gridUserId))!;
  return t.db.transaction((tx) =>
    raiseTask(tx, system, {
      personId: person.id,
      title: '巡查楼道消防通道并拍照',
      dueOn: addDays(today, 2),
      evidence,
      sourceKey: `test:photo:${key}`,
    }),
  );
}

async function upload(taskId: string, bytes: Buffer, cookie: string, lang = 'zh') {
  const form = new FormData();
  form.set('taskId', taskId);
  form.set('photo', new File([new Uint8Array(bytes)], 'photo.jpg', { type: 'image/jpeg' }));
  const response = await t.app.request('/api/v1/duties/task-photos', {
    method: 'POST',
    body: form,
    headers: { cookie, 'accept-language': lang },
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

const photoOf = (taskId: string, cookie: string) =>
  t.app.request(`/api/v1/duties/tasks/${taskId}/photo`, { headers: { cookie } });
const complete = (taskId: string, cookie: string, note?: string) =>
  t.request('POST', `/api/v1/duties/tasks/${taskId}/complete`, { cookie, body: note ? { note } : {} });

async function auditRows(action: string, entityId: string) {
  return t.db
    .select({ changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

describe('a duty task that asks for a photo', () => {
  it('cannot be completed without one: 400 on field photo, in both languages, and nothing changes', async () => {
    const id = await photoTask('required');
    const refused = await complete(id, gridWorker, '已巡查');
    expect(refused.status, refused.text).toBe(400);
    expect(refused.json.error.details).toEqual([
      expect.objectContaining({ field: 'photo', code: 'evidence_required' }),
    ]);
    expect(refused.json.error.details[0].message).toMatch(/照片/);
    const english = await t.request('POST', `/api/v1/duties/tasks/${id}/complete`, {
      cookie: gridWorker,
      body: {},
      headers: { 'accept-language': 'en' },
    });
    expect(english.json.error.details[0].message).toMatch(/photo/i);
    const mine = (await t.request('GET', '/api/v1/duties/tasks/mine?view=week', { cookie: gridWorker })).json
      .data as { id: string; status: string; photo: boolean; evidence: string }[];
    expect(mine.find((x) => x.id === id)).toMatchObject({ status: 'open', photo: false, evidence: 'photo' });
    expect(await auditRows('duty_task.completed', id)).toHaveLength(0);
  });

  it('is completed once its assignee uploaded a photo: stored encrypted without metadata, audited, shown to holders and their community', async () => {
    const id = await photoTask('done');
    const photo = jpegPhoto(1600, 1200);
    const attached = await upload(id, photo, gridWorker);
    expect(attached.status, attached.text).toBe(200);
    expect(attached.json.data).toEqual({ taskId: id, contentType: 'image/jpeg', width: 1600, height: 1200 });
    const [row] = await t.db.select().from(dutyTaskPhotos).where(eq(dutyTaskPhotos.taskId, id));
    // Encrypted at rest: neither the image nor its (stripped) GPS text appears in the stored bytes.
    expect(row!.sealed.includes(Buffer.from('JFIF'))).toBe(false);
    expect(row!.sealed.includes(GPS_TEXT)).toBe(false);
    expect(await auditRows('duty_task.photo_attached', id)).toEqual([
      { changes: { photoType: 'image/jpeg', photoWidth: 1600, photoHeight: 1200 } },
    ]);

    const done = await complete(id, gridWorker);
    expect(done.status, done.text).toBe(200);
    expect(done.json.data).toMatchObject({ status: 'done', photo: true });
    expect((await auditRows('duty_task.completed', id))[0]!.changes).toMatchObject({ photo: true });

    for (const reader of [gridWorker, secretary]) {
      const served = await photoOf(id, reader);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('cache-control')).toBe('no-store');
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(bytes.includes(Buffer.from('JFIF'))).toBe(true);
      expect(bytes.includes(GPS_TEXT)).toBe(false);
    }
    // Done: the photo can no longer be replaced.
    expect((await upload(id, photo, gridWorker)).status).toBe(409);
  });

  it('answers 404 outside: another’s task to upload, a reader who neither holds it nor reads its community', async () => {
    const id = await photoTask('scope');
    expect((await upload(id, jpegPhoto(), leader)).status).toBe(404);
    expect((await upload(id, jpegPhoto(), secretary)).status).toBe(404);
    expect((await upload(id, webpPhoto(800, 600), gridWorker)).status).toBe(200);
    expect((await photoOf(id, leader)).status).toBe(404);
    expect((await photoOf(id, outsideSecretary)).status).toBe(404);
    expect((await photoOf(id, secretary)).status).toBe(200);
    const webp = await photoOf(id, gridWorker);
    expect(webp.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await webp.arrayBuffer()).includes(GPS_TEXT)).toBe(false);
    // No photo yet: 404 too.
    const bare = await photoTask('bare');
    expect((await photoOf(bare, gridWorker)).status).toBe(404);
  });

  it('a completion sent again with its client id (a phone’s queue after a lost answer) is answered once done; another is 409', async () => {
    const id = await photoTask('queued');
    const clientId = crypto.randomUUID();
    const send = (cookie: string, body: Record<string, unknown>) =>
      t.request('POST', `/api/v1/duties/tasks/${id}/complete`, { cookie, body });
    // The queue sends the photo first, then the completion.
    expect((await send(gridWorker, { clientId })).status).toBe(400);
    expect((await upload(id, jpegPhoto(), gridWorker)).status).toBe(200);
    const first = await send(gridWorker, { clientId, note: '已拍照' });
    expect(first.status, first.text).toBe(200);
    expect(first.json.data).toMatchObject({ id, status: 'done', photo: true, note: '已拍照' });
    const again = await send(gridWorker, { clientId, note: '已拍照' });
    expect(again.status, again.text).toBe(200);
    expect(again.json.data).toEqual(first.json.data);
    expect(await auditRows('duty_task.completed', id)).toHaveLength(1);
    // Another completion of the done task, by its holder without the id or with another, is still refused.
    expect((await send(gridWorker, {})).status).toBe(409);
    expect((await send(gridWorker, { clientId: crypto.randomUUID() })).status).toBe(409);
    // Someone else replaying the id learns nothing: not their task.
    expect((await send(leader, { clientId })).status).toBe(404);
    expect((await send(secretary, { clientId })).status).toBe(404);
    expect((await send(gridWorker, { clientId: 'not-a-uuid' })).status).toBe(400);
  });

  it('a completion queued offline is dated by the phone’s clock: on time when done before the due day, whenever it arrives', async () => {
    const id = await photoTask('offline-late', 'note');
    // The task began three days ago and was due the day before yesterday; the phone finished it then, offline.
    await t.db
      .update(dutyTasks)
      .set({ periodStart: addDays(today, -3), dueOn: addDays(today, -2) })
      .where(eq(dutyTasks.id, id));
    const send = (body: Record<string, unknown>) =>
      t.request('POST', `/api/v1/duties/tasks/${id}/complete`, { cookie: gridWorker, body });
    const refusals = [
      new Date(Date.now() + 3_600_000).toISOString(), // in the future
      `${addDays(today, -4)}T12:00:00+08:00`, // before the task began
    ];
    for (const doneAt of refusals) {
      const refused = await send({ clientId: crypto.randomUUID(), note: '已清理', doneAt });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.json.error.details).toEqual([
        expect.objectContaining({ field: 'doneAt', code: 'out_of_period' }),
      ]);
    }
    expect((await send({ note: '已清理', doneAt: 'yesterday' })).status).toBe(400);
    const [open] = await t.db.select().from(dutyTasks).where(eq(dutyTasks.id, id));
    expect(open).toMatchObject({ status: 'open', doneAt: null });
    const doneAt = `${addDays(today, -2)}T18:30:00+08:00`;
    const done = await send({ clientId: crypto.randomUUID(), note: '已清理', doneAt });
    expect(done.status, done.text).toBe(200);
    expect(done.json.data).toMatchObject({
      status: 'done',
      doneAt: new Date(doneAt).toISOString(),
      doneLate: false,
    });
    expect((await auditRows('duty_task.completed', id))[0]!.changes).toMatchObject({ late: false });
  });

  it('refuses what is not a photo, field by field, and stores nothing', async () => {
    const id = await photoTask('bad');
    const svg = await upload(id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), gridWorker, 'en');
    expect(svg.status).toBe(400);
    expect(svg.json.error.details).toEqual([
      expect.objectContaining({ field: 'photo', code: 'not_an_image' }),
    ]);
    const [row] = await t.db.select().from(dutyTaskPhotos).where(eq(dutyTaskPhotos.taskId, id));
    expect(row).toBeUndefined();
    expect(await auditRows('duty_task.photo_attached', id)).toHaveLength(0);
  });
});
