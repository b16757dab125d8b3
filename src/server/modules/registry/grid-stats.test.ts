import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import type { Scope } from '../../core/auth/scope.ts';
import { gridVersions } from '../../core/db/versions.tables.ts';
import { childStats, directCounts, placeCounts } from './fact-sheet.service.ts';
import { gridCounts } from './grid-stats.ts';
import { insertHousehold } from './registry.factories.ts';
import { residents, residentTags } from './registry.tables.ts';
import { territories } from '../territory/territory.tables.ts';

let t: TestApp;
let admin: string;
let grids: { id: string; code: string }[];
const all: Scope = { all: true, codes: [], buildingIds: [], self: false };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  grids = await t.db
    .select({ id: territories.id, code: territories.code })
    .from(territories)
    .where(eq(territories.level, 'grid'))
    .orderBy(territories.code);
});
afterAll(() => t.close());

const versions = async () =>
  new Map((await t.db.select().from(gridVersions)).map((row) => [row.code, Number(row.version)]));

/** The places and scopes every comparison covers: county, a street, a community, a grid, a grid worker's scope. */
function places() {
  const grid = grids[3]!.code;
  return [
    { scope: all },
    { scope: all, code: grid.slice(0, 9) },
    { scope: all, code: grid.slice(0, 12) },
    { scope: all, code: grid },
    { scope: { all: false, codes: [grid, grids[7]!.code], buildingIds: [], self: false } },
    {
      scope: { all: false, codes: [grid.slice(0, 12)], buildingIds: [], self: false },
      code: grid.slice(0, 9),
    },
  ];
}

async function expectSumsEqualDirectCounts() {
  for (const place of places()) {
    expect(await placeCounts(t.db, place), JSON.stringify(place)).toEqual(await directCounts(t.db, place));
  }
}

describe('per-grid counts', () => {
  it('sum, for any place and scope, to exactly what the records say', async () => {
    const county = await placeCounts(t.db, { scope: all });
    expect(county.residents.total).toBeGreaterThan(1000);
    expect(county.keyPopulation).toBeGreaterThan(0);
    await expectSumsEqualDirectCounts();
  });

  it('give each child area of a place, within a partial scope, what the records say', async () => {
    const street = grids[3]!.code.slice(0, 9);
    const communities = await t.db
      .select({
        id: territories.id,
        code: territories.code,
        name: territories.name,
        level: territories.level,
      })
      .from(territories)
      .where(and(eq(territories.level, 'community'), sql`${territories.code} like ${street + '%'}`));
    const scope: Scope = {
      all: false,
      codes: [grids[3]!.code, communities[0]!.code],
      buildingIds: [],
      self: false,
    };
    const children = await childStats(t.db, scope, communities);
    for (const child of children) {
      const direct = await directCounts(t.db, { scope, code: child.code });
      expect([child.households, child.residents, child.keyPopulation], child.code).toEqual([
        direct.households.total,
        direct.residents.total,
        direct.keyPopulation,
      ]);
    }
    expect(children.some((c) => c.residents > 0)).toBe(true);
    // Communities the scope does not reach count nothing.
    for (const child of children) {
      if (child.code !== communities[0]!.code && !grids[3]!.code.startsWith(child.code)) {
        expect(child.residents, child.code).toBe(0);
      }
    }
  });

  it('after a write, count again only the grids it touched, and still equal the records', async () => {
    const [from, to] = [grids[3]!, grids[5]!];
    // An untagged resident moves into a household of another grid.
    const {
      members: [mover],
    } = await insertHousehold(t.db, testKeys, { grid: from, members: [{}, {}] });
    const { household: target } = await insertHousehold(t.db, testKeys, { grid: to, members: [{}] });
    await gridCounts(t.db);
    const before = await versions();
    const countyBefore = await placeCounts(t.db, { scope: all });
    const fromBefore = await placeCounts(t.db, { scope: all, code: from.code });

    const moved = await t.request('POST', `/api/v1/residents/${mover!.id}/move`, {
      cookie: admin,
      body: { householdId: target.id, relation: 'other' },
    });
    expect(moved.status, moved.text).toBe(200);
    const after = await versions();
    const bumped = [...after].filter(([code, v]) => v !== (before.get(code) ?? 0)).map(([code]) => code);
    expect(bumped.sort()).toEqual([from.code, to.code].sort());

    expect((await placeCounts(t.db, { scope: all, code: from.code })).residents.total).toBe(
      fromBefore.residents.total - 1,
    );
    expect((await placeCounts(t.db, { scope: all })).residents.total).toBe(countyBefore.residents.total);
    await expectSumsEqualDirectCounts();

    // A tag written on its own table bumps the grid of its resident.
    // (In a transaction, as every service writes: this process then re-reads the version at once.)
    await t.db.transaction((tx) =>
      tx
        .insert(residentTags)
        .values({ residentId: mover!.id, tag: 'veteran', careLevel: 2 })
        .onConflictDoNothing(),
    );
    expect((await versions()).get(to.code)).toBe(after.get(to.code)! + 1);
    await expectSumsEqualDirectCounts();
  });

  it('a bulk statement bumps each grid it touched once, however many rows', async () => {
    const grid = grids[9]!.code;
    const before = (await versions()).get(grid) ?? 0;
    const changed = await t.db
      .update(residents)
      .set({ note: '普查核对' })
      .where(eq(residents.territoryCode, grid))
      .returning({ id: residents.id });
    expect(changed.length).toBeGreaterThan(1);
    expect((await versions()).get(grid)).toBe(before + 1);
    const untouched = await versions();
    await t.db.execute(sql`update ${residents} set note = null where false`);
    expect(await versions()).toEqual(untouched);
  });
});
