import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { prefixEnd, startsWith } from './like.ts';

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
    expect(() => prefixEnd('')).toThrow();
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
    ];
    const table = sql`(select unnest(${sql.param(values)}::text[]) as v) values_`;
    for (const prefix of ['3701', '37010', '370', '王', 'a%', 'a_', '']) {
      const ranged = await t.db
        .select({ v: sql<string>`v` })
        .from(table)
        .where(startsWith(sql`v`, prefix));
      const expected = values.filter((v) => v.startsWith(prefix));
      expect(ranged.map((r) => r.v).sort(), prefix).toEqual(expected.sort());
    }
  });
});
