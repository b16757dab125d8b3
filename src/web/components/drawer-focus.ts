/**
 * For a Drawer's `afterOpenChange`: once it is open, focus moves into it (the topmost open drawer), so that Tab
 * starts inside it, a screen reader reads it, and Escape closes it. antd's `autoFocus` misses the first opening
 * (the panel is not mounted yet when it runs).
 */
export function focusOpenDrawer(open: boolean): void {
  if (!open) return;
  const drawers = document.querySelectorAll<HTMLElement>('.ant-drawer.ant-drawer-open');
  const top = drawers[drawers.length - 1];
  if (top && !top.contains(document.activeElement)) top.focus({ preventScroll: true });
}
