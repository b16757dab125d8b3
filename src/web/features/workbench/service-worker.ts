/** The cache the service worker (public/sw.js) keeps the app shell in; the same name there. */
export const SHELL_CACHE = 'wuwei-workbench-v1';

/**
 * Installs the workbench's service worker (public/sw.js, scope /m/) in a built app, where the browser
 * supports it, and puts into its cache what this page has loaded already (the shell and the scripts and styles of
 * the frame and the workbench), so that the next start opens without a connection.
 */
export function registerWorkbenchWorker() {
  // A built app (mode production, whatever NODE_ENV the build ran under), not the dev server.
  if (
    (import.meta as ImportMeta & { env: { MODE: string } }).env.MODE !== 'production' ||
    !('serviceWorker' in navigator) ||
    !('caches' in window)
  ) {
    return;
  }
  void navigator.serviceWorker
    .register('/sw.js', { scope: '/m/' })
    .then(async () => {
      const loaded = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname);
      const cache = await caches.open(SHELL_CACHE);
      await Promise.all(
        ['/m/', ...new Set(loaded)].map(async (path) => {
          if (!(await cache.match(path))) await cache.add(path);
        }),
      );
    })
    .catch(() => undefined);
}
