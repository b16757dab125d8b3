import { z } from '@hono/zod-openapi';
import type { Executor } from '../../core/db/client.ts';
import { defineSetting, readSetting } from '../../core/settings/settings.ts';
import { baseLinesOf } from './territory.base-lines.ts';
import { baseLineKinds } from './territory.tables.ts';

/**
 * The map's base layer, set once for the county by an administrator (/settings): none (boundaries over a plain
 * background, the default: works offline and inside closed networks), the 天地图 Tianditu preset with the county's
 * key, or a custom https tile URL template. The server turns the settings into the tile layers the map draws
 * (`baseMap`) and into the origins the pages' Content-Security-Policy allows images from (`baseMapOrigins`), so
 * the two never disagree (docs/decisions/base-map.md).
 */
export const baseMapKind = defineSetting({
  key: 'territory.baseMap',
  label: { zh: '地图底图', en: 'Base map' },
  help: {
    zh: '“无底图”时地图只画区域边界，内网和离线环境下也可使用；选“天地图”需先填写下方的天地图密钥；选“自定义”需先填写瓦片地址',
    en: 'With “none” the map draws boundaries only and works offline and in closed networks; “Tianditu” needs the Tianditu key below; “custom” needs the tile URL below',
  },
  input: {
    kind: 'choice',
    options: {
      none: { zh: '无底图（仅边界）', en: 'None (boundaries only)' },
      tianditu: { zh: '天地图（矢量底图 + 注记）', en: 'Tianditu (vector map + labels)' },
      custom: { zh: '自定义瓦片地址', en: 'Custom tile URL' },
    },
  },
  default: 'none',
});

/**
 * A tile URL template: https, a host (its first label may hold `{s}`, Leaflet's subdomain), an optional port, and a
 * path holding `{z}`, `{x}` and `{y}`; no spaces, quotes or angle brackets. Empty means none. The host goes into
 * the Content-Security-Policy, so nothing but letters, digits, dots and hyphens may appear in it.
 */
const TILE_URL =
  '^$|^(?=[^#]*\\{z\\})(?=[^#]*\\{x\\})(?=[^#]*\\{y\\})https://(?:[A-Za-z0-9-]*\\{s\\}[A-Za-z0-9-]*\\.)?(?:[A-Za-z0-9-]+\\.)+[A-Za-z0-9-]+(?::\\d{1,5})?/[^\\s"\'<>\\\\`]*$';

export const baseMapUrl = defineSetting({
  key: 'territory.baseMapUrl',
  label: { zh: '自定义瓦片地址', en: 'Custom tile URL' },
  help: {
    zh: '“自定义”底图的瓦片地址模板，须以 https:// 开头并含 {z}、{x}、{y}（可用 {s} 表示子域 a、b、c），如 https://tiles.example.gov.cn/{z}/{x}/{y}.png；坐标须为 WGS 84 / CGCS2000（高德、百度等偏移坐标的底图会与边界错位）',
    en: 'The tile URL template of the “custom” base map: https:// with {z}, {x} and {y} ({s} for the subdomains a, b, c), e.g. https://tiles.example.gov.cn/{z}/{x}/{y}.png; in WGS 84 / CGCS2000 (shifted maps such as Amap or Baidu do not line up with the boundaries)',
  },
  input: {
    kind: 'text',
    maxLength: 500,
    pattern: {
      source: TILE_URL,
      hint: {
        zh: '瓦片地址须以 https:// 开头，主机名只含字母、数字、点和连字符，路径中须含 {z}、{x}、{y}，且不含空格或引号',
        en: 'The tile URL must start with https://, have a host of letters, digits, dots and hyphens, and a path with {z}, {x} and {y}, without spaces or quotes',
      },
    },
  },
  default: '',
});

export const tiandituKey = defineSetting({
  key: 'territory.tiandituKey',
  label: { zh: '天地图密钥（tk）', en: 'Tianditu key (tk)' },
  help: {
    zh: '在天地图开放平台申请的“浏览器端”密钥（32 位），并在平台上把本系统的域名或 IP 加入白名单。密钥随瓦片请求发送给浏览器，不是机密',
    en: 'A “browser” key (32 characters) from the Tianditu developer platform, with this system’s domain or IP on its allow list. Browsers send it with every tile request, so it is not a secret',
  },
  input: {
    kind: 'text',
    // Longer than a key, so that a pasted key with one character too many is told the key's rule.
    maxLength: 100,
    pattern: {
      source: '^$|^[0-9a-fA-F]{32}$',
      hint: {
        zh: '天地图密钥为 32 位十六进制字符（0–9、a–f）',
        en: 'A Tianditu key is 32 hexadecimal characters (0–9, a–f)',
      },
    },
  },
  default: '',
});

