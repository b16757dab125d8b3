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
 */
export function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()?.codePointAt(0);
  if (last === undefined) throw new Error('prefixEnd needs a non-empty prefix');
  if (last === 0x10ffff) return prefixEnd(chars.join('')); // no successor: end after the shorter prefix
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1; // skip the surrogate block
  return chars.join('') + String.fromCodePoint(next);
}

/**
 * `column` starts with `prefix`, for columns with a text_pattern_ops index (territory codes): a byte-order range the
 * index serves directly, also in a generic plan of a prepared statement, with no LIKE re-checked per row.
 */
export function startsWith(column: SQLWrapper, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  return sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${prefixEnd(prefix)})`;
}
