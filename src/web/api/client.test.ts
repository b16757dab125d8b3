import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refresh } from './cache.ts';
import { api, ApiError, apiUrl, NETWORK_ERROR } from './client.ts';

type Call = { url: string; init: RequestInit };

function stubFetch(respond: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return Promise.resolve(respond(call));
  });
  return calls;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('fills path parameters and appends the defined, non-empty query values', () => {
    expect(apiUrl('/residents/{id}/move', { path: { id: 'a b' } })).toBe('/api/v1/residents/a%20b/move');
    expect(
      apiUrl('/residents', { query: { q: '王', page: 2, tag: undefined, ageFrom: null, territoryId: '' } }),
    ).toBe('/api/v1/residents?q=%E7%8E%8B&page=2');
  });

  it('refuses a missing path parameter', () => {
    expect(() => apiUrl('/residents/{id}', {})).toThrow(/id/);
  });
});

describe('api', () => {
  it('sends JSON with the language and the session cookie, and resolves with the body', async () => {
    const calls = stubFetch(() => json(200, { data: { mobile: null } }));
    const answer = await api.post('/accounts/{id}/reveal', { path: { id: 'x' } });
    expect(answer).toEqual({ data: { mobile: null } });
    const [call] = calls;
    expect(call?.url).toBe('/api/v1/accounts/x/reveal');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.headers).toEqual({ Accept: 'application/json', 'Accept-Language': 'zh-CN' });
    expect(call?.init.body).toBeUndefined();

    await api
      .patch('/accounts/{id}', { path: { id: 'x' }, body: { displayName: 'A' } })
      .catch(() => undefined);
    expect(calls[1]?.init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(calls[1]?.init.body).toBe('{"displayName":"A"}');
  });

  it('resolves undefined for 204', async () => {
    stubFetch(() => new Response(null, { status: 204 }));
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('rejects with the error body as an ApiError, with Retry-After', async () => {
    stubFetch(() =>
      json(
        429,
        { error: { code: 'RATE_LIMITED', message: '太快了', details: [], requestId: 'r1' } },
        { 'retry-after': '30' },
      ),
    );
    const error = await api
      .post('/auth/login', { body: { username: 'a', password: 'b' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      message: '太快了',
      details: [],
      requestId: 'r1',
      retryAfterSeconds: 30,
    });
  });

  it('keeps field errors', async () => {
    const details = [{ field: 'name', code: 'too_small', message: '必填' }];
    stubFetch(() =>
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details, requestId: 'r2' } }),
    );
    const error = await api
      .post('/territories', { body: { parentId: 'p', name: '' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, details, requestId: 'r2', retryAfterSeconds: null });
  });

  it('names an error without an error body by its status', async () => {
    stubFetch(
      () =>
        new Response('oops', { status: 502, statusText: 'Bad Gateway', headers: { 'x-request-id': 'r3' } }),
    );
    const error = await api.get('/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway', requestId: 'r3' });
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await api.get('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});

describe('refresh', () => {
  function clientWith(...roots: string[]) {
    const client = new QueryClient();
    for (const root of roots) client.setQueryData([root, 'x'], 1);
    return client;
  }
  const stale = (client: QueryClient) =>
    client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => query.queryKey[0])
      .sort();

  it('marks stale the roots a write declares, and nothing else', async () => {
    const client = clientWith('registry', 'fact-sheet', 'insights', 'audit', 'accounts', 'territory', 'me');
    await refresh(client, 'POST /residents/{id}/move');
    expect(stale(client)).toEqual(['audit', 'fact-sheet', 'insights', 'registry']);
  });

  it('marks everything stale after an import is committed', async () => {
    const client = clientWith('registry', 'accounts', 'territory');
    await refresh(client, 'POST /registry/imports/{id}/commit');
    expect(stale(client)).toEqual(['accounts', 'registry', 'territory']);
  });
});
