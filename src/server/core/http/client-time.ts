import { shanghaiDay } from '../db/periods.ts';
import { errors } from './errors.ts';

/** How far ahead of the server's clock a phone's clock may date what it recorded. */
export const CLIENT_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The moment something was done by the phone's clock (a visit, a task completed offline and sent later), or now when
 * the client sent none. Refused on its field (400 with the rule's code) when it is in the future beyond the allowed skew
 * or on a day before `earliestDay` (the round's or the task's first day): the time is the proof of when it happened.
 */
export function clientInstant(
  value: string | undefined,
  rule: {
    field: string;
    code: string;
    earliestDay: string;
    what: { zh: string; en: string };
    since: { zh: string; en: string };
  },
): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (at.getTime() > Date.now() + CLIENT_CLOCK_SKEW_MS || shanghaiDay(at) < rule.earliestDay) {
    throw errors.validation([
      {
        field: rule.field,
        code: rule.code,
        message: {
          zh: `${rule.what.zh}须在${rule.since.zh}（${rule.earliestDay}）之后，且不能晚于当前时间`,
          en: `${rule.what.en} must be after ${rule.since.en} (${rule.earliestDay}) and not in the future`,
        },
      },
    ]);
  }
  return at;
}
