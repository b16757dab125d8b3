import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { prefixEnd, startsWith, startsWithInCodeOrder } from './like.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('prefix ranges', () => {
  it('end a prefix at the next code point', () => {
    expect(prefixEnd('370102')).toBe('370103');
    expect(prefixEnd('王')).toBe('玌');
    expect(prefixEnd('a\u{D7FF}')).toBe('a\u{E000}');
    expect(prefixEnd('ab\u{10FFFF}')).toBe('ac');
    expect(prefixEnd('𠀀')).toBe('𠀁');
    expect(prefixEnd('\u{FFFF}')).toBe('\u{10000}');
    expect(() => prefixEnd('')).toThrow();
  });

  it('have no end when every character is U+10FFFF: nothing sorts after such a prefix', () => {
    expect(prefixEnd('\u{10FFFF}')).toBeNull();
    expect(prefixEnd('\u{10FFFF}\u{10FFFF}')).toBeNull();
  });

  it('select exactly what LIKE prefix% selects, in the database', async () => {
    const values = [
      '3701',
      '37010',
      '370100',
      '370109',
      '37011',
      '3702',
      '370',
      '',
      '王五',
      '王',
      '玌',
      'a%b',
      'a_b',
      '𠀀',
      '𠀀a',
      '𠀁',
      '\u{10FFFD}',
      '\u{10FFFF}',
      '\u{10FFFF}x',
    ];
    const table = sql`(select unnest(${sql.param(values)}::text[]) as v) values_`;
    for (const prefix of ['3701', '37010', '370', '王', 'a%', 'a_', '', '𠀀', '\u{10FFFD}', '\u{10FFFF}']) {
      const ranged = await t.db
        .select({ v: sql<string>`v` })
        .from(table)
        .where(startsWith(sql`v`, prefix));
      const inCodeOrder = await t.db
        .select({ v: sql<string>`v` })
        .from(table)
        .where(startsWithInCodeOrder(sql`(v collate "C")`, prefix));
      const expected = values.filter((v) => v.startsWith(prefix)).sort();
      expect(ranged.map((r) => r.v).sort(), prefix).toEqual(expected);
      expect(inCodeOrder.map((r) => r.v).sort(), prefix).toEqual(expected);
    }
  });
});
