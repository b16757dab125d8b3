import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveKeys, encrypt } from '../../core/auth/personal-data.ts';
import { rowFormatter } from './registry-export.format.ts';
import { importColumns, importLabels } from './registry-import.schemas.ts';

// The export's rows exactly as the formatter writes them (decrypted, masked or revealed by scope, labelled, tags,
// ages, addresses, formulas neutralised, XML escaped, rows left out), against a file made by the formatter before the
// speed work of docs/decisions/export-speed.md (main at d181ddc, tags then fetched with each row): any change to
// what an export holds fails here, whatever the change was meant to speed up.

const golden = JSON.parse(
  fs.readFileSync(new URL('../../../../tests/fixtures/export-rows.golden.json', import.meta.url), 'utf8'),
) as { reveal: boolean; written: number; xml: string }[];

const keys = deriveKeys(Buffer.alloc(32, 7));
const seal = (plain: string) => encrypt(keys, plain);
const households = [
  ['h1', '1203', 'permanent', 'owned', 3],
  ['h2', '0101', 'floating', 'rented', null],
  ['h3', '=1', 'vacant', 'mystery', 2],
];
const buildings = [
  ['b1', 'B-01', '幸福里12栋', '第一网格'],
  ['b2', '+B2', 'A&B <楼>', null],
];
// id, name, idCardEnc, gender, birthDate, phoneEnc, relation, politicalStatus, residency, note, territoryCode,
// buildingId, householdId (h9: registered after the lookups), movedOutOn.
const rows = [
  [
    'r1',
    '王小明',
    seal('110101199003071234'),
    'male',
    '1990-03-07',
    seal('13812345678'),
    'head',
    'party',
    'registered',
    'a<b>&"c\'\u0001d',
    '330102001001',
    'b1',
    'h1',
    null,
  ],
  [
    'r2',
    '=HYPERLINK("x")',
    seal('11010119900307123X'),
    'female',
    '2012-12-02',
    null,
    'spouse',
    'masses',
    'floating',
    null,
    '330102001002',
    'b2',
    'h2',
    '2026-01-15',
  ],
  [
    'r3',
    '@李',
    null,
    'male',
    '1950-12-03',
    seal('021-1234'),
    'child',
    'masses',
    'registered',
    '\t tab',
    null,
    'b1',
    'h9',
    null,
  ],
  [
    'r4',
    '-赵',
    seal(''),
    'female',
    '2000-02-29',
    seal('1381234'),
    'other',
    'unknownStatus',
    'registered',
    '',
    '330102001001',
    null,
    null,
    null,
  ],
  [
    'r5',
    '钱',
    seal('110101199003071234'),
    'male',
    '1985-06-30',
    seal('13812345678'),
    'head',
    'party',
    'registered',
    null,
    '330102001001',
    'b1',
    'h3',
    null,
  ],
];
const tags = [
  ['r1', 'disabled:2,elderly:1'],
  ['r5', 'unknownTag:3'],
];
// r6 is listed but has no row (removed since the ids were read): left out.
const ids = ['r5', 'r2', 'r6', 'r1', 'r3', 'r4'];
const columns = [
  ...importColumns.map((c) => ({ header: c.header, width: c.width })),
  ...Array.from({ length: 4 }, () => ({ header: 'x', width: 1 })),
];

describe("the export's row formatter", () => {
  for (const expected of golden) {
    it(`writes the same XML as before, ${expected.reveal ? 'revealed inside the scope' : 'masked'}`, () => {
      const formatter = rowFormatter(keys, {
        exportId: 'x',
        columns,
        labels: importLabels,
        revealScope: expected.reveal
          ? { all: false, codes: ['330102001001'], buildingIds: ['b2'], self: false }
          : null,
        today: '2026-12-02T10:00:00.000Z',
        households: JSON.stringify(households),
        buildings: JSON.stringify(buildings),
        tags: JSON.stringify(tags),
      });
      // The batch as text (PostgreSQL) and as its UTF-8 bytes (PGlite) give the same rows.
      const json = JSON.stringify(rows);
      for (const batch of [json, new Uint8Array(Buffer.from(json))]) {
        const out = formatter.format(ids, batch, 7);
        expect(out.written).toBe(expected.written);
        expect(Buffer.from(out.xml).toString('utf8')).toBe(expected.xml);
      }
    });
  }
});
