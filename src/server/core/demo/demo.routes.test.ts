import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { demoDeferred } from './deferred.tables.ts';

describe('GET /demo/history: whether the demo county’s history is still loading', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers none for a county seeded in one go, loading while a first start imports it, then done; signed in only', async () => {
    const resident = await t.login(DEMO_ACCOUNT.resident);
    expect((await t.request('GET', '/api/v1/demo/history')).status).toBe(401);
    const state = async () =>
      (await t.request('GET', '/api/v1/demo/history', { cookie: resident })).json.data;
    expect(await state()).toEqual({ state: 'none', rowsImported: 0 });
    await t.db.insert(demoDeferred).values({ state: 'pending', rowsImported: 1234 });
    expect(await state()).toEqual({ state: 'loading', rowsImported: 1234 });
    await t.db.update(demoDeferred).set({ state: 'done', rowsImported: 5678 });
    expect(await state()).toEqual({ state: 'done', rowsImported: 5678 });
  });
});
