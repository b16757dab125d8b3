import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';
import { loadConfig } from './config.ts';

describe('WUWEI_MAP_TILE_ORIGINS', () => {
  it('reads comma-separated origins, trimming spaces and a trailing slash; none by default', () => {
    expect(loadConfig({}).mapTileOrigins).toEqual([]);
    expect(
      loadConfig({
        WUWEI_MAP_TILE_ORIGINS:
          ' https://tiles.example.gov.cn/, http://10.0.0.5:8081 ,https://*.tile.example.org,',
      }).mapTileOrigins,
    ).toEqual(['https://tiles.example.gov.cn', 'http://10.0.0.5:8081', 'https://*.tile.example.org']);
  });

  it('refuses a value that is not a list of origins, naming the variable', () => {
    for (const bad of [
      'tiles.example.gov.cn',
      'https://tiles.example.gov.cn/{z}/{x}/{y}.png',
      "'unsafe-inline'",
      '*',
    ]) {
      expect(() => loadConfig({ WUWEI_MAP_TILE_ORIGINS: bad }), bad).toThrow(/WUWEI_MAP_TILE_ORIGINS/);
    }
  });
});

describe('WUWEI_LOW_MEMORY', () => {
  it('is on unless switched off, and refuses anything but on/off', () => {
    expect(loadConfig({}).lowMemory).toBe(true);
    expect(loadConfig({ WUWEI_LOW_MEMORY: 'off' }).lowMemory).toBe(false);
    expect(() => loadConfig({ WUWEI_LOW_MEMORY: 'small' })).toThrow(/WUWEI_LOW_MEMORY/);
  });
});

describe('Content-Security-Policy of the pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      WUWEI_MAP_TILE_ORIGINS: 'https://tiles.example.gov.cn',
      WUWEI_ALLOWED_ORIGINS: 'https://writer.example.gov.cn',
    });
  });
  afterAll(() => t.close());

  const imgSrc = (csp: string | null) =>
    csp
      ?.split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('img-src'));

  it('allows images from the map tile origins only, not from the origins allowed to write', async () => {
    const page = await t.request('GET', '/api/docs');
    expect(imgSrc(page.headers.get('content-security-policy'))).toBe(
      "img-src 'self' data: blob: https://tiles.example.gov.cn",
    );
  });

  it('without tile origins allows no image from elsewhere', async () => {
    const plain = await createTestApp({ WUWEI_ALLOWED_ORIGINS: 'https://writer.example.gov.cn' });
    try {
      const page = await plain.request('GET', '/api/docs');
      expect(imgSrc(page.headers.get('content-security-policy'))).toBe("img-src 'self' data: blob:");
    } finally {
      await plain.close();
    }
  });
});
