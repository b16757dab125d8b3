import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { errors, MAX_ERROR_DETAILS, type ErrorDetail, type Text } from './errors.ts';

/**
 * Characters no text of a request may hold, in any field: control characters but tab, LF and CR (NUL among them,
 * which PostgreSQL refuses in text); lone surrogates (in a /u regex a well-formed pair is one code point, so only a
 * lone half matches \p{Cs}; jsonb and UTF-8 refuse them); and noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and the
 * last two code points of every plane up to U+10FFFF), which never stand for text and are the "upper bound"
 * sentinels of range queries. Private-use characters (rare name characters in older Chinese systems) are allowed.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const FORBIDDEN = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cs}\p{Noncharacter_Code_Point}]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** Deepest nesting of arrays and objects a JSON body may have; our deepest schema (a map boundary) needs 5. */
export const MAX_JSON_DEPTH = 32;

/** True when the text holds a character no request may send (see FORBIDDEN). */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

const messages = {
  invalid_characters: {
    zh: '含有不允许的字符（控制字符、NUL、孤立代理项或非字符）',
    en: 'Contains characters that are not allowed (control characters, NUL, lone surrogates or noncharacters)',
  },
  invalid_encoding: {
    zh: '编码无效（须为 UTF-8 百分号编码）',
    en: 'Invalid encoding (must be percent-encoded UTF-8)',
  },
  too_deep: {
    zh: `嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
    en: `Nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
  },
} satisfies Record<string, Text>;

type Code = keyof typeof messages;

/** The JSON media types the route validators parse (hono/validator's test), so no body escapes this check. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Checks the text of every API request at the boundary, before a route sees it: path, query parameter names and
 * values, and JSON bodies (every string and object key, and the nesting depth). A bad character or encoding answers
 * 400 VALIDATION_FAILED with a detail per field (`path`, `query.<name>`, or the body field's dotted path, as the route
 * validators name them); a body that is not JSON answers 400 MALFORMED_JSON. The body is parsed once, here: the
 * route validator reads the same parsed value.
 */
export function inputCheck(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const details: ErrorDetail[] = [];
    const url = c.req.url;
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const queryStart = url.indexOf('?', pathStart);
    const rawPath = queryStart === -1 ? url.slice(pathStart) : url.slice(pathStart, queryStart);
    if (rawPath.includes('%')) checkText(decode(rawPath), 'path', details);
    if (queryStart !== -1) checkQuery(url.slice(queryStart + 1), details);

    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && details.length === 0) {
      const contentType = c.req.header('content-type');
      if (contentType && JSON_MEDIA_TYPE.test(contentType.split(';')[0]!.trim())) {
        const text = await c.req.text();
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw errors.malformedJson();
        }
        checkValue(body, [], details);
        // hono's c.req.json() parses the cached text again on every call; the validator gets this value instead.
        c.req.json = () => Promise.resolve(body as never);
      }
    }
    if (details.length > 0) throw errors.validation(details);
    return next();
  };
}

/** Query parameters as `name=value` pairs, each name and value percent-decoded strictly (+ is a space). */
function checkQuery(query: string, details: ErrorDetail[]): void {
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const name = decode(rawName);
    const field = `query.${name === null ? rawName.slice(0, 64) : name.replace(FORBIDDEN_ALL, '\ufffd')}`;
    if (name === null || FORBIDDEN.test(name)) {
      add(details, field, name === null ? 'invalid_encoding' : 'invalid_characters');
    } else if (eq !== -1) checkText(decode(pair.slice(eq + 1)), field, details);
  }
}

/** Percent-decodes as UTF-8; null when the encoding is broken (a lone %, an invalid or truncated UTF-8 sequence). */
function decode(raw: string): string | null {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function checkText(text: string | null, field: string, details: ErrorDetail[]): void {
  if (text === null) add(details, field, 'invalid_encoding');
  else if (FORBIDDEN.test(text)) add(details, field, 'invalid_characters');
}

/** Walks a parsed JSON value: every string and key is checked, nesting stops at MAX_JSON_DEPTH. */
function checkValue(value: unknown, path: (string | number)[], details: ErrorDetail[]): void {
  if (details.length >= MAX_ERROR_DETAILS) return;
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) add(details, fieldName(path), 'invalid_characters');
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (path.length >= MAX_JSON_DEPTH) {
    add(details, fieldName(path), 'too_deep');
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkValue(value[i], path, details);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    path.push(key);
    if (FORBIDDEN.test(key)) add(details, fieldName(path), 'invalid_characters');
    else checkValue((value as Record<string, unknown>)[key], path, details);
    path.pop();
  }
}

/** A field's dotted path as validation.ts writes it; a bad key is shown with U+FFFD in place of its bad characters. */
function fieldName(path: (string | number)[]): string {
  return path.map((part) => String(part).replace(FORBIDDEN_ALL, '\ufffd')).join('.');
}

function add(details: ErrorDetail[], field: string, code: Code): void {
  details.push({ field, code, message: messages[code] });
}
