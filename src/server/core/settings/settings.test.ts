import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
let admin: string;
let secretary: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
});
afterAll(() => t.close());

type Setting = { key: string; value: number | string; default: number | string; updatedAt: string | null };

async function loadSetting(cookie: string) {
  const res = await t.request('GET', '/api/v1/settings', { cookie });
  expect(res.status, res.text).toBe(200);
  return (res.json.data as Setting[]).find((s) => s.key === 'people.maxWorkerLoad')!;
}

describe('county settings', () => {
  it('lists every declared setting with its default until an administrator changes it', async () => {
    const setting = await loadSetting(secretary);
    expect(setting).toMatchObject({ value: 400, default: 400, updatedAt: null });
  });

  it('refuses a bad value field by field in both languages, changing nothing; unknown keys are 404', async () => {
    for (const value of [10, 1.5, 'four hundred', 99999]) {
      const res = await t.request('PUT', '/api/v1/settings/people.maxWorkerLoad', {
        cookie: admin,
        body: { value },
      });
      expect(res.status, res.text).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(res.json.error.details[0].field).toBe('value');
    }
    const zh = await t.request('PUT', '/api/v1/settings/people.maxWorkerLoad', {
      cookie: admin,
      body: { value: 10 },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect((await loadSetting(admin)).updatedAt).toBeNull();
    const unknown = await t.request('PUT', '/api/v1/settings/people.nothing', {
      cookie: admin,
      body: { value: 1 },
    });
    expect(unknown.status).toBe(404);
  });

  it('lets only holders of settings:manage change a setting', async () => {
    const res = await t.request('PUT', '/api/v1/settings/people.maxWorkerLoad', {
      cookie: secretary,
      body: { value: 300 },
    });
    expect(res.status).toBe(403);
    expect((await loadSetting(admin)).value).toBe(400);
  });

  it('applies a change at once to the coverage board and the workers list, and audits old → new', async () => {
    const res = await t.request('PUT', '/api/v1/settings/people.maxWorkerLoad', {
      cookie: admin,
      body: { value: 250 },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toMatchObject({ key: 'people.maxWorkerLoad', value: 250 });
    expect((await loadSetting(secretary)).value).toBe(250);

    const board = await t.request('GET', '/api/v1/coverage', { cookie: secretary });
    expect(board.json.data.maxLoad).toBe(250);
    const workers = await t.request('GET', '/api/v1/grid-workers?page=1&pageSize=5', { cookie: admin });
    expect(workers.json.maxLoad).toBe(250);
    // A page may still try another figure for a look.
    const tried = await t.request('GET', '/api/v1/coverage?maxLoad=900', { cookie: secretary });
    expect(tried.json.data.maxLoad).toBe(900);

    const audit = await t.request('GET', '/api/v1/audit?action=setting.changed', { cookie: admin });
    expect(audit.status, audit.text).toBe(200);
    const entry = audit.json.data[0];
    expect(entry).toMatchObject({ action: 'setting.changed', entityType: 'setting' });
    expect(entry.changes).toEqual({ value: { from: 400, to: 250 } });
  });
});
