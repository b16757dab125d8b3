import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { jpegPhoto, pngPhoto, webpPhoto } from '../../../../tests/support/photos.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog } from '../../core/auth/auth.tables.ts';
import { rowsOf } from '../../core/db/bulk.ts';
import { newId } from '../../core/db/ids.ts';
import { checkPhoto } from '../../core/photos/photo-check.ts';

type Household = { householdId: string; state: string };

let t: TestApp;
let admin: string;
let gridWorker: string;
let leader: string;
let roundId: string;
/** Visits recorded for the tests: the grid worker's, and the administrator's in another street. */
let myVisit: string;
let otherVisit: string;
let outsideVisit: string;

async function upload(
  visitId: string,
  bytes: Buffer,
  cookie: string,
  options: { type?: string; lang?: string; name?: string } = {},
) {
  const form = new FormData();
  form.set('visitId', visitId);
  form.set(
    'photo',
    new File([new Uint8Array(bytes)], options.name ?? 'photo.jpg', { type: options.type ?? 'image/jpeg' }),
  );
  const response = await t.app.request('/api/v1/rounds/visit-photos', {
    method: 'POST',
    body: form,
    headers: { cookie, 'accept-language': options.lang ?? 'zh' },
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

const photoOf = (visitId: string, cookie: string) =>
  t.app.request(`/api/v1/round-visits/${visitId}/photo`, { headers: { cookie } });

async function recordVisit(cookie: string, householdId: string) {
  const response = await t.request('POST', `/api/v1/rounds/${roundId}/visits`, {
    cookie,
    body: { clientId: newId(), householdId, outcome: 'met' },
  });
  expect(response.status, response.text).toBe(201);
  return response.json.data.id as string;
}

async function pendingOf(cookie: string) {
  const list = await t.request('GET', `/api/v1/rounds/${roundId}/households?pageSize=50&state=pending`, {
    cookie,
  });
  expect(list.status, list.text).toBe(200);
  return list.json.data as Household[];
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, gridWorker, leader] = await Promise.all([
    t.login(DEMO_ACCOUNT.county_admin),
    t.login(DEMO_ACCOUNT.grid_worker),
    t.login(DEMO_ACCOUNT.building_leader),
  ]);
  const open = await t.request('GET', '/api/v1/rounds?status=open', { cookie: gridWorker });
  roundId = (open.json.data as { id: string }[])[0]!.id;
  const mine = await pendingOf(gridWorker);
  myVisit = await recordVisit(gridWorker, mine[0]!.householdId);
  // The administrator's visit of a household of the grid worker's: in scope, but not the worker's own.
  otherVisit = await recordVisit(admin, mine[1]!.householdId);
  // A visit in another street: outside the grid worker's scope.
  const mineIds = new Set(mine.map((h) => h.householdId));
  const [outside] = await rowsOf<{ household_id: string }>(
    t.db,
    sql`select rh.household_id from round_households rh
      where rh.round_id = ${roundId}::uuid and rh.state = 'pending' and not exists (
        select 1 from territories st, round_households mine
        where st.level = 'street' and mine.round_id = rh.round_id
          and mine.household_id = ${mine[0]!.householdId}::uuid
          and mine.territory_code like st.code || '%' and rh.territory_code like st.code || '%')
      order by rh.territory_code, rh.household_id limit 1`,
  );
  expect(mineIds.has(outside!.household_id)).toBe(false);
  outsideVisit = await recordVisit(admin, outside!.household_id);
});
afterAll(() => t.close());

describe('checking the bytes', () => {
  it('reads JPEG and PNG dimensions and removes JPEG APP1 (EXIF, GPS) and PNG eXIf', () => {
    const jpg = checkPhoto(jpegPhoto(1600, 1200));
    expect(jpg).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200 });
    if ('problem' in jpg) throw new Error('refused');
    expect(jpg.bytes.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(jpg.bytes.includes(Buffer.from('JFIF'))).toBe(true);
    const pngOk = checkPhoto(pngPhoto(800, 600));
    expect(pngOk).toMatchObject({ type: 'image/png', width: 800, height: 600 });
    if ('problem' in pngOk) throw new Error('refused');
    expect(pngOk.bytes.includes(Buffer.from('eXIf'))).toBe(false);
  });

  it('reads a WebP’s canvas size (VP8X) and refuses an absurd one', () => {
    expect(checkPhoto(webpPhoto(1600, 900))).toMatchObject({ type: 'image/webp', width: 1600, height: 900 });
    expect(checkPhoto(webpPhoto(16_000, 100))).toEqual({ problem: 'dimensions' });
  });

  it('refuses what is not a photo, a broken one and absurd dimensions', () => {
    expect(checkPhoto(Buffer.alloc(0))).toEqual({ problem: 'empty' });
    expect(checkPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      problem: 'not_an_image',
    });
    expect(checkPhoto(Buffer.from('GIF89a...'))).toEqual({ problem: 'not_an_image' });
    expect(checkPhoto(jpegPhoto().subarray(0, 40))).toEqual({ problem: 'corrupt' });
    expect(checkPhoto(pngPhoto(60_000, 60_000))).toEqual({ problem: 'dimensions' });
    expect(checkPhoto(pngPhoto(8000, 8000))).toEqual({ problem: 'dimensions' });
    expect(checkPhoto(jpegPhoto(0, 100))).toEqual({ problem: 'dimensions' });
    expect(checkPhoto(Buffer.alloc(2 * 1024 * 1024 + 1, 0xff))).toEqual({ problem: 'too_large' });
  });
});

