/**
 * What the phone workbench (/m/) keeps on the device to open without a connection: the signed-in user, the lists it
 * last loaded and what waits to be sent (visits, logs, photos). Everything is encrypted (AES-GCM, a fresh IV per
 * value) under a key generated for the signed-in user as a NON-extractable WebCrypto key: it is kept in IndexedDB
 * (a CryptoKey can be stored there but never read out), and the values beside it as iv + ciphertext. Signing out,
 * or signing in as someone else, deletes the key and the values (forgetOffline, offlineBindUser). Without WebCrypto
 * or IndexedDB (an insecure origin, private mode) nothing is kept and the workbench works online only.
 */
const DB_NAME = 'wuwei-offline';
const KEYS = 'keys';
const VALUES = 'values';
/** Where earlier versions kept the same data in plain JSON: removed on start and on forgetting. */
const LEGACY_PREFIX = 'wuwei.offline.';

type KeyRecord = { userId: string | null; key: CryptoKey };
type Sealed = { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };

let opened: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(KEYS);
      req.result.createObjectStore(VALUES);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting the data (sign-out) must not wait for this one.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

async function store(name: string, mode: IDBTransactionMode) {
  return (await database()).transaction(name, mode).objectStore(name);
}

/** Key operations run one after another: two first writes at once must not each generate a key. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

const supported = () => typeof indexedDB !== 'undefined' && Boolean(globalThis.crypto?.subtle);

/** The device key, generated (non-extractable) for `userId` when asked to create it. */
function deviceKey(userId: string | null, create: boolean): Promise<KeyRecord | undefined> {
  return serial(() => loadOrCreateKey(userId, create));
}

async function loadOrCreateKey(userId: string | null, create: boolean): Promise<KeyRecord | undefined> {
  const kept = (await request((await store(KEYS, 'readonly')).get('device'))) as KeyRecord | undefined;
  if (kept || !create) return kept;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const record: KeyRecord = { userId, key };
  await request((await store(KEYS, 'readwrite')).put(record, 'device'));
  return record;
}

/** The value kept under `key`, decrypted; undefined when none, or when it cannot be read (another key). */
export async function offlineGet<T>(key: string): Promise<T | undefined> {
  if (!supported()) return undefined;
  try {
    const record = await deviceKey(null, false);
    if (!record) return undefined;
    const sealed = (await request((await store(VALUES, 'readonly')).get(key))) as Sealed | undefined;
    if (!sealed) return undefined;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, record.key, sealed.data);
    return JSON.parse(new TextDecoder().decode(plain)) as T;
  } catch {
    return undefined;
  }
}

/**
 * Settled once this page has bound the device to the signed-in user (offlineBindUser), anew after each forgetting.
 * On a phone the lists' answers come before /me's: their writes wait for it instead of finding no key (the first
 * visit then kept nothing, and the next start had nothing to draw or to open offline with).
 */
let bound = deferred();
/** How long a write waits for the binding before using the key there is (offline, /me answered from the device). */
const BIND_WAIT_MS = 10_000;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function untilBound(): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, BIND_WAIT_MS);
    void bound.promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Stores a value, encrypted; a full storage (quota) leaves the previous copy, which is only a cache. */
export async function offlineSet(key: string, value: unknown): Promise<void> {
  if (!supported()) return;
  try {
    await untilBound();
    // Only a key bound to the signed-in user (offlineBindUser) encrypts: without one nothing is kept, so data never
    // sits under a key that a later sign-in could not tell apart from another user's.
    const record = await deviceKey(null, false);
    if (!record) return;
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(value));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, record.key, plain);
    await request((await store(VALUES, 'readwrite')).put({ iv, data } satisfies Sealed, key));
  } catch {
    // quota or private mode: the workbench then works online only
  }
}

export async function offlineRemove(key: string): Promise<void> {
  if (!supported()) return;
  try {
    await request((await store(VALUES, 'readwrite')).delete(key));
  } catch {
    // nothing kept
  }
}

function forgetLegacy() {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(LEGACY_PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // nothing kept
  }
}

const forgetListeners = new Set<() => void>();

/** Runs `listener` whenever what was kept is forgotten (what a page holds in memory from it must go too). */
export function onOfflineForgotten(listener: () => void): () => void {
  forgetListeners.add(listener);
  return () => forgetListeners.delete(listener);
}

/** Forgets everything the workbench kept on this device: the key and the values (the whole database). */
export function forgetOffline(): Promise<void> {
  forgetLegacy();
  bound = deferred();
  for (const listener of forgetListeners) listener();
  return serial(deleteAll);
}

async function deleteAll(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    const db = await opened?.catch(() => null);
    db?.close();
    opened = null;
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      // Another tab still holds it open: it closes on versionchange, and the deletion then completes.
      req.onblocked = () => undefined;
    });
  } catch {
    // nothing kept
  }
}

/**
 * Binds the device's data to the signed-in user: a key generated for someone else (or before anyone was known)
 * is deleted with everything under it, so one user never opens another's lists or sends their queue.
 */
export async function offlineBindUser(userId: string): Promise<void> {
  const legacy = readLegacy(userId);
  forgetLegacy();
  if (!supported()) return;
  const fresh = await serial(async () => {
    try {
      const record = await loadOrCreateKey(null, false);
      if (record?.userId === userId) return false;
      if (record) {
        for (const listener of forgetListeners) listener();
        await deleteAll();
      }
      await loadOrCreateKey(userId, true);
      return true;
    } catch {
      return false; // without storage, nothing is kept
    }
  });
  bound.resolve();
  // What an earlier version kept in plain JSON for this same user (unsent visits above all) moves in, encrypted.
  if (fresh) for (const [key, value] of legacy) await offlineSet(key, value);
}

/** The plain values an earlier version kept, when they were kept for `userId`. */
function readLegacy(userId: string): [string, unknown][] {
  try {
    const me = localStorage.getItem(`${LEGACY_PREFIX}me`);
    if (!me || (JSON.parse(me) as { id?: string }).id !== userId) return [];
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(LEGACY_PREFIX))
      .map((key) => [key.slice(LEGACY_PREFIX.length), JSON.parse(localStorage.getItem(key)!) as unknown]);
  } catch {
    return [];
  }
}
