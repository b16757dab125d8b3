import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { newId } from '../db/ids.ts';
import { appendAudit, type Actor } from './audit.ts';
import { auditLog } from './auth.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actor: Actor = { userId: null, name: 'test', role: null, requestId: 'r', ip: null, userAgent: null };

describe('audit rows', () => {
  it('never fail on content: NUL and lone surrogates in changes are stored as U+FFFD', async () => {
    const entityId = newId();
    await appendAudit(t.db, actor, {
      action: 'test.update',
      entityType: 'test',
      entityId,
      changes: {
        name: { from: 'a\u0000b', to: '王\ud800' },
        ['k\udc00']: [{ note: '\u0000' }],
        kept: { from: '😀 𠀀 50%', to: null },
      },
    });
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
    expect(row!.changes).toEqual({
      name: { from: 'a\ufffdb', to: '王\ufffd' },
      ['k\ufffd']: [{ note: '\ufffd' }],
      kept: { from: '😀 𠀀 50%', to: null },
    });
  });
});

describe('GET /audit from/to', () => {
  it('refuses moments outside 1900–2100 (PostgreSQL could not hold the extremes) with 400 on the field, in both languages', async () => {
    const admin = await t.login(DEMO_ACCOUNT.county_admin);
    const cases = [
      ['from', '0000-01-01T00:00:00Z'],
      ['to', '9999-12-31T23:59:59-14:00'],
      ['to', '0001-01-01T00:00:00+14:00'],
      ['from', '1899-12-31T23:59:59Z'],
      ['to', '2101-01-01T00:00:00Z'],
    ] as const;
    for (const [field, value] of cases) {
      const response = await t.request('GET', `/api/v1/audit?${field}=${encodeURIComponent(value)}`, {
        cookie: admin,
      });
      expect(response.status, `${field}=${value}: ${response.text}`).toBe(400);
      expect(response.json.error.details).toEqual([
        { field: `query.${field}`, code: 'custom', message: expect.stringContaining('1900') },
      ]);
    }
    const english = await t.request('GET', '/api/v1/audit?from=0000-01-01T00:00:00Z', {
      cookie: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(english.json.error.details[0].message).toBe('The time must lie between the years 1900 and 2100');
    const malformed = await t.request('GET', '/api/v1/audit?to=yesterday', { cookie: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details[0].field).toBe('query.to');
    // The bounds themselves and an ordinary range are answered.
    for (const query of [
      'from=1900-01-01T00:00:00Z&to=2100-12-31T23:59:59Z',
      `from=${encodeURIComponent('2025-01-01T00:00:00+08:00')}`,
    ]) {
      const ok = await t.request('GET', `/api/v1/audit?${query}`, { cookie: admin });
      expect(ok.status, ok.text).toBe(200);
    }
  });
});