describe('a visit’s photo', () => {
  it('the visitor attaches a photo: stored encrypted without its EXIF, audited, served back with no-store', async () => {
    const photo = jpegPhoto(1600, 1200);
    const response = await upload(myVisit, photo, gridWorker);
    expect(response.status, response.text).toBe(200);
    expect(response.json.data).toMatchObject({ visitId: myVisit, contentType: 'image/jpeg', width: 1600 });
    // The raw row is no JPEG: neither its magic bytes nor its EXIF text are there.
    const [raw] = await rowsOf<{ sealed: Buffer | Uint8Array; bytes: number }>(
      t.db,
      sql`select sealed, bytes from round_visit_photos where visit_id = ${myVisit}::uuid`,
    );
    const sealed = Buffer.from(raw!.sealed);
    expect(sealed.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(sealed.includes(Buffer.from('JFIF'))).toBe(false);
    expect(sealed.includes(Buffer.from('GPS'))).toBe(false);
    const [audit] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'round.visit_photo_attached'), eq(auditLog.entityId, myVisit)));
    expect(audit!.n).toBe(1);
    // A reader of the visit gets the photo, without the EXIF, never cached.
    const served = await photoOf(myVisit, admin);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toContain('no-store');
    const body = Buffer.from(await served.arrayBuffer());
    expect(body.length).toBe(raw!.bytes);
    expect(body.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(body.includes(Buffer.from('GPSLatitude'))).toBe(false);
    // The household's visits list it with its photo.
    const [row] = await rowsOf<{ household_id: string }>(
      t.db,
      sql`select household_id from round_visits where id = ${myVisit}::uuid`,
    );
    const visits = await t.request(
      'GET',
      `/api/v1/households/${row!.household_id}/visits?roundId=${roundId}`,
      {
        cookie: gridWorker,
      },
    );
    expect(visits.status, visits.text).toBe(200);
    expect(visits.json.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: myVisit, photo: true, outcome: 'met' })]),
    );
  });

  it('sent again (a queue resent after a lost answer) it replaces the photo: one row', async () => {
    expect((await upload(myVisit, pngPhoto(640, 480), gridWorker, { type: 'image/png' })).status).toBe(200);
    const [row] = await rowsOf<{ n: number; type: string }>(
      t.db,
      sql`select count(*)::int as n, max(content_type) as type from round_visit_photos where visit_id = ${myVisit}::uuid`,
    );
    expect(row).toEqual({ n: 1, type: 'image/png' });
  });

  it('wrong bytes answer 400 with a clear message in zh and en, whatever the declared type; nothing stored', async () => {
    const before = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from round_visit_photos`);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const zh = await upload(otherVisit, svg, admin, { type: 'image/jpeg', name: 'x.jpg' });
    expect(zh.status, zh.text).toBe(400);
    expect(zh.json.error.details[0]).toMatchObject({ field: 'photo', code: 'not_an_image' });
    expect(zh.json.error.details[0].message).toContain('JPEG、PNG 或 WebP');
    const en = await upload(otherVisit, svg, admin, { lang: 'en' });
    expect(en.json.error.details[0].message).toContain('Only JPEG, PNG or WebP');
    const broken = await upload(otherVisit, jpegPhoto().subarray(0, 60), admin);
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0].code).toBe('corrupt');
    const huge = await upload(otherVisit, pngPhoto(20_000, 20_000), admin, { type: 'image/png' });
    expect(huge.json.error.details[0].code).toBe('dimensions');
    expect(await rowsOf(t.db, sql`select count(*)::int as n from round_visit_photos`)).toEqual(before);
  });

  it('over 2 MB: 400 just above the limit, 413 far above it (refused before it is read)', async () => {
    const over = jpegPhoto(1600, 1200, 2 * 1024 * 1024);
    const response = await upload(myVisit, over, gridWorker);
    expect(response.status, response.text).toBe(400);
    expect(response.json.error.details[0].code).toBe('too_large');
    const far = await upload(myVisit, jpegPhoto(1600, 1200, 5 * 1024 * 1024), gridWorker);
    expect(far.status).toBe(413);
  });

  it('a visit outside the caller’s scope, or recorded by someone else, answers 404 to upload and to read', async () => {
    expect((await upload(outsideVisit, jpegPhoto(), gridWorker)).status).toBe(404);
    expect((await upload(otherVisit, jpegPhoto(), gridWorker)).status).toBe(404);
    expect((await upload(newId(), jpegPhoto(), gridWorker)).status).toBe(404);
    expect((await upload(outsideVisit, jpegPhoto(), admin)).status).toBe(200);
    expect((await photoOf(outsideVisit, gridWorker)).status).toBe(404);
    expect((await photoOf(outsideVisit, admin)).status).toBe(200);
    // A building leader reads only the photos of their buildings.
    expect((await photoOf(outsideVisit, leader)).status).toBe(404);
    const [row] = await rowsOf<{ household_id: string }>(
      t.db,
      sql`select household_id from round_visits where id = ${outsideVisit}::uuid`,
    );
    const visits = await t.request(
      'GET',
      `/api/v1/households/${row!.household_id}/visits?roundId=${roundId}`,
      {
        cookie: gridWorker,
      },
    );
    expect(visits.status).toBe(404);
  });
});
