/**
 * The pages that open without a connection: the phone workbench. Apart from offline.ts so that the desk's first
 * pages (sign-in) load without the device store, which they import only when they use it.
 */
export function isOfflinePage(pathname = location.pathname): boolean {
  return pathname === '/m' || pathname.startsWith('/m/');
}
