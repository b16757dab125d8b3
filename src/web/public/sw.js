// The phone workbench's service worker (scope /m/, registered by features/workbench/service-worker.ts).
// The app shell opens from the cache when there is no connection: the workbench's page (/m/: the phone entry,
// m/index.html) from the network first, the cached shell after 3 s or without a connection; built files (/assets/,
// hashed names, never changed) from the cache first. Other pages under /m/ (/m/leader) are the desk app's: from the
// network, never kept as the shell. API answers are never cached here: the workbench keeps its own copy of the
// lists it needs on the device, and personal data stays out of the HTTP caches.
const CACHE = 'wuwei-workbench-v1';
const SHELL = '/m/';
const NETWORK_WAIT_MS = 3000;

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

async function shellFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) void cache.put(SHELL, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const answer = await Promise.race([network, timeout]);
    if (answer) return answer;
  } catch {
    // no connection: the cached shell below
  }
  const cached = await cache.match(SHELL);
  return cached ?? network;
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
    event.respondWith(shellFirstFromNetwork(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFromCache(request));
  }
});
