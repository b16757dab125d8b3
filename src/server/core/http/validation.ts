import { z } from 'zod';
import { errors, MAX_ERROR_DETAILS, type ErrorDetail, type Text } from './errors.ts';

// Zod makes one message per issue. We make it carry both languages, joined by a unit separator, so that
// the error response can answer in the caller's language; `bi()` writes a custom message the same way.
const SEP = '\u001f';
const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type LocaleError = NonNullable<typeof zhCN>;
type RawIssue = Parameters<LocaleError>[0];

function render(localeError: LocaleError, issue: RawIssue): string {
  const result = localeError(issue);
  return typeof result === 'string' ? result : (result?.message ?? '');
}

/** A custom validation message in both languages, for `z.string().regex(re, bi('…', '…'))`. */
export function bi(zh: string, english: string): string {
  return zh + SEP + english;
}

z.config({
  localeError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined
      ? bi('此项为必填项', 'This field is required')
      : render(zhCN, issue) + SEP + render(en, issue),
});

export function splitMessage(message: string): Text {
  const [zh = message, english = message] = message.split(SEP);
  return { zh, en: english };
}

/** Turns a ZodError into the catalogue's VALIDATION_FAILED with one detail per field. */
export function validationError(error: z.ZodError, prefix?: string) {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)];
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key]) : [base];
    for (const parts of fields) {
      const field = parts.filter(Boolean).join('.');
      // One message per field, the first: a form shows one hint under each input.
      if (seen.has(field)) continue;
      seen.add(field);
      details.push({ field, code: issue.code, message: splitMessage(issue.message) });
      if (details.length === MAX_ERROR_DETAILS) return errors.validation(details);
    }
  }
  return errors.validation(details);
}
