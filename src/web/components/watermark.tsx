import { useEffect, useState } from 'react';
import { useMe } from '../app/session.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01 10:42" in the browser's time zone. */
function minuteText(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One tile of the pattern: the lines, slanted, in faint grey; repeated over the whole window. */
function tile(lines: readonly string[]): string {
  const text = lines
    .map((line, i) => `<tspan x="0" dy="${i === 0 ? 0 : 22}">${xmlEscape(line)}</tspan>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="190">` +
    `<text transform="translate(30 120) rotate(-22)" fill="rgba(0,0,0,0.07)" font-size="15" ` +
    `font-family="sans-serif">${text}</text></svg>`;
  return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
}

/** The current minute, renewed every minute. */
function useMinute(): string {
  const [now, setNow] = useState(() => minuteText(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(minuteText(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * A faint watermark over the whole window with the signed-in user's name, account and the time, as government
 * systems show over personal data: whoever photographs or prints the page is named on it. It takes no clicks
 * (pointer-events: none), is hidden from screen readers, and prints (print-color-adjust). Routes switch it on
 * with `watermark: true` in their feature's manifest (the router adds it).
 */
export function Watermark() {
  const me = useMe().data;
  const now = useMinute();
  if (!me) return null;
  const lines = [`${me.displayName} ${me.username}`, now];
  return (
    <div
      className="ww-watermark"
      aria-hidden="true"
      data-testid="watermark"
      data-text={lines.join(' ')}
      style={{ backgroundImage: tile(lines) }}
    />
  );
}
