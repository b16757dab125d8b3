/**
 * What shows while the session or a page's code loads: grey blocks where the frame and the page will be, drawn with
 * plain markup and CSS (global.css) so it needs no chunk of its own. index.html draws the same frame before any
 * script has arrived.
 */
export function ShellSkeleton() {
  return (
    <div className="ww-skeleton-shell" aria-busy="true">
      <div className="ww-skeleton-sider" />
      <div className="ww-skeleton-main">
        <div className="ww-skeleton-header" />
        <PageSkeleton />
      </div>
    </div>
  );
}

/** Blocks where a page's title, figures and table will be, inside the signed-in frame. */
export function PageSkeleton() {
  return (
    <div className="ww-skeleton-page" aria-busy="true">
      <div className="ww-skeleton-bar ww-skeleton-title" />
      <div className="ww-skeleton-cards">
        <div className="ww-skeleton-card" />
        <div className="ww-skeleton-card" />
        <div className="ww-skeleton-card" />
        <div className="ww-skeleton-card" />
      </div>
      <div className="ww-skeleton-bar" />
      <div className="ww-skeleton-bar" />
      <div className="ww-skeleton-bar ww-skeleton-short" />
    </div>
  );
}

/** A centred card where a page outside the frame (the sign-in page) will be. */
export function CardSkeleton() {
  return (
    <div className="ww-skeleton-centre" aria-busy="true">
      <div className="ww-skeleton-login" />
    </div>
  );
}
