import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { newId } from '../db/ids.ts';
import { loginFailures, users } from './auth.tables.ts';
import { signInDelayMs, throttle } from './auth.service.ts';

// Addresses come from X-Forwarded-For here (WUWEI_TRUST_PROXY), so one test can play the owner and strangers.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ WUWEI_TRUST_PROXY: 'true' });
});
afterAll(() => t.close());

const STRANGER = '203.0.113.9';
const OWNER = '198.51.100.7';

const login = (username: string, password: string, from: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/auth/login', {
    body: { username, password },
    headers: { 'x-forwarded-for': from, ...headers },
  });

const failuresOf = async (account: string, ip?: string) => {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.account, account), ip ? eq(loginFailures.ip, ip) : undefined));
  return row!.n;
};

/** Moves an account's recorded failures into the past, as if that much time had gone by. */
const age = (account: string, ms: number) =>
  t.db
    .update(loginFailures)
    .set({ at: sql`${loginFailures.at} - make_interval(secs => ${ms / 1000})` })
    .where(eq(loginFailures.account, account));

describe('sign-in throttling: growing delays a stranger cannot turn into a lock-out', () => {
  it('five wrong passwords from a stranger make that address wait, but the owner signs in from theirs', async () => {
    for (let i = 0; i < throttle.pair.free; i++) {
      expect((await login('volunteer', `wrong-${i}`, STRANGER)).status).toBe(401);
    }
    const blocked = await login('volunteer', 'wuwei-demo', STRANGER, { 'accept-language': 'en' });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('LOGIN_THROTTLED');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(throttle.pair.baseMs / 1000);
    expect(blocked.json.error.message).toMatch(/try again in \d+ seconds/);
    const zh = await login('volunteer', 'wuwei-demo', STRANGER);
    expect(zh.json.error.message).toMatch(/请 \d+ 秒后再试/);

    expect((await login('volunteer', 'wuwei-demo', OWNER)).status).toBe(200);
  });

  it('an attempt during the wait is not checked or counted; the wait doubles with each further failure', async () => {
    for (let i = 0; i < throttle.pair.free; i++) await login('merchant', `wrong-${i}`, STRANGER);
    expect(await failuresOf('merchant')).toBe(throttle.pair.free);
    expect((await login('merchant', 'still-wrong', STRANGER)).status).toBe(429);
    expect(await failuresOf('merchant')).toBe(throttle.pair.free);

    await age('merchant', throttle.pair.baseMs + 1000);
    expect((await login('merchant', 'wrong-again', STRANGER)).status).toBe(401);
    const second = await login('merchant', 'wrong-again', STRANGER);
    expect(second.status).toBe(429);
    const wait = Number(second.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(throttle.pair.baseMs / 1000);
    expect(wait).toBeLessThanOrEqual((2 * throttle.pair.baseMs) / 1000);

    // Long after, the right password gets in, and the success clears this address's counter.
    await age('merchant', throttle.pair.maxMs);
    expect((await login('merchant', 'wuwei-demo', STRANGER)).status).toBe(200);
    expect(await failuresOf('merchant', STRANGER)).toBe(0);
  });

  it('a success from one address clears that address only', async () => {
    await login('party', 'wrong-1', STRANGER);
    await login('party', 'wrong-2', OWNER);
    expect((await login('party', 'wuwei-demo', OWNER)).status).toBe(200);
    expect(await failuresOf('party', OWNER)).toBe(0);
    expect(await failuresOf('party', STRANGER)).toBe(1);
  });

  it('a guesser spread over many addresses is slowed per account, boundedly; the owner’s known address is not', async () => {
    // The owner has signed in from their address before.
    expect((await login('branch', 'wuwei-demo', OWNER)).status).toBe(200);
    const guesses = 3 * throttle.account.free;
    await t.db.insert(loginFailures).values(
      Array.from({ length: guesses }, (_, i) => ({
        id: newId(),
        account: 'branch',
        ip: `10.0.${Math.floor(i / 250)}.${i % 250}`,
      })),
    );
    const fresh = await login('branch', 'wuwei-demo', '192.0.2.44');
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeLessThanOrEqual(throttle.account.maxMs / 1000);
    expect((await login('branch', 'wuwei-demo', OWNER)).status).toBe(200);
    // The account-wide wait is bounded: after it, even a new address gets through.
    await age('branch', throttle.account.maxMs + 1000);
    expect((await login('branch', 'wuwei-demo', '192.0.2.44')).status).toBe(200);
  });

  it('attempts sent all at once count each other instead of all passing the check', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login('worker', `burst-${i}`, '192.0.2.99')),
    );
    const checked = burst.filter((r) => r.status === 401).length;
    expect(burst.filter((r) => r.status === 429).length).toBe(burst.length - checked);
    // A few may overlap on a pooled database; never the whole burst.
    expect(checked).toBeLessThanOrEqual(throttle.pair.free + 4);
  });

  it('the delays grow and are capped', () => {
    const { pair, account } = throttle;
    expect(signInDelayMs(pair, pair.free - 1)).toBe(0);
    expect(signInDelayMs(pair, pair.free)).toBe(pair.baseMs);
    expect(signInDelayMs(pair, pair.free + 1)).toBe(2 * pair.baseMs);
    expect(signInDelayMs(pair, pair.free + 100)).toBe(pair.maxMs);
    expect(signInDelayMs(account, account.free + 1000)).toBe(account.maxMs);
    expect(account.maxMs).toBeLessThanOrEqual(60_000);
    expect(account.free).toBeGreaterThan(pair.free);
  });
});

