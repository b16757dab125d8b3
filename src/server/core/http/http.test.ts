import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { users } from '../auth/auth.tables.ts';
import { auditLog } from '../auth/auth.tables.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const counts = async () => {
  const [u] = await t.db.select({ n: sql<number>`count(*)::int` }).from(users);
  const [a] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { users: u!.n, audit: a!.n };
};

const validAccount = {
  username: 'newgrid',
  displayName: '新网格员',
  password: 'Initial-pass-1',
  roles: [],
};

describe('service basics', () => {
  it('GET /healthz answers ok', async () => {
    const response = await t.request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });

  it('an error names its request: the client’s X-Request-Id or a new one, in the header and the body', async () => {
    const response = await t.request('GET', '/api/v1/me', { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.json.error.requestId).toBe('trace-123');
  });

  it('an unknown API path answers 404 ROUTE_NOT_FOUND as JSON', async () => {
    const response = await t.request('GET', '/api/v1/nothing-here', { cookie: admin });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves an OpenAPI 3.1 document generated from the schemas, and a readable API page', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/territories/tree',
        '/api/v1/accounts',
        '/api/v1/audit',
      ]),
    );
    expect(doc.json.components.schemas.LoginRequest).toBeDefined();
    const page = await t.request('GET', '/api/docs');
    expect(page.text).toContain('swagger-ui');
    expect((await t.request('GET', '/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('sends security headers with pages, and keeps JSON answers lean', async () => {
    const page = await t.request('GET', '/api/docs');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = page.headers.get('content-security-policy');
    expect(csp).toContain("frame-ancestors 'none'");
    // Without these an injected <base> or <form> could send links or form posts elsewhere.
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    const json = await t.request('GET', '/healthz');
    expect(json.headers.get('content-security-policy')).toBeNull();
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('API answers, errors included, are never stored by a browser or proxy (they carry personal data)', async () => {
    const me = await t.request('GET', '/api/v1/me', { cookie: admin });
    expect(me.headers.get('cache-control')).toBe('no-store');
    const error = await t.request('GET', '/api/v1/me');
    expect(error.headers.get('cache-control')).toBe('no-store');
  });
});

describe('bad input changes nothing', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const before = await counts();
    const response = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: '{"username": "x",',
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('MALFORMED_JSON');
    expect(await counts()).toEqual(before);
  });

  it('wrong types and missing fields → 400 VALIDATION_FAILED with one detail per field, in both languages', async () => {
    const before = await counts();
    const body = { username: 42, displayName: '', roles: 'all' };
    const zh = await t.request('POST', '/api/v1/accounts', { cookie: admin, body });
    const en = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body,
      headers: { 'accept-language': 'en' },
    });
    expect(zh.status).toBe(400);
    expect(zh.json.error.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(
      zh.json.error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(Object.keys(byField).sort()).toEqual(['displayName', 'password', 'roles', 'username']);
    expect(byField.password).toBe('此项为必填项');
    expect(byField.displayName).toBe('请填写姓名');
    const enByField = Object.fromEntries(
      en.json.error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(enByField.password).toBe('This field is required');
    expect(en.json.error.message).toBe('Some fields are invalid');
    expect(await counts()).toEqual(before);
  });

  it('unknown fields are refused by name', async () => {
    const response = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: { ...validAccount, isAdmin: true },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details.map((d: { field: string }) => d.field)).toContain('isAdmin');
  });

  it('oversized bodies → 413 BODY_TOO_LARGE', async () => {
    const before = await counts();
    const response = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: { ...validAccount, displayName: 'x'.repeat(300 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe('BODY_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('a spreadsheet upload may exceed the JSON limit', async () => {
    const form = new FormData();
    const bytes = new Uint8Array(400 * 1024).map((_, i) => (i * 7919) % 251);
    form.append('file', new Blob([bytes]), 'residents.xlsx');
    const response = await t.app.request('/api/v1/registry/imports', {
      method: 'POST',
      body: form,
      headers: { cookie: admin },
    });
    const body = (await response.json()) as { error?: { code: string } };
    expect(response.status).not.toBe(413);
    expect(body.error?.code).not.toBe('BODY_TOO_LARGE');
  });

  it('a cross-site form post with the session cookie → 403 CSRF_REJECTED', async () => {
    const before = await counts();
    const response = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: 'username=evil&displayName=x&password=Initial-pass-1',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('CSRF_REJECTED');
    const fetchSite = await t.request('POST', '/api/v1/auth/logout', {
      cookie: admin,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.json.error.code).toBe('CSRF_REJECTED');
    expect((await t.request('GET', '/api/v1/me', { cookie: admin })).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('a same-origin JSON write is accepted', async () => {
    const response = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: { ...validAccount, username: 'same-origin-user' },
      headers: { origin: 'http://localhost', host: 'localhost' },
    });
    expect(response.status).toBe(201);
  });

  it('a non-JSON body → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await t.request('POST', '/api/v1/auth/login', {
      body: 'username=admin&password=wuwei-demo',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('HTML in names is refused; SQL in search text is only text', async () => {
    const html = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: { ...validAccount, displayName: '<script>alert(1)</script>' },
    });
    expect(html.status).toBe(400);
    expect(html.json.error.details[0].field).toBe('displayName');
    const injection = await t.request(
      'GET',
      `/api/v1/accounts?q=${encodeURIComponent("' or 1=1; drop table users; --")}`,
      {
        cookie: admin,
      },
    );
    expect(injection.status).toBe(200);
    expect(injection.json.page.total).toBe(0);
    const wildcard = await t.request('GET', `/api/v1/territories?q=${encodeURIComponent('%')}`, {
      cookie: admin,
    });
    expect(wildcard.json.page.total).toBe(0);
    expect((await counts()).users).toBeGreaterThan(10);
  });

  it('a malformed id in the path is a validation error, a well-formed unknown one is 404', async () => {
    expect((await t.request('GET', '/api/v1/territories/not-a-uuid', { cookie: admin })).status).toBe(400);
    const unknown = await t.request('GET', '/api/v1/territories/01900000-0000-7000-8000-000000000000', {
      cookie: admin,
    });
    expect(unknown.status).toBe(404);
  });
});
