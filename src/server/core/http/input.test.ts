import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { hasForbiddenCharacters, MAX_JSON_DEPTH } from './input.ts';

let t: TestApp;
let admin: string;
let residentId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  residentId = (await t.request('GET', '/api/v1/residents?pageSize=1', { cookie: admin })).json.data[0].id;
});
afterAll(() => t.close());

/** Every write bumps one of these. */
async function writes() {
  const result = await t.db.execute(sql`select
    (select count(*) from audit_log)::int as audit,
    (select coalesce(sum(version), 0) from data_versions)::text as versions`);
  return (result as { rows: unknown[] }).rows[0];
}

function fields(response: { json: { error: { details: { field: string; code: string }[] } } }) {
  return response.json.error.details.map((d) => `${d.field}:${d.code}`);
}

describe('text that no request may carry', () => {
  it('is told apart from text that is only unusual', () => {
    for (const bad of [
      'a\u0000b',
      '\u0001',
      '\u001b',
      '\u007f',
      '\u0085',
      'a\ud800',
      '\udc00b',
      '\ufffe',
      '\uffff',
    ]) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const bad of ['\u{10FFFF}', '\u{1FFFE}', '\ufdd0', '\u{10FFFE}']) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    // Tab, line breaks, CJK outside the BMP, emoji (a surrogate pair), private-use name characters, U+FFFD.
    for (const good of ['王五', 'a\tb\r\nc', '𠀀𪚥', '😀', '\ue000', '\u{10FFFD}', '\ufffd', "50% o'k _\\"]) {
      expect(hasForbiddenCharacters(good), JSON.stringify(good)).toBe(false);
    }
  });
});

