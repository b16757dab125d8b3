import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { waitFor } from '../../../../tests/support/second-handle.ts';
import { newId } from '../db/ids.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { jobs } from '../jobs/jobs.tables.ts';
import { AUTH_PRUNE, pruneAuth } from './auth-maintenance.ts';
import { loginFailures, sessions, users } from './auth.tables.ts';

let t: TestApp;
let userId: string;
const day = 24 * 3_600_000;
const ago = (days: number) => new Date(Date.now() - days * day);

beforeAll(async () => {
  t = await createTestApp();
  await t.login('admin');
  const [admin] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  userId = admin!.id;
});
afterAll(() => t.close());

async function plant() {
  const ids = {
    oldEnded: newId(),
    oldRevoked: newId(),
    oldStillValid: newId(),
    oldFailure: newId(),
    newFailure: newId(),
  };
  const session = (id: string, createdAt: Date, expiresAt: Date, revokedAt: Date | null = null) => ({
    id,
    tokenHash: `hash-${id}`,
    userId,
    createdAt,
    lastSeenAt: createdAt,
    expiresAt,
    revokedAt,
    ip: '192.0.2.7',
  });
  await t.db
    .insert(sessions)
    .values([
      session(ids.oldEnded, ago(120), ago(119)),
      session(ids.oldRevoked, ago(100), new Date(Date.now() + day), ago(99)),
      session(ids.oldStillValid, ago(95), new Date(Date.now() + day)),
    ]);
  await t.db.insert(loginFailures).values([
    { id: ids.oldFailure, account: 'admin', ip: '192.0.2.7', at: ago(2) },
    { id: ids.newFailure, account: 'admin', ip: '192.0.2.7', at: new Date() },
  ]);
  return ids;
}

describe('pruning ended sessions and old sign-in failures', () => {
  it('deletes ended sessions past the known-address look-back and failures past the window, nothing else', async () => {
    const ids = await plant();
    const sessionsBefore = (await t.db.select({ id: sessions.id }).from(sessions)).length;
    const pruned = await pruneAuth(t.db);
    expect(pruned).toEqual({ sessions: 2, failures: 1 });
    const left = await t.db.select({ id: sessions.id }).from(sessions);
    expect(left.length).toBe(sessionsBefore - 2);
    expect(left.map((s) => s.id)).toContain(ids.oldStillValid);
    const failures = await t.db
      .select({ id: loginFailures.id })
      .from(loginFailures)
      .where(inArray(loginFailures.id, [ids.oldFailure, ids.newFailure]));
    expect(failures.map((f) => f.id)).toEqual([ids.newFailure]);
    // The signed-in session of beforeAll still works.
    expect(await pruneAuth(t.db)).toEqual({ sessions: 0, failures: 0 });
  });

  it('runs as a job on the server’s queue', async () => {
    await plant();
    const id = await enqueue(t.db, AUTH_PRUNE, {});
    await waitFor(async () => {
      const [job] = await t.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id));
      return job?.status === 'done';
    }, 'the prune job to finish');
    expect(await pruneAuth(t.db)).toEqual({ sessions: 0, failures: 0 });
  });
});
