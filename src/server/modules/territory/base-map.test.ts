import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
let admin: string;
let secretary: string;
let placeId: string;

beforeAll(async () => {
  t = await createTestApp({ WUWEI_MAP_TILE_ORIGINS: 'https://extra.example.gov.cn' });
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
  const tree = await t.request('GET', '/api/v1/territories/tree', { cookie: secretary });
  placeId = tree.json.data[0].id;
});
afterAll(() => t.close());

const KEY = '0123456789abcdef0123456789ABCDEF';

async function put(key: string, value: unknown, cookie = admin, lang = 'en') {
  return t.request('PUT', `/api/v1/settings/${key}`, {
    cookie,
    body: { value },
    headers: { 'accept-language': lang },
  });
}

/**
 * The base map the map page of a secretary (not an administrator) is given: its tile layers, whatever the
 * settings, beside the county's offline base lines (the demo town's roads and river, territory.town.test.ts).
 */
async function mapBase() {
  const res = await t.request('GET', `/api/v1/territories/${placeId}/map`, { cookie: secretary });
  expect(res.status, res.text).toBe(200);
  const { lines, ...tiles } = res.json.data.baseMap as {
    kind: string;
    layers: { url: string; subdomains: string; attribution: string }[];
    incomplete: boolean;
    lines: { kind: string }[];
  };
  expect(lines.map((l) => l.kind)).toContain('river');
  return tiles;
}

/** The sources of the pages' img-src, after 'self' data: blob:. */
async function imageSources() {
  const page = await t.request('GET', '/api/docs');
  const directive = page.headers
    .get('content-security-policy')
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('img-src'));
  expect(directive).toMatch(/^img-src 'self' data: blob:/);
  return directive!.split(/\s+/).slice(4);
}

describe('the county base map', () => {
  it('is none by default: the map draws no tiles and the pages allow images from nowhere else', async () => {
    const list = await t.request('GET', '/api/v1/settings', { cookie: secretary });
    const keys = (list.json.data as { key: string; value: unknown }[]).filter((s) =>
      s.key.startsWith('territory.'),
    );
    expect(Object.fromEntries(keys.map((s) => [s.key, s.value]))).toEqual({
      'territory.baseMap': 'none',
      'territory.baseMapUrl': '',
      'territory.tiandituKey': '',
    });
    expect(await mapBase()).toEqual({ kind: 'none', layers: [], incomplete: false });
    expect(await imageSources()).toEqual(['https://extra.example.gov.cn']);
  });

  it('refuses a tile URL that is not an https template with {z}, {x}, {y}, in both languages, changing nothing', async () => {
    for (const value of [
      'http://tiles.example.gov.cn/{z}/{x}/{y}.png',
      'https://tiles.example.gov.cn/{z}/{x}.png',
      'tiles.example.gov.cn/{z}/{x}/{y}.png',
      'https://tiles.example.gov.cn;img-src */{z}/{x}/{y}',
      'https://*.example.gov.cn/{z}/{x}/{y}',
      'https://tiles.example.gov.cn/{z}/{x}/{y}.png?a="b"',
      'https://tiles.example.gov.cn/a b/{z}/{x}/{y}',
      'https://tiles.example.gov.cn/#{z}/{x}/{y}',
      'javascript:alert(1)//{z}/{x}/{y}',
      42,
    ]) {
      const res = await put('territory.baseMapUrl', value);
      expect(res.status, String(value)).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(res.json.error.details[0].field).toBe('value');
    }
    const en = await put('territory.baseMapUrl', 'http://tiles.example.gov.cn/{z}/{x}/{y}.png');
    expect(en.json.error.details[0].message).toMatch(/https:\/\/.*\{z\}/);
    const zh = await put(
      'territory.baseMapUrl',
      'http://tiles.example.gov.cn/{z}/{x}/{y}.png',
      admin,
      'zh-CN',
    );
    expect(zh.json.error.details[0].message).toMatch(/瓦片地址/);
    for (const value of ['abc', `${KEY}0`, 'g'.repeat(32)]) {
      const res = await put('territory.tiandituKey', value, admin, 'zh-CN');
      expect(res.status, value).toBe(400);
      expect(res.json.error.details[0].message).toMatch(/天地图密钥/);
    }
    expect((await put('territory.baseMap', 'google')).status).toBe(400);
    expect(await mapBase()).toEqual({ kind: 'none', layers: [], incomplete: false });
  });

  it('is changed only by holders of settings:manage', async () => {
    for (const [key, value] of [
      ['territory.baseMap', 'custom'],
      ['territory.baseMapUrl', 'https://tiles.example.gov.cn/{z}/{x}/{y}.png'],
      ['territory.tiandituKey', KEY],
    ]) {
      const res = await put(key!, value, secretary);
      expect(res.status, key).toBe(403);
    }
    expect(await mapBase()).toEqual({ kind: 'none', layers: [], incomplete: false });
  });

  it('a custom template reaches the map and the pages’ image policy; its {s} is spelled out per subdomain', async () => {
    expect((await put('territory.baseMap', 'custom')).status).toBe(200);
    // Chosen before its URL: nothing is drawn, and the map says the base map is incomplete.
    expect(await mapBase()).toEqual({ kind: 'custom', layers: [], incomplete: true });
    expect(await imageSources()).toEqual(['https://extra.example.gov.cn']);

    const url = ' https://{s}.Tiles.example.gov.cn:8443/wmts/{z}/{x}/{y}.png?style=grey ';
    const saved = await put('territory.baseMapUrl', url);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.data.value).toBe(url.trim());
    const base = await mapBase();
    expect(base).toMatchObject({ kind: 'custom', incomplete: false });
    expect(base.layers).toEqual([expect.objectContaining({ url: url.trim(), subdomains: 'abc' })]);
    expect(await imageSources()).toEqual([
      'https://extra.example.gov.cn',
      'https://a.tiles.example.gov.cn:8443',
      'https://b.tiles.example.gov.cn:8443',
      'https://c.tiles.example.gov.cn:8443',
    ]);

    const audit = await t.request('GET', '/api/v1/audit?action=setting.changed', { cookie: admin });
    expect(audit.json.data[0].changes).toEqual({ value: { from: '', to: url.trim() } });
  });

  it('the Tianditu preset draws the vector map and its labels with the county’s key from t0 … t7', async () => {
    expect((await put('territory.baseMap', 'tianditu')).status).toBe(200);
    expect(await mapBase()).toEqual({ kind: 'tianditu', layers: [], incomplete: true });
    expect((await put('territory.tiandituKey', KEY)).status).toBe(200);
    const base = await mapBase();
    expect(base.incomplete).toBe(false);
    expect(base.layers.map((l) => new URL(l.url.replace('{s}', '0')).pathname)).toEqual([
      '/vec_w/wmts',
      '/cva_w/wmts',
    ]);
    for (const layer of base.layers) {
      expect(layer.url).toMatch(/^https:\/\/t\{s\}\.tianditu\.gov\.cn\//);
      expect(layer.url).toContain(`tk=${KEY}`);
      expect(layer.url).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
      expect(layer.subdomains).toBe('01234567');
      expect(layer.attribution).toContain('天地图');
    }
    expect(await imageSources()).toEqual([
      'https://extra.example.gov.cn',
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `https://t${i}.tianditu.gov.cn`),
    ]);

    // Back to none: no tiles, no foreign images.
    expect((await put('territory.baseMap', 'none')).status).toBe(200);
    expect(await mapBase()).toEqual({ kind: 'none', layers: [], incomplete: false });
    expect(await imageSources()).toEqual(['https://extra.example.gov.cn']);
  });
});
