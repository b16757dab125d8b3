const shanghaiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2025-03-08 14:05:09" in Beijing time, whatever the device's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(shanghaiParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** The start of a calendar day (YYYY-MM-DD) in Beijing time, as an ISO datetime with offset. */
export function chinaDayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The last millisecond of a calendar day (YYYY-MM-DD) in Beijing time. */
export function chinaDayEnd(day: string): string {
  return `${day}T23:59:59.999+08:00`;
}