describe('uniform answers for unknown, wrong and disabled', () => {
  it('a disabled account answers exactly like a wrong password, with the right password too', async () => {
    await t.db.update(users).set({ status: 'disabled' }).where(eq(users.username, 'resident'));
    const answers = [
      await login('nobody-at-all', 'wuwei-demo', '192.0.2.10'),
      await login('worker', 'not-the-password', '192.0.2.11'),
      await login('resident', 'wuwei-demo', '192.0.2.12'),
      await login('resident', 'not-the-password', '192.0.2.13'),
    ];
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.json.error.code).toBe('INVALID_CREDENTIALS');
      expect(a.json.error.message).toBe('用户名或密码错误');
      expect(a.headers.get('set-cookie')).toBeNull();
    }
    // Counted like any failure, so a disabled account is throttled like any other.
    expect(await failuresOf('resident')).toBe(2);
    await t.db.update(users).set({ status: 'active' }).where(eq(users.username, 'resident'));
  });
});

describe('an account that must change its password', () => {
  it('may only see itself, change the password and sign out until it has', async () => {
    await t.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'street'));
    const cookie = await t.login('street');
    const me = await t.request('GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.json.data.mustChangePassword).toBe(true);

    for (const [method, path] of [
      ['GET', '/api/v1/territories/tree'],
      ['GET', '/api/v1/accounts'],
      ['GET', '/api/v1/residents'],
      ['POST', '/api/v1/accounts'],
    ] as const) {
      const refused = await t.request(method, path, { cookie, body: method === 'POST' ? {} : undefined });
      expect(refused.status, path).toBe(403);
      expect(refused.json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refused.json.error.message).toBe('请先修改密码');
    }
    const en = await t.request('GET', '/api/v1/territories/tree', {
      cookie,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json.error.message).toBe('Please change your password first');

    const changed = await t.request('POST', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: 'wuwei-demo', newPassword: 'Safer-pass-2026' },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/api/v1/territories/tree', { cookie })).status).toBe(200);
  });

  it('may still sign out', async () => {
    await t.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'leader'));
    const cookie = await t.login('leader');
    expect((await t.request('POST', '/api/v1/auth/logout', { cookie })).status).toBe(204);
    await t.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'leader'));
  });
});

describe('current-password checks on /me/password are throttled per account', () => {
  it('after a few wrong current passwords the next check must wait, even with the right one', async () => {
    const cookie = await t.login('grid');
    const change = (currentPassword: string) =>
      t.request('POST', '/api/v1/me/password', {
        cookie,
        body: { currentPassword, newPassword: 'Safer-pass-2026' },
      });
    for (let i = 0; i < throttle.pair.free; i++) {
      expect((await change(`wrong-${i}`)).json.error.code).toBe('WRONG_PASSWORD');
    }
    const blocked = await change('wuwei-demo');
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('PASSWORD_CHECK_THROTTLED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A second session of the same account waits too: the count is the account's.
    const other = await t.login('grid');
    const fromOther = await t.request('POST', '/api/v1/me/password', {
      cookie: other,
      body: { currentPassword: 'wuwei-demo', newPassword: 'Safer-pass-2026' },
    });
    expect(fromOther.status).toBe(429);

    await t.db
      .update(loginFailures)
      .set({ at: sql`${loginFailures.at} - interval '1 hour'` })
      .where(sql`${loginFailures.account} like 'PASSWORD-CHECK:%'`);
    expect((await change('wuwei-demo')).status).toBe(204);
  });

  it('failed sign-ins under a crafted name cannot throttle someone’s password change', async () => {
    const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'secretary'));
    for (let i = 0; i < throttle.pair.free + 1; i++) {
      await login(`password-check:${row!.id}`, `wrong-${i}`, STRANGER);
    }
    const cookie = await t.login('secretary');
    const changed = await t.request('POST', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: 'wuwei-demo', newPassword: 'Safer-pass-2026' },
    });
    expect(changed.status).toBe(204);
  });
});
