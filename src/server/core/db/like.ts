import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => '\\' + ch);
}

/** `%text%` with the text's wildcards escaped. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

/**
 * The least string after every string that starts with `prefix`, in code-point order (the byte order of UTF-8, which
 * is what the "C" collation and text_pattern_ops compare): the prefix with its last character's code point plus one.
 * Null when there is none: every character of the prefix is U+10FFFF, the last code point, so nothing sorts after all
 * strings that start with it.
 */
export function prefixEnd(prefix: string): string | null {
  const chars = [...prefix];
  if (chars.length === 0) throw new Error('prefixEnd needs a non-empty prefix');
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last === 0x10ffff) continue; // no successor: end after the shorter prefix
    const next = last + 1 >= 0xd800 && last + 1 <= 0xdfff ? 0xe000 : last + 1; // skip the surrogate block
    return chars.join('') + String.fromCodePoint(next);
  }
  return null;
}

/**
 * `column` starts with `prefix`, for columns with a text_pattern_ops index (territory codes): a byte-order range the
 * index serves directly, also in a generic plan of a prepared statement, with no LIKE re-checked per row.
 */
export function startsWith(column: SQLWrapper, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const end = prefixEnd(prefix);
  if (end === null) return sql`(${column} ~>=~ ${prefix})`;
  return sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${end})`;
}

/**
 * `column` starts with `prefix`, for a column compared in code-point order (`collate "C"`, as an index on it holds
 * it): the same range with the ordinary operators.
 */
export function startsWithInCodeOrder(column: SQLWrapper, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const end = prefixEnd(prefix);
  if (end === null) return sql`(${column} >= ${prefix})`;
  return sql`(${column} >= ${prefix} and ${column} < ${end})`;
}
