/**
 * What the phone workbench (/m/) keeps on the device to open without a connection: the signed-in user, the lists it
 * last loaded and the visits not yet sent, in localStorage under one prefix. Signing out, or signing in as someone
 * else, forgets all of it (forgetOffline).
 */
const PREFIX = 'wuwei.offline.';

export function offlineRead<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/** Stores a value; a full storage (quota) leaves the previous copy, which is only a cache. */
export function offlineWrite(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // quota or private mode: the workbench then works online only
  }
}

export function offlineRemove(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing kept
  }
}

/** Forgets everything the workbench kept on this device. */
export function forgetOffline(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // nothing kept
  }
}

/** The pages that open without a connection: the phone workbench. */
export function isOfflinePage(pathname = location.pathname): boolean {
  return pathname === '/m' || pathname.startsWith('/m/');
}
