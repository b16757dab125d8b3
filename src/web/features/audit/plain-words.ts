import type { BiText } from '../../app/i18n.tsx';
import type { AuditChange } from './api.ts';

/** A value as the server worded it, or the "empty" text for none. */
export function valueText(value: BiText | null, pick: (text: BiText) => string, empty: string): string {
  return value ? pick(value) : empty;
}

/**
 * One change in a line: "姓名：王*明 → 王*红" ("Name: …" in English); a value written once reads "label：value".
 * The colon follows the language (full-width in Chinese).
 */
export function changeLine(
  change: AuditChange,
  pick: (text: BiText) => string,
  empty: string,
): { label: string; value: string; line: string } {
  const label = pick(change.label);
  const value = change.changed
    ? `${valueText(change.from, pick, empty)} → ${valueText(change.to, pick, empty)}`
    : valueText(change.to, pick, empty);
  const colon = pick({ zh: '：', en: ': ' });
  return { label, value, line: `${label}${colon}${value}` };
}

/** The first changes of an entry in one short line for the list ("…" after `max` of them). */
export function changeSummary(
  changes: AuditChange[],
  pick: (text: BiText) => string,
  empty: string,
  max = 2,
): string {
  const lines = changes.slice(0, max).map((c) => changeLine(c, pick, empty).line);
  const separator = pick({ zh: '；', en: '; ' });
  return lines.join(separator) + (changes.length > max ? ' …' : '');
}
