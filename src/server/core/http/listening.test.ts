import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { JSON_BODY_LIMIT } from '../../app.ts';
import { MAX_IMPORT_BYTES } from '../../modules/registry/registry-import.common.ts';

// What only a real listening server shows: how @hono/node-server answers a body over the limit (a reset instead
// of a 413 when the client is still sending), and headers set on the node response itself.

let t: TestApp;
let server: ServerType;
let port: number;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * Sends `total` bytes in 64 KB pieces, with a Content-Length or chunked, and resolves with whatever the server
 * answered; rejects only when no answer arrived (a reset or a closed connection).
 */
function send(options: {
  path: string;
  total: number;
  chunked: boolean;
  contentType: string;
  cookie?: string;
  /** Pause between pieces, as a slow link would. */
  pauseMs?: number;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': options.contentType,
      origin: `http://127.0.0.1:${port}`,
    };
    if (options.cookie) headers.cookie = options.cookie;
    if (!options.chunked) headers['content-length'] = options.total;
    const request = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: options.path, headers, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
        response.on('error', reject);
      },
    );
    // A write after the server has answered and closed is the client's problem, not the test's question.
    request.on('error', reject);
    const piece = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < options.total) {
        const size = Math.min(piece.length, options.total - sent);
        sent += size;
        const more = request.write(size === piece.length ? piece : piece.subarray(0, size));
        if (options.pauseMs) {
          setTimeout(pump, options.pauseMs);
          return;
        }
        if (!more) {
          request.once('drain', pump);
          return;
        }
      }
      request.end();
    };
    pump();
  });
}

function expectTooLarge(answer: Answer, limit: number) {
  expect(answer.status).toBe(413);
  const body = JSON.parse(answer.body) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe('BODY_TOO_LARGE');
  expect(body.error.message).toContain(`${Math.round(limit / 1024)} KB`);
  expect(body.error.requestId).toBeTruthy();
}

describe('a body over the limit gets a readable 413 from a listening server', () => {
  const json = 'application/json';
  const multipart = 'multipart/form-data; boundary=----wuwei';

  it('JSON with a Content-Length, well over the limit', async () => {
    const answer = await send({
      path: '/api/v1/auth/login',
      total: 8 * 1024 * 1024,
      chunked: false,
      contentType: json,
    });
    expectTooLarge(answer, JSON_BODY_LIMIT);
  });

  it('JSON sent chunked, well over the limit', async () => {
    const answer = await send({
      path: '/api/v1/auth/login',
      total: 8 * 1024 * 1024,
      chunked: true,
      contentType: json,
    });
    expectTooLarge(answer, JSON_BODY_LIMIT);
  });

  it('JSON just over the limit, both ways', async () => {
    for (const chunked of [false, true]) {
      const answer = await send({
        path: '/api/v1/auth/login',
        total: JSON_BODY_LIMIT + 1,
        chunked,
        contentType: json,
      });
      expectTooLarge(answer, JSON_BODY_LIMIT);
    }
  });

  it('JSON from a slow client, well over the limit, both ways', async () => {
    for (const chunked of [false, true]) {
      const answer = await send({
        path: '/api/v1/auth/login',
        total: 2 * 1024 * 1024,
        chunked,
        contentType: json,
        pauseMs: 40,
      });
      expectTooLarge(answer, JSON_BODY_LIMIT);
    }
  });

  it('an upload far over its limit', async () => {
    for (const chunked of [false, true]) {
      const answer = await send({
        path: '/api/v1/registry/imports',
        total: 2 * MAX_IMPORT_BYTES,
        chunked,
        contentType: multipart,
        cookie: admin,
      });
      expectTooLarge(answer, MAX_IMPORT_BYTES);
    }
  });

  it('an upload over its limit, with a Content-Length and chunked', async () => {
    for (const chunked of [false, true]) {
      const answer = await send({
        path: '/api/v1/registry/imports',
        total: MAX_IMPORT_BYTES + 4 * 1024 * 1024,
        chunked,
        contentType: multipart,
        cookie: admin,
      });
      expectTooLarge(answer, MAX_IMPORT_BYTES);
    }
  });
});

describe('headers a listening server sends', () => {
  it('JSON answers, errors and the export list under /api/ say Cache-Control: no-store', async () => {
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { cookie: admin } });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    await me.arrayBuffer();
    const error = await fetch(`http://127.0.0.1:${port}/api/v1/me`);
    expect(error.status).toBe(401);
    expect(error.headers.get('cache-control')).toBe('no-store');
    await error.arrayBuffer();
    const exported = await fetch(`http://127.0.0.1:${port}/api/v1/residents/exports`, {
      headers: { cookie: admin },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    await exported.arrayBuffer();
  });
});