export const baseMapSettings = [baseMapKind, baseMapUrl, tiandituKey];

/** Tianditu serves the web-Mercator (`_w`) layers from t0 … t7. */
const TIANDITU_SUBDOMAINS = '01234567';
const TIANDITU_ATTRIBUTION =
  '© <a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图</a>';

function tiandituLayer(layer: 'vec' | 'cva', key: string) {
  const query = new URLSearchParams({
    SERVICE: 'WMTS',
    REQUEST: 'GetTile',
    VERSION: '1.0.0',
    LAYER: layer,
    STYLE: 'default',
    TILEMATRIXSET: 'w',
    FORMAT: 'tiles',
    tk: key,
  });
  // The placeholders stay unescaped for Leaflet to fill.
  return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?${query.toString()}&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`;
}

export const baseMapLayerSchema = z.strictObject({
  url: z.string().openapi({ description: 'Tile URL template ({z}/{x}/{y}, {s} for a subdomain)' }),
  subdomains: z.string().openapi({ description: 'The characters {s} takes' }),
  attribution: z.string().openapi({ description: 'HTML attribution the map shows while the layer is drawn' }),
  maxZoom: z.number().int(),
});

export const baseLineSchema = z
  .strictObject({
    kind: z.enum(baseLineKinds),
    line: z
      .array(z.tuple([z.number(), z.number()]))
      .openapi({ description: '[[lng, lat], …], at least two points' }),
  })
  .openapi('BaseLine');

export const baseMapSchema = z
  .strictObject({
    kind: z.enum(['none', 'tianditu', 'custom']),
    layers: z
      .array(baseMapLayerSchema)
      .openapi({ description: 'Drawn bottom to top; none: boundaries only' }),
    incomplete: z.boolean().openapi({
      description: 'The chosen base map lacks its key or URL, so none is drawn (the settings page says what)',
    }),
    lines: z.array(baseLineSchema).openapi({
      description:
        'The county’s offline base layer (roads, rivers: territory_base_lines), drawn under the areas when no tile layer is',
    }),
  })
  .openapi('BaseMap');
export type BaseMap = z.infer<typeof baseMapSchema>;

/**
 * The base map of the place `code` (the county's when none): the tile layers the county's settings give, or none,
 * and the county's base lines (territory.base-lines.ts).
 */
export async function baseMap(db: Executor, code?: string): Promise<BaseMap> {
  const [tiles, lines] = await Promise.all([
    baseMapTiles(db),
    code === undefined ? Promise.resolve([]) : baseLinesOf(db, code),
  ]);
  return { ...tiles, lines };
}

/** The base map's tile layers the county's settings give, or none. */
async function baseMapTiles(db: Executor): Promise<Omit<BaseMap, 'lines'>> {
  const kind = (await readSetting(db, baseMapKind)) as BaseMap['kind'];
  if (kind === 'tianditu') {
    const key = await readSetting(db, tiandituKey);
    if (!key) return { kind, layers: [], incomplete: true };
    return {
      kind,
      incomplete: false,
      layers: (['vec', 'cva'] as const).map((layer) => ({
        url: tiandituLayer(layer, key),
        subdomains: TIANDITU_SUBDOMAINS,
        attribution: TIANDITU_ATTRIBUTION,
        maxZoom: 18,
      })),
    };
  }
  if (kind === 'custom') {
    const url = await readSetting(db, baseMapUrl);
    if (!url) return { kind, layers: [], incomplete: true };
    return { kind, incomplete: false, layers: [{ url, subdomains: 'abc', attribution: '', maxZoom: 19 }] };
  }
  return { kind: 'none', layers: [], incomplete: false };
}

/**
 * The origins of the base map's tiles, for the pages' Content-Security-Policy img-src: each subdomain of a layer
 * spelled out (Tianditu's t0 … t7, a custom `{s}` as a, b, c), nothing when there is no base map.
 */
export async function baseMapOrigins(db: Executor): Promise<string[]> {
  const origins = new Set<string>();
  for (const layer of (await baseMapTiles(db)).layers) {
    const hosts = layer.url.includes('{s}')
      ? [...layer.subdomains].map((s) => layer.url.replaceAll('{s}', s))
      : [layer.url];
    for (const url of hosts) {
      const origin = tileOrigin(url);
      if (origin) origins.add(origin);
    }
  }
  return [...origins];
}

/** The origin of a tile URL whose placeholders are still in its path; null if it is not a plain https origin. */
function tileOrigin(url: string): string | null {
  const match = /^https:\/\/([a-z0-9.-]+(?::\d{1,5})?)\//i.exec(url);
  return match ? `https://${match[1]!.toLowerCase()}` : null;
}