describe('the boundary check answers 400, never 500', () => {
  it('NUL in a search or filter → 400 VALIDATION_FAILED naming the parameter, in both languages', async () => {
    for (const url of [
      '/api/v1/residents?q=a%00b',
      '/api/v1/households?q=%00',
      '/api/v1/buildings?q=%00',
      '/api/v1/territories?q=%00',
      '/api/v1/accounts?q=%00',
      '/api/v1/audit?q=%00',
      '/api/v1/audit?action=%00',
    ]) {
      const response = await t.request('GET', url, { cookie: admin });
      expect(response.status, url).toBe(400);
      expect(response.json.error.code).toBe('VALIDATION_FAILED');
      const name = url.split('?')[1]!.split('=')[0]!;
      expect(fields(response)).toEqual([`query.${name}:invalid_characters`]);
    }
    const en = await t.request('GET', '/api/v1/residents?q=%00', {
      cookie: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json.error.details[0].message).toMatch(/not allowed/);
    const zh = await t.request('GET', '/api/v1/residents?q=%00', { cookie: admin });
    expect(zh.json.error.details[0].message).toMatch(/不允许的字符/);
  });

  it('NUL in a login name → 400, and no failure is recorded against anyone', async () => {
    const failures = async () =>
      ((await t.db.execute(sql`select count(*)::int as n from login_failures`)) as { rows: unknown[] })
        .rows[0];
    const before = await failures();
    const response = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin\u0000', password: 'x' },
    });
    expect(response.status).toBe(400);
    expect(fields(response)).toEqual(['username:invalid_characters']);
    expect(await failures()).toEqual(before);
  });

  it('a lone surrogate in a name or note → 400 naming the field; nothing is written', async () => {
    const before = await writes();
    for (const [field, value] of [
      ['name', '王\ud800'],
      ['name', '\udc00五'],
      ['note', 'x\u0000y'],
    ] as const) {
      const response = await t.request('PATCH', `/api/v1/residents/${residentId}`, {
        cookie: admin,
        body: { [field]: value },
      });
      expect(response.status, value).toBe(400);
      expect(fields(response)).toEqual([`${field}:invalid_characters`]);
    }
    const account = await t.request('POST', '/api/v1/accounts', {
      cookie: admin,
      body: { username: 'surrogate', displayName: '\ud800', password: 'Initial-pass-1', roles: [] },
    });
    expect(fields(account)).toEqual(['displayName:invalid_characters']);
    expect(await writes()).toEqual(before);
  });

  it('U+10FFFF (a noncharacter) in a search prefix → 400; a valid character outside the BMP is searched', async () => {
    const bad = await t.request('GET', `/api/v1/residents?q=${encodeURIComponent('\u{10FFFF}')}`, {
      cookie: admin,
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['query.q:invalid_characters']);
    for (const q of ['𠀀', '王\u{10FFFD}', '\u{10FFFD}']) {
      const good = await t.request('GET', `/api/v1/residents?q=${encodeURIComponent(q)}`, { cookie: admin });
      expect(good.status, q).toBe(200);
      expect(good.json.data).toEqual([]);
    }
  });

  it('a private-use character (a rare name character) is kept in a name', async () => {
    const name = '王\ue000';
    const response = await t.request('PATCH', `/api/v1/residents/${residentId}`, {
      cookie: admin,
      body: { name },
    });
    expect(response.status).toBe(200);
    expect(response.json.data.name).toBe(name);
  });

  it('bad characters in object keys, nested fields and array items are named by their path', async () => {
    const response = await t.request('PUT', `/api/v1/accounts/${residentId}/roles`, {
      cookie: admin,
      body: { roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: ['x\u0000'] }], ['k\u0000']: 1 },
    });
    expect(response.status).toBe(400);
    expect(fields(response)).toEqual(['roles.0.scopeIds.0:invalid_characters', 'k\ufffd:invalid_characters']);
  });

  it('a raw C1 control or DEL in JSON text (valid JSON) → 400', async () => {
    const response = await t.request('PATCH', `/api/v1/residents/${residentId}`, {
      cookie: admin,
      body: '{"note":"a\u0085b\u007f"}',
    });
    expect(fields(response)).toEqual(['note:invalid_characters']);
  });

  it('broken percent-encoding in a query or path → 400 invalid_encoding', async () => {
    for (const [url, field] of [
      ['/api/v1/residents?q=%E4%B8', 'query.q'],
      ['/api/v1/residents?q=%ED%A0%80', 'query.q'],
      ['/api/v1/residents?q=50%', 'query.q'],
      ['/api/v1/residents?%FF=1', 'query.%FF'],
      ['/api/v1/residents/%ED%A0%80', 'path'],
    ] as const) {
      const response = await t.request('GET', url, { cookie: admin });
      expect(response.status, url).toBe(400);
      expect(fields(response), url).toEqual([`${field}:invalid_encoding`]);
    }
    const nul = await t.request('GET', '/api/v1/residents/%00', { cookie: admin });
    expect(fields(nul)).toEqual(['path:invalid_characters']);
  });

  it(`JSON nested deeper than ${MAX_JSON_DEPTH} levels → 400 too_deep; malformed JSON → 400 MALFORMED_JSON`, async () => {
    const before = await writes();
    const deep = await t.request('POST', '/api/v1/auth/login', {
      body: '['.repeat(10_000) + ']'.repeat(10_000),
    });
    expect(deep.status).toBe(400);
    expect(deep.json.error.details[0].code).toBe('too_deep');
    const objects = await t.request('PATCH', `/api/v1/residents/${residentId}`, {
      cookie: admin,
      body: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
    });
    expect(objects.json.error.details[0].code).toBe('too_deep');
    for (const body of ['{"a":', '', '{"a":1}x', "{'a':1}"]) {
      const response = await t.request('POST', '/api/v1/auth/login', { body });
      expect(response.status, body).toBe(400);
      expect(response.json.error.code).toBe('MALFORMED_JSON');
    }
    expect(await writes()).toEqual(before);
  });

  it('a JSON body is still read by the route after the check (+json media types too)', async () => {
    const response = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'wuwei-demo' },
      headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
    });
    expect(response.status).toBe(200);
    const nested = await t.request('PATCH', `/api/v1/residents/${residentId}`, {
      cookie: admin,
      body: { note: '第一行\n第二行\t50%', tags: [{ tag: 'veteran', careLevel: 2 }] },
    });
    expect(nested.status).toBe(200);
    expect(nested.json.data.note).toBe('第一行\n第二行\t50%');
  });
});
