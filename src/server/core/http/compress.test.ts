import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '../../../../tests/support/constants.ts';
import {
  createTestApp,
  createTestDatabase,
  testKeys,
  type TestApp,
} from '../../../../tests/support/test-app.ts';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { COMPRESS_THRESHOLD, pickEncoding } from './compress.ts';

const decode = (encoding: string | null, body: Buffer): Buffer =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;

async function fetchRaw(
  app: { request: TestApp['app']['request'] },
  url: string,
  headers: Record<string, string>,
) {
  const response = await app.request(url, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('pickEncoding', () => {
  it('prefers brotli, falls back to gzip, honours q=0 and *', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0')).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('')).toBeNull();
  });
});

describe('compressed JSON answers', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('a large JSON answer goes in brotli or gzip as accepted, with Vary and its compressed length', async () => {
    const plain = await fetchRaw(t.app, '/api/openapi.json', {});
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_THRESHOLD);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const { response, body } = await fetchRaw(t.app, '/api/openapi.json', { 'accept-encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decode(encoding, body).toString('utf8'))).toEqual(
        JSON.parse(plain.body.toString('utf8')),
      );
    }
  });

  it('a signed-in answer keeps its no-store and its cookie-free body when compressed', async () => {
    const { response, body } = await fetchRaw(t.app, '/api/v1/territories/tree', {
      cookie: admin,
      'accept-encoding': 'br',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(decode('br', body).toString('utf8'))).toBeTruthy();
  });

  it('a small JSON answer or error goes uncompressed', async () => {
    // The caller's preferences (none yet): a few bytes of JSON.
    const small = await fetchRaw(t.app, '/api/v1/me/preferences', {
      cookie: admin,
      'accept-encoding': 'gzip, br',
    });
    expect(small.response.status).toBe(200);
    expect(small.body.length).toBeLessThan(COMPRESS_THRESHOLD);
    expect(small.response.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(small.body.toString('utf8'))).toHaveProperty('data');
    const missing = await fetchRaw(t.app, '/api/v1/nothing-here', { cookie: admin, 'accept-encoding': 'br' });
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(missing.body.toString('utf8')).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a spreadsheet streams as it is, never compressed', async () => {
    const { response, body } = await fetchRaw(t.app, '/api/v1/registry/import-template', {
      cookie: admin,
      'accept-encoding': 'gzip, br',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('the built web app', () => {
  let database: Database;
  let root: string;
  let app: ReturnType<typeof createApp>;
  const script = 'console.log("wuwei");\n'.repeat(200);
  beforeAll(async () => {
    database = await createTestDatabase();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-web-'));
    fs.mkdirSync(path.join(root, 'assets'));
    const html = `<!doctype html><div id="root"></div>${'<!-- -->'.repeat(200)}`;
    fs.writeFileSync(path.join(root, 'index.html'), html);
    fs.writeFileSync(path.join(root, 'index.html.br'), zlib.brotliCompressSync(html));
    const file = path.join(root, 'assets', 'main-abc123.js');
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
    fs.writeFileSync(path.join(root, 'assets', 'tiny-abc123.js'), 'export{};');
    const config = loadConfig({
      NODE_ENV: 'test',
      WUWEI_DATA_DIR: root,
      WUWEI_WEB_DIR: root,
      WUWEI_DATA_KEY: TEST_DATA_KEY,
      LOG_LEVEL: 'silent',
    });
    app = createApp({
      db: database.db,
      keys: testKeys,
      config,
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('sends a hashed script precompressed as the browser accepts, cached for good', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate', 'gzip'],
    ] as const) {
      const { response, body } = await fetchRaw(app, '/assets/main-abc123.js', { 'accept-encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // Page policy belongs to pages, not to each script.
      expect(response.headers.get('content-security-policy')).toBeNull();
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(body.length).toBeLessThan(script.length / 10);
      expect(decode(encoding, body).toString('utf8')).toBe(script);
    }
  });

  it('sends the plain file to a client that accepts no compression, or when none was made', async () => {
    const plain = await fetchRaw(app, '/assets/main-abc123.js', {});
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString('utf8')).toBe(script);
    const tiny = await fetchRaw(app, '/assets/tiny-abc123.js', { 'accept-encoding': 'br' });
    expect(tiny.response.status).toBe(200);
    expect(tiny.response.headers.get('content-encoding')).toBeNull();
    expect(tiny.body.toString('utf8')).toBe('export{};');
  });

  it('answers a missing asset with 404, not the app', async () => {
    const { response } = await fetchRaw(app, '/assets/main-old999.js', { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('answers every page path with the app, compressed when the build made it so, with the page policy', async () => {
    const { response, body } = await fetchRaw(app, '/residents', { 'accept-encoding': 'gzip, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(decode('br', body).toString('utf8')).toContain('<div id="root">');
    const gzip = await fetchRaw(app, '/residents', { 'accept-encoding': 'gzip' });
    expect(gzip.response.headers.get('content-encoding')).toBeNull();
    expect(gzip.body.toString('utf8')).toContain('<div id="root">');
  });
});
