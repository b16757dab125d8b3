import { lazy } from 'react';

const importSheets = () => import('./sheets.tsx');
let loading: ReturnType<typeof importSheets> | undefined;

/** The sheets' file (sheets.tsx), loaded once; a failed load (no connection, not cached) is tried again next time. */
export function loadSheets() {
  loading ??= importSheets().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The visit, log and task sheets and the round chooser, drawn once their file has come (inside a Suspense). */
export const VisitSheet = lazy(() => loadSheets().then((m) => ({ default: m.VisitSheet })));
export const LogSheet = lazy(() => loadSheets().then((m) => ({ default: m.LogSheet })));
export const RoundChooser = lazy(() => loadSheets().then((m) => ({ default: m.RoundChooser })));
export const TaskSheet = lazy(() => loadSheets().then((m) => ({ default: m.TaskSheet })));

let prefetched = false;

/**
 * Loads the sheets' file when the browser is idle (called once the first list is drawn), so that the first tap on a
 * household does not wait for it. Through the service worker, this also keeps it for offline use (public/sw.js; the
 * page names it too, unfetched, for the worker's install: vite.config.ts).
 */
export function prefetchSheets() {
  if (prefetched) return;
  prefetched = true;
  const load = () =>
    void loadSheets().catch(() => {
      prefetched = false;
    });
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
