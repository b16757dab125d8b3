import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../auth/auth.tables.ts';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { MAX_PREFERENCE_BYTES, MAX_PREFERENCES } from './preferences.ts';

let t: TestApp;
let admin: string;
let worker: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  worker = await t.login(DEMO_ACCOUNT.grid_worker);
});
afterAll(() => t.close());

const columns = [
  { key: 'name', shown: true },
  { key: 'grid', shown: false },
];

async function preferencesOf(cookie: string) {
  const res = await t.request('GET', '/api/v1/me/preferences', { cookie });
  expect(res.status, res.text).toBe(200);
  return res.json.data as Record<string, unknown>;
}

describe('per-user preferences', () => {
  it('keeps a value for the account across sessions, audited without the value', async () => {
    const put = await t.request('PUT', '/api/v1/me/preferences/columns.residents', {
      cookie: admin,
      body: { value: columns },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json.data).toEqual({ key: 'columns.residents', value: columns });
    // Another session of the same account (another browser) reads it.
    const again = await t.login(DEMO_ACCOUNT.county_admin);
    expect((await preferencesOf(again))['columns.residents']).toEqual(columns);
    const changed = [{ key: 'grid', shown: true }];
    await t.request('PUT', '/api/v1/me/preferences/columns.residents', {
      cookie: again,
      body: { value: changed },
    });
    expect((await preferencesOf(admin))['columns.residents']).toEqual(changed);
    const [entry] = await t.db
      .select({ changes: auditLog.changes, entityId: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.action, 'preference.changed'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.changes).toEqual({ preference: 'columns.residents' });
  });

  it('shows another account none of them and lets nobody write them for another', async () => {
    await t.request('PUT', '/api/v1/me/preferences/columns.residents', {
      cookie: admin,
      body: { value: columns },
    });
    expect(await preferencesOf(worker)).toEqual({});
    await t.request('PUT', '/api/v1/me/preferences/columns.residents', {
      cookie: worker,
      body: { value: [{ key: 'age', shown: false }] },
    });
    expect((await preferencesOf(admin))['columns.residents']).toEqual(columns);
    expect(JSON.stringify(await preferencesOf(worker))).not.toContain('"grid"');
    const anonymous = await t.request('GET', '/api/v1/me/preferences');
    expect(anonymous.status).toBe(401);
    const anonymousPut = await t.request('PUT', '/api/v1/me/preferences/columns.residents', {
      body: { value: [] },
    });
    expect(anonymousPut.status).toBe(401);
  });

  it('refuses a bad key or value field by field in both languages, storing nothing', async () => {
    const before = await preferencesOf(admin);
    const cases: { key: string; body: unknown; field: string }[] = [
      { key: 'columns.residents', body: {}, field: 'value' },
      { key: 'columns.residents', body: { value: null }, field: 'value' },
      { key: 'columns.residents', body: { value: 'x'.repeat(MAX_PREFERENCE_BYTES) }, field: 'value' },
      { key: 'columns.residents', body: { value: [], extra: 1 }, field: 'extra' },
      { key: 'Bad key!', body: { value: 1 }, field: 'param.key' },
      { key: 'k'.repeat(65), body: { value: 1 }, field: 'param.key' },
    ];
    for (const c of cases) {
      for (const lang of ['zh-CN', 'en-US']) {
        const res = await t.request('PUT', `/api/v1/me/preferences/${encodeURIComponent(c.key)}`, {
          cookie: admin,
          body: c.body,
          headers: { 'accept-language': lang },
        });
        expect(res.status, res.text).toBe(400);
        expect(res.json.error.code).toBe('VALIDATION_FAILED');
        const detail = res.json.error.details.find((d: { field: string }) => d.field === c.field);
        expect(detail, res.text).toBeDefined();
        if (lang === 'zh-CN') expect(detail.message).toMatch(/[\u4e00-\u9fff]/);
        else expect(detail.message).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(await preferencesOf(admin)).toEqual(before);
  });

  it('holds at most MAX_PREFERENCES keys per account; existing ones stay writable', async () => {
    const cookie = await t.login(DEMO_ACCOUNT.inspector);
    for (let i = 0; i < MAX_PREFERENCES; i++) {
      const res = await t.request('PUT', `/api/v1/me/preferences/k${i}`, { cookie, body: { value: i } });
      expect(res.status, res.text).toBe(200);
    }
    const over = await t.request('PUT', '/api/v1/me/preferences/one-more', { cookie, body: { value: 1 } });
    expect(over.status).toBe(400);
    expect(over.json.error.details[0].field).toBe('key');
    const rewrite = await t.request('PUT', '/api/v1/me/preferences/k0', { cookie, body: { value: 'x' } });
    expect(rewrite.status).toBe(200);
    expect(Object.keys(await preferencesOf(cookie))).toHaveLength(MAX_PREFERENCES);
  });

  it('holds the limit when new keys arrive together (PostgreSQL: each on its own connection)', async () => {
    const cookie = await t.login(DEMO_ACCOUNT.volunteer);
    for (let i = 0; i < MAX_PREFERENCES - 3; i++) {
      const res = await t.request('PUT', `/api/v1/me/preferences/k${i}`, { cookie, body: { value: i } });
      expect(res.status, res.text).toBe(200);
    }
    const together = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.request('PUT', `/api/v1/me/preferences/together${i}`, { cookie, body: { value: i } }),
      ),
    );
    expect(together.filter((r) => r.status === 200)).toHaveLength(3);
    expect(together.filter((r) => r.status === 400)).toHaveLength(7);
    expect(Object.keys(await preferencesOf(cookie))).toHaveLength(MAX_PREFERENCES);
  });
});
