// The phone workbench's service worker (scope /m/, registered by features/workbench/service-worker.ts).
// The app shell opens from the cache, with or without a connection: the workbench's page (/m/: the phone entry,
// m/index.html) from the cache while a fresh copy is fetched for the next start; built files (/assets/, hashed
// names, never changed) from the cache first. Other pages under /m/ (/m/leader) are the desk app's: from the
// network, never kept as the shell. API answers are never cached here: the workbench keeps its own copy of the
// lists it needs on the device, and personal data stays out of the HTTP caches.
const CACHE = 'wuwei-workbench-v1';
const SHELL = '/m/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(SHELL, { cache: 'no-cache' });
      if (!response.ok) return;
      const html = await response.clone().text();
      await cache.put(SHELL, response);
      // The entry script, its preloaded chunks and style sheets named by the shell.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await Promise.all(assets.map((a) => cache.add(a).catch(() => undefined)));
    })().then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/**
 * The shell from the cache at once when it is there (a phone's round trip saved on every start), and fetched
 * meanwhile for the next start (a new build then opens the time after); from the network only the first time.
 * Its scripts are hashed and kept beside it, so a kept shell always finds the files it names.
 */
function shellFromCache(event) {
  const refreshed = caches.open(CACHE).then(async (cache) => {
    const response = await fetch(event.request);
    if (response.ok) await cache.put(SHELL, response.clone());
    return response;
  });
  event.waitUntil(refreshed.catch(() => undefined));
  return caches.open(CACHE).then(async (cache) => (await cache.match(SHELL)) ?? refreshed);
}

async function assetFromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) void cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && (url.pathname === '/m/' || url.pathname === '/m')) {
    event.respondWith(shellFromCache(event));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFromCache(request));
  }
});
