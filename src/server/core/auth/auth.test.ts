import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, sessions, users } from './auth.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/auth/login', { body: { username, password }, headers });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and returns the user with roles and permissions', async () => {
    const response = await login('admin', 'wuwei-demo');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^wuwei_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(response.json.data.username).toBe('admin');
    expect(response.json.data.roles[0].role).toBe('county_admin');
    expect(response.json.data.permissions).toContain('account:write');
    // Each permission comes with its name in both languages (every module's, as it declares them).
    expect(Object.keys(response.json.data.permissionNames).sort()).toEqual(
      [...response.json.data.permissions].sort(),
    );
    expect(response.json.data.permissionNames['round:visit']).toEqual({
      zh: '记录入户走访',
      en: 'Record door-knocking visits',
    });
  });

  it('accepts the mobile number instead of the username', async () => {
    const response = await login('17000000006', 'wuwei-demo');
    expect(response.status).toBe(200);
    expect(response.json.data.username).toBe('grid');
  });

  it('answers a wrong password and an unknown user with the same error, in Chinese or English', async () => {
    const wrong = await login('worker', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password', { 'accept-language': 'en-US,en;q=0.9' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json.error.message).toBe('用户名或密码错误');
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json.error.message).toBe('Wrong username or password');
    expect(wrong.json.error.requestId).toBeTruthy();
  });

  it('throttles an account after five failures, even for the right password, and says how long to wait', async () => {
    for (let i = 0; i < 5; i++) expect((await login('volunteer', `wrong-${i}`)).status).toBe(401);
    const blocked = await login('volunteer', 'wuwei-demo');
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('LOGIN_THROTTLED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account is not affected.
    expect((await login('merchant', 'wuwei-demo')).status).toBe(200);
  });

  it('refuses a disabled account with the right password, exactly like a wrong one', async () => {
    await t.db.update(users).set({ status: 'disabled' }).where(eq(users.username, 'resident'));
    const response = await login('resident', 'wuwei-demo');
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('INVALID_CREDENTIALS');
    await t.db.update(users).set({ status: 'active' }).where(eq(users.username, 'resident'));
  });

  it('validates the body field by field', async () => {
    const response = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 7, extra: true },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_FAILED');
    const fields = response.json.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['password', 'extra']));
  });

  it('records sign-ins and failures in the audit log', async () => {
    await login('secretary', 'bad-password-1');
    await login('secretary', 'wuwei-demo');
    const rows = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actorName, '王书记'));
    expect(rows.map((r) => r.action)).toContain('auth.login');
    const failures = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'));
    expect(failures[0]!.n).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  it('GET /me without a cookie answers 401 UNAUTHENTICATED', async () => {
    const response = await t.request('GET', '/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('a forged cookie answers 401 SESSION_EXPIRED and is cleared', async () => {
    const response = await t.request('GET', '/api/v1/me', { cookie: 'wuwei_session=forged-token-value' });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('SESSION_EXPIRED');
    expect(response.headers.get('set-cookie')).toMatch(/wuwei_session=;/);
  });

  it('names the signed-in user for the page in a readable cookie set and cleared with the session', async () => {
    const hintOf = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith('wuwei_user='));
    const signedIn = await login('branch', 'wuwei-demo');
    const hint = hintOf(signedIn.headers)!;
    expect(hint).toMatch(new RegExp(`^wuwei_user=${signedIn.json.data.id};`));
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/Expires=/i);
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    // A session without the hint (begun through the API, or before it existed) gets it from /me; with it, not again.
    expect(hintOf((await t.request('GET', '/api/v1/me', { cookie })).headers)).toMatch(
      new RegExp(`^wuwei_user=${signedIn.json.data.id};`),
    );
    const both = `${cookie}; wuwei_user=${signedIn.json.data.id}`;
    expect(hintOf((await t.request('GET', '/api/v1/me', { cookie: both })).headers)).toBeUndefined();
    // Signing out clears it; so does a session that has ended (or a hint without a session).
    const out = await t.request('POST', '/api/v1/auth/logout', { cookie: both });
    expect(hintOf(out.headers)).toMatch(/^wuwei_user=;/);
    expect(hintOf((await t.request('GET', '/api/v1/me', { cookie: both })).headers)).toMatch(/^wuwei_user=;/);
    expect(
      hintOf(
        (await t.request('GET', '/api/v1/me', { cookie: `wuwei_user=${signedIn.json.data.id}` })).headers,
      ),
    ).toMatch(/^wuwei_user=;/);
  });

  it('logout revokes the session on the server', async () => {
    const cookie = await t.login('branch');
    expect((await t.request('GET', '/api/v1/me', { cookie })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/logout', { cookie })).status).toBe(204);
    const after = await t.request('GET', '/api/v1/me', { cookie });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('SESSION_EXPIRED');
  });

  it('expires a session left idle longer than the idle limit', async () => {
    const cookie = await t.login('party');
    const idle = t.config.sessionIdleMs + 60_000;
    await t.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - idle) })
      .where(sql`${sessions.userId} = (select id from users where username = 'party')`);
    expect((await t.request('GET', '/api/v1/me', { cookie })).json.error.code).toBe('SESSION_EXPIRED');
  });

  it('expires a session at its absolute lifetime even when in use', async () => {
    const cookie = await t.login('leader');
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`${sessions.userId} = (select id from users where username = 'leader')`);
    expect((await t.request('GET', '/api/v1/me', { cookie })).json.error.code).toBe('SESSION_EXPIRED');
  });
});

describe('password change', () => {
  it('enforces the policy, checks the current password, and signs out other sessions', async () => {
    const first = await t.login('inspector');
    const second = await t.login('inspector');
    const change = (body: object) => t.request('POST', '/api/v1/me/password', { cookie: first, body });

    const short = await change({ currentPassword: 'wuwei-demo', newPassword: 'ab1' });
    expect(short.status).toBe(400);
    expect(short.json.error.code).toBe('PASSWORD_POLICY');
    expect(short.json.error.details[0].field).toBe('newPassword');

    const withName = await change({ currentPassword: 'wuwei-demo', newPassword: 'inspector-2026' });
    expect(withName.json.error.code).toBe('PASSWORD_POLICY');

    const wrongCurrent = await change({ currentPassword: 'nope-nope-1', newPassword: 'Safer-pass-2026' });
    expect(wrongCurrent.json.error.code).toBe('WRONG_PASSWORD');

    expect((await change({ currentPassword: 'wuwei-demo', newPassword: 'Safer-pass-2026' })).status).toBe(
      204,
    );
    expect((await t.request('GET', '/api/v1/me', { cookie: first })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { cookie: second })).status).toBe(401);
    expect((await login('inspector', 'wuwei-demo')).status).toBe(401);
    expect((await login('inspector', 'Safer-pass-2026')).status).toBe(200);
  });
});
