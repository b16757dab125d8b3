import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
