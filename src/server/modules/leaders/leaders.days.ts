/** Days (YYYY-MM-DD) as terms count them: in Asia/Shanghai (UTC+8), both ends of a term included. */

/** The day in Asia/Shanghai of an instant. */
export function shanghaiDay(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day of a one-year term starting on `start` (a year later, less a day; 29 February starts end 27 February). */
export function yearTermEnd(start: string): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February + 1 year rolls over to 1 March: the term still ends the day before.
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}
