import { useRef, useState, type ButtonHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';

/*
 * The phone's first screen in plain elements and global.css instead of antd (docs/decisions/workbench-first-screen.md):
 * antd's components compute and insert their styles (CSS-in-JS) as they first render, and its Tabs measure their
 * labels after drawing and draw again. On a phone opening from the service worker's cache, that was most of the
 * time between the script's start and the first list. The sheets, dialogs and alerts behind a tap stay antd's.
 */

export type LightTab = { key: string; label: ReactNode; children: ReactNode };

/**
 * Tabs (WAI-ARIA tabs pattern): a tablist of buttons, arrows / Home / End move between them, the active panel shown.
 * A panel stays mounted once opened (hidden when another is active), so its state (a chosen building) survives a
 * switch, as antd's Tabs keep it.
 */
export function LightTabs({
  items,
  activeKey,
  onChange,
  label,
  idPrefix,
}: {
  items: LightTab[];
  activeKey: string;
  onChange: (key: string) => void;
  label: string;
  idPrefix: string;
}) {
  const [opened, setOpened] = useState(() => new Set([activeKey]));
  if (!opened.has(activeKey)) setOpened(new Set([...opened, activeKey]));
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to === null) return;
    event.preventDefault();
    onChange(items[to]!.key);
    tabs.current[to]?.focus();
  };
  return (
    <div className="ww-tabs">
      <div role="tablist" aria-label={label} className="ww-tabs-list">
        {items.map((item, index) => {
          const active = item.key === activeKey;
          return (
            <button
              key={item.key}
              ref={(el) => {
                tabs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${item.key}`}
              aria-selected={active}
              aria-controls={`${idPrefix}-panel-${item.key}`}
              tabIndex={active ? 0 : -1}
              className={active ? 'ww-tab ww-tab-active' : 'ww-tab'}
              onClick={() => onChange(item.key)}
              onKeyDown={(event) => move(event, index)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) =>
        opened.has(item.key) ? (
          <div
            key={item.key}
            role="tabpanel"
            id={`${idPrefix}-panel-${item.key}`}
            aria-labelledby={`${idPrefix}-tab-${item.key}`}
            hidden={item.key !== activeKey}
            className="ww-tab-panel"
          >
            {item.children}
          </div>
        ) : null,
      )}
    </div>
  );
}

/** A progress bar with its percentage after it (as antd's Progress, small): finished bars are green. */
export function Meter({
  percent,
  label,
  ...rest
}: { percent: number; label: string } & { 'data-testid'?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      className={value === 100 ? 'ww-meter ww-meter-done' : 'ww-meter'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      {...rest}
    >
      <span className="ww-meter-track">
        <span className="ww-meter-bar" style={{ width: `${value}%` }} />
      </span>
      <span className="ww-meter-text">{value}%</span>
    </div>
  );
}

/** A button drawn as a link (antd's Button type="link"), or as a plain text button in the header. */
export function LinkButton({
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { 'data-testid'?: string }) {
  return <button type="button" className={`ww-link-button ${className ?? ''}`.trim()} {...rest} />;
}
