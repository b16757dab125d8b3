import { describe, expect, it } from 'vitest';
import { CronError, parseCron } from './cron.ts';

/** The next `count` slots after `from`, as ISO strings. */
function slots(expression: string, from: string, count = 3, zone?: string): string[] {
  const cron = parseCron(expression, zone);
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    at = cron.next(at)!;
    out.push(at.toISOString());
  }
  return out;
}

describe('cron expressions in Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('runs every minute, strictly after the given time', () => {
    expect(slots('* * * * *', '2026-03-01T00:00:00.000Z')).toEqual([
      '2026-03-01T00:01:00.000Z',
      '2026-03-01T00:02:00.000Z',
      '2026-03-01T00:03:00.000Z',
    ]);
    expect(slots('* * * * *', '2026-03-01T00:00:59.999Z', 1)).toEqual(['2026-03-01T00:01:00.000Z']);
  });

  it('reads hours in local time: 08:00 in Shanghai is 00:00 UTC', () => {
    expect(slots('0 8 * * *', '2026-03-01T00:00:00.000Z', 2)).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-03T00:00:00.000Z',
    ]);
    // Midnight local is 16:00 UTC the day before.
    expect(slots('0 0 * * *', '2026-03-01T12:00:00.000Z', 1)).toEqual(['2026-03-01T16:00:00.000Z']);
  });

  it('steps: */15 minutes, */6 hours, and a/n from a to the end of the field', () => {
    expect(slots('*/15 * * * *', '2026-03-01T00:07:00.000Z')).toEqual([
      '2026-03-01T00:15:00.000Z',
      '2026-03-01T00:30:00.000Z',
      '2026-03-01T00:45:00.000Z',
    ]);
    // 00:00, 06:00, 12:00, 18:00 local = 16:00, 22:00, 04:00, 10:00 UTC.
    expect(slots('0 */6 * * *', '2026-03-01T15:00:00.000Z', 4)).toEqual([
      '2026-03-01T16:00:00.000Z',
      '2026-03-01T22:00:00.000Z',
      '2026-03-02T04:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ]);
    expect(slots('50/5 * * * *', '2026-03-01T00:00:00.000Z')).toEqual([
      '2026-03-01T00:50:00.000Z',
      '2026-03-01T00:55:00.000Z',
      '2026-03-01T01:50:00.000Z',
    ]);
  });

  it('ranges, ranges with steps and lists', () => {
    // 09:00–17:00 local on the hour, stepped by 4: 09, 13, 17 local = 01, 05, 09 UTC.
    expect(slots('0 9-17/4 * * *', '2026-03-01T00:00:00.000Z')).toEqual([
      '2026-03-01T01:00:00.000Z',
      '2026-03-01T05:00:00.000Z',
      '2026-03-01T09:00:00.000Z',
    ]);
    expect(slots('5,10,20-21 0 * * *', '2026-03-01T15:00:00.000Z', 5)).toEqual([
      '2026-03-01T16:05:00.000Z',
      '2026-03-01T16:10:00.000Z',
      '2026-03-01T16:20:00.000Z',
      '2026-03-01T16:21:00.000Z',
      '2026-03-02T16:05:00.000Z',
    ]);
  });

  it('months and days of the month, skipping months without the day', () => {
    // The 31st at 10:00 local: March, May, July.
    expect(slots('0 10 31 * *', '2026-02-01T00:00:00.000Z')).toEqual([
      '2026-03-31T02:00:00.000Z',
      '2026-05-31T02:00:00.000Z',
      '2026-07-31T02:00:00.000Z',
    ]);
    // 29 February comes in leap years only.
    expect(slots('0 0 29 2 *', '2026-01-01T00:00:00.000Z', 2)).toEqual([
      '2028-02-28T16:00:00.000Z',
      '2032-02-28T16:00:00.000Z',
    ]);
    expect(slots('0 12 1 1,7 *', '2026-01-15T00:00:00.000Z', 2)).toEqual([
      '2026-07-01T04:00:00.000Z',
      '2027-01-01T04:00:00.000Z',
    ]);
  });

  it('days of the week in local time, 0 and 7 both Sunday', () => {
    // 2026-03-01 is a Sunday. 07:30 local Monday to Friday.
    expect(slots('30 7 * * 1-5', '2026-02-28T00:00:00.000Z', 6)).toEqual([
      '2026-03-01T23:30:00.000Z', // Monday 2 March, 07:30 local
      '2026-03-02T23:30:00.000Z',
      '2026-03-03T23:30:00.000Z',
      '2026-03-04T23:30:00.000Z',
      '2026-03-05T23:30:00.000Z', // Friday 6 March
      '2026-03-08T23:30:00.000Z', // Monday 9 March
    ]);
    expect(slots('0 0 * * 7', '2026-03-01T00:00:00.000Z', 2)).toEqual(
      slots('0 0 * * 0', '2026-03-01T00:00:00.000Z', 2),
    );
    // Sunday midnight local is Saturday 16:00 UTC.
    expect(slots('0 0 * * 0', '2026-03-01T00:00:00.000Z', 1)).toEqual(['2026-03-07T16:00:00.000Z']);
  });

  it('with both day fields restricted, a day matching either runs (as in Vixie cron)', () => {
    // The 15th, or any Monday, in March 2026: Mon 2, Mon 9, Sun 15, Mon 16.
    expect(slots('0 12 15 3 1', '2026-03-01T00:00:00.000Z', 4)).toEqual([
      '2026-03-02T04:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-15T04:00:00.000Z',
      '2026-03-16T04:00:00.000Z',
    ]);
  });

  it('finds nothing for a date that never comes', () => {
    expect(parseCron('0 0 31 2 *').next(new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('refuses malformed expressions, saying which field is wrong', () => {
    expect(() => parseCron('* * * *')).toThrow(/expected 5 fields/);
    expect(() => parseCron('60 * * * *')).toThrow(/minute "60" is outside 0-59/);
    expect(() => parseCron('* 24 * * *')).toThrow(/hour/);
    expect(() => parseCron('* * 0 * *')).toThrow(/day of month "0"/);
    expect(() => parseCron('* * * 13 *')).toThrow(/month "13"/);
    expect(() => parseCron('* * * * 8')).toThrow(/day of week "8"/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step below 1/);
    expect(() => parseCron('5-1 * * * *')).toThrow(/outside/);
    expect(() => parseCron('* * * JAN *')).toThrow(CronError);
    expect(() => parseCron('1,,2 * * * *')).toThrow(CronError);
    expect(() => parseCron('* * * * *', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('cron expressions in other zones', () => {
  it('UTC', () => {
    expect(slots('0 8 * * *', '2026-03-01T00:00:00.000Z', 1, 'UTC')).toEqual(['2026-03-01T08:00:00.000Z']);
  });

  it('with daylight saving, skips a time in the spring gap and fires a repeated time once', () => {
    // New York, 8 March 2026: 02:00 jumps to 03:00, so 02:30 does not exist that day.
    expect(slots('30 2 * * *', '2026-03-07T12:00:00.000Z', 2, 'America/New_York')).toEqual([
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
    // 1 November 2026: 01:00–02:00 happens twice; 01:30 fires at its first occurrence (EDT) only.
    expect(slots('30 1 * * *', '2026-11-01T00:00:00.000Z', 2, 'America/New_York')).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });
});
