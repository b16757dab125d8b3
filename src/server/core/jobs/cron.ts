/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week) read in a time zone, Asia/Shanghai by
 * default. Each field is `*`, a number, a range `a-b`, a step `*\/n`, `a-b/n` or `a/n` (from a to the field's end),
 * or a comma-separated list of those. Day of week is 0–7, both 0 and 7 meaning Sunday. As in Vixie cron, when both
 * day fields are restricted a day matching either one runs; when one is `*`, the other alone decides.
 * No names (JAN, MON), no `?`, `L`, `W` or `#`, no seconds.
 *
 * In a zone with daylight saving, a wall-clock time that does not exist (the spring gap) is skipped and one that
 * happens twice (the autumn overlap) fires at its first occurrence. China has had no daylight saving since 1991.
 */
export type Cron = {
  readonly expression: string;
  readonly timeZone: string;
  /** The first slot strictly after `after` (to the minute), or null when none comes within eight years. */
  next(after: Date): Date | null;
};

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

type Field = { name: string; min: number; max: number };
const FIELDS: Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

export class CronError extends Error {
  constructor(expression: string, reason: string) {
    super(`invalid cron expression "${expression}": ${reason}`);
    this.name = 'CronError';
  }
}

/** Parses a cron expression; throws CronError saying which field is wrong. */
export function parseCron(expression: string, timeZone: string = DEFAULT_TIME_ZONE): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(expression, `expected 5 fields, found ${parts.length}`);
  const [minutes, hours, days, months, weekdays] = parts.map((part, i) =>
    parseField(expression, part, FIELDS[i]!),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.delete(7)) weekdays.add(0);
  const dayRestricted = parts[2] !== '*';
  const weekdayRestricted = parts[4] !== '*';
  const offsetOf = zoneOffset(expression, timeZone);

  function dayMatches(wall: Date): boolean {
    const inMonth = days.has(wall.getUTCDate());
    const inWeek = weekdays.has(wall.getUTCDay());
    if (dayRestricted && weekdayRestricted) return inMonth || inWeek;
    return inMonth && inWeek;
  }

  /** The first wall-clock minute at or after `wall` that matches, walking field by field (UTC fields of `wall`). */
  function nextWall(wall: Date, limit: number): Date | null {
    const t = new Date(wall);
    while (t.getTime() < limit) {
      if (!months.has(t.getUTCMonth() + 1)) {
        t.setUTCMonth(t.getUTCMonth() + 1, 1);
        t.setUTCHours(0, 0, 0, 0);
      } else if (!dayMatches(t)) {
        t.setUTCDate(t.getUTCDate() + 1);
        t.setUTCHours(0, 0, 0, 0);
      } else if (!hours.has(t.getUTCHours())) {
        t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      } else if (!minutes.has(t.getUTCMinutes())) {
        t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      } else {
        return t;
      }
    }
    return null;
  }

  return {
    expression,
    timeZone,
    next(after) {
      // Wall-clock times are handled as UTC dates whose fields are the zone's local fields.
      const start = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
      let wall = new Date(start + offsetOf(start));
      const limit = wall.getTime() + 8 * 366 * 86_400_000;
      for (;;) {
        const found = nextWall(wall, limit);
        if (!found) return null;
        const instant = wallToInstant(found.getTime(), offsetOf);
        if (instant !== null && instant >= start) return new Date(instant);
        wall = new Date(found.getTime() + 60_000);
      }
    },
  };
}

function parseField(expression: string, text: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new CronError(expression, `${field.name} "${item}" is not *, n, a-b or a list of them`);
    const [, range, from, to, step] = match;
    let low = field.min;
    let high = field.max;
    if (range !== '*') {
      low = Number(from);
      // `a/n` runs from a to the field's end; a lone `a` is just a.
      high = to !== undefined ? Number(to) : step !== undefined ? field.max : low;
    }
    const by = step !== undefined ? Number(step) : 1;
    if (low < field.min || high > field.max || low > high) {
      throw new CronError(expression, `${field.name} "${item}" is outside ${field.min}-${field.max}`);
    }
    if (by < 1) throw new CronError(expression, `${field.name} "${item}" has a step below 1`);
    for (let v = low; v <= high; v += by) values.add(v);
  }
  return values;
}

/** Offset of the zone from UTC, in ms, at an instant; throws CronError for an unknown zone. */
function zoneOffset(expression: string, timeZone: string): (instant: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new CronError(expression, `unknown time zone "${timeZone}"`);
  }
  return (instant) => {
    const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
    const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
    return wall - Math.floor(instant / 60_000) * 60_000;
  };
}

/** The instant a wall-clock time of the zone names, or null when it does not exist there (a daylight-saving gap). */
function wallToInstant(wall: number, offsetOf: (instant: number) => number): number | null {
  // Try the offsets in force a day either side: the earlier reading first, so a repeated hour fires once, first.
  const candidates = [wall - offsetOf(wall - 86_400_000), wall - offsetOf(wall + 86_400_000)].sort(
    (a, b) => a - b,
  );
  for (const instant of candidates) if (instant + offsetOf(instant) === wall) return instant;
  return null;
}
