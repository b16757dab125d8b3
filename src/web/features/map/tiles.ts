/**
 * The map's background. By default there is none: boundaries are drawn over a plain colour, so the map works
 * offline and inside a government network. A deployment (or a user) may set a tile URL template such as
 * `https://tiles.example.gov.cn/{z}/{x}/{y}.png`, either at build time (VITE_MAP_TILE_URL) or in this browser
 * (localStorage `wuwei.map.tileUrl`, set from the map page). The tile host's origin must also be listed in the
 * server's WUWEI_MAP_TILE_ORIGINS, which is the pages' Content-Security-Policy img-src.
 */
const STORAGE_KEY = 'wuwei.map.tileUrl';

function buildTimeUrl(): string | null {
  const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env;
  return env?.VITE_MAP_TILE_URL?.trim() || null;
}

/** Whether a template looks usable: http(s) with {z}, {x} and {y}. */
export function isTileUrl(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value) && ['{z}', '{x}', '{y}'].every((p) => value.includes(p));
}

export function tileUrl(): string | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && isTileUrl(stored)) return stored;
  } catch {
    // Private mode: fall back to the build's setting.
  }
  return buildTimeUrl();
}

/** Stores this browser's tile URL; null goes back to the build's setting (usually none). */
export function setTileUrl(value: string | null): void {
  try {
    if (value) localStorage.setItem(STORAGE_KEY, value);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
