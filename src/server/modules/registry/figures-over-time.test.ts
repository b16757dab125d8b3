/**
 * Figures over time: the report's stock figures as of past days and its flow figures over periods, compared with
 * direct counts of the records taken on each of those days. A street of our own is built and changed on four past
 * days (the clock is set for the writes only): registrations, moves between grids, tags added and removed, a grid
 * added later, a resident and a whole household moving out, a resident coming back. Every day the records are
 * counted directly as they stand; afterwards the figures as of those days must say the same, and the flows over every
 * period must join the stocks at its ends.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import type { Actor } from '../../core/auth/audit.ts';
import type { Scope } from '../../core/auth/scope.ts';
import { insertTerritoryNode } from '../territory/territory.factories.ts';
import { countTerritories, createTerritory } from '../territory/territory.service.ts';
import { territories } from '../territory/territory.tables.ts';
import { insertBuilding } from './registry.factories.ts';
import { flowsBetween, stockAsOf } from './registry.figures.ts';
import { buildings, households, residenceHistory, residents, residentTags } from './registry.tables.ts';
import {
  createHousehold,
  createResident,
  moveOutHousehold,
  moveOutResident,
  moveResident,
  updateResident,
} from './registry.writes.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../../../migrations');

let t: TestApp;
let admin: string;
const all: Scope = { all: true, codes: [], buildingIds: [], self: false };
const actor: Actor = {
  userId: null,
  name: 'figures test',
  role: null,
  requestId: 'figures-over-time',
  ip: null,
  userAgent: null,
};
type Node = { id: string; code: string; level: 'county' | 'street' | 'community' | 'grid' };
let street: Node;
let community: Node;
let g1: Node;
let g2: Node;
let g3: Node | undefined;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const [county] = await t.db
    .select({ id: territories.id, code: territories.code, level: territories.level })
    .from(territories)
    .where(eq(territories.level, 'county'));
  street = await insertTerritoryNode(t.db, { parent: county!, name: '历史街道', startsOn: '2024-01-01' });
  community = await insertTerritoryNode(t.db, { parent: street, name: '历史社区', startsOn: '2024-01-01' });
  g1 = await insertTerritoryNode(t.db, { parent: community, name: '历史一网格', startsOn: '2024-01-01' });
  g2 = await insertTerritoryNode(t.db, { parent: community, name: '历史二网格', startsOn: '2024-02-01' });
});
afterEach(() => vi.useRealTimers());
afterAll(() => t.close());

const deps = () => ({ db: t.db, keys: testKeys });

/** Sets the clock (Date only: timers and the database keep running) to noon of a day in Asia/Shanghai. */
function onDay(day: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T12:00:00+08:00`));
}

/** A building on a grid, built on the day the clock says (no write route adds buildings: a factory does). */
async function building(grid: Node) {
  const now = new Date();
  return t.db.transaction(async (tx) => {
    const { building } = await insertBuilding(tx, { grid });
    await tx.update(buildings).set({ createdAt: now }).where(eq(buildings.id, building.id));
    return building.id;
  });
}

const household = (buildingId: string, room: string) =>
  createHousehold(deps(), all, actor, {
    buildingId,
    unitNumber: 1,
    room,
    kind: 'permanent',
    tenure: 'owned',
  });

const resident = (
  householdId: string,
  name: string,
  tags: { tag: 'elderly_alone' | 'disabled'; careLevel: number }[] = [],
) =>
  createResident(deps(), all, actor, {
    householdId,
    name,
    relation: 'other',
    gender: 'female',
    birthDate: '1950-05-05',
    tags,
  });

const STOCK = [
  'streets',
  'communities',
  'grids',
  'buildings',
  'households',
  'residents',
  'keyPopulation',
] as const;
type Stock = Record<(typeof STOCK)[number], number>;

/** The place's records counted as they stand, straight from the tables (no period, no history). */
async function directStock(place: { code?: string; scope: Scope }): Promise<Stock> {
  const under = (column: SQLWrapper) =>
    and(
      place.code ? sql`${column} like ${place.code + '%'}` : undefined,
      place.scope.all
        ? undefined
        : sql`(${sql.join(
            place.scope.codes.map((c) => sql`${column} like ${c + '%'}`),
            sql` or `,
          )})`,
    );
  const n = (rows: { n: number }[]) => rows[0]!.n;
  const count = sql<number>`count(*)::int`;
  const levels = await t.db
    .select({ level: territories.level, n: count })
    .from(territories)
    .where(under(territories.code))
    .groupBy(territories.level);
  const level = (l: string) => levels.find((r) => r.level === l)?.n ?? 0;
  return {
    streets: level('street'),
    communities: level('community'),
    grids: level('grid'),
    buildings: n(await t.db.select({ n: count }).from(buildings).where(under(buildings.territoryCode))),
    households: n(
      await t.db
        .select({ n: count })
        .from(households)
        .where(and(under(households.territoryCode), isNull(households.movedOutAt))),
    ),
    residents: n(
      await t.db
        .select({ n: count })
        .from(residents)
        .where(and(under(residents.territoryCode), isNull(residents.movedOutAt))),
    ),
    keyPopulation: n(
      await t.db
        .select({ n: count })
        .from(residents)
        .where(
          and(
            under(residents.territoryCode),
            isNull(residents.movedOutAt),
            sql`exists (select 1 from ${residentTags} g where g.resident_id = ${residents.id})`,
          ),
        ),
    ),
  };
}

/** The places every day is checked for: the street, its community, each grid, and a scope of two grids. */
function places(): { label: string; code?: string; scope: Scope }[] {
  const grids = [g1, g2, ...(g3 ? [g3] : [])];
  return [
    { label: 'street', code: street.code, scope: all },
    { label: 'community', code: community.code, scope: all },
    ...grids.map((g, i) => ({ label: `grid ${i + 1}`, code: g.code, scope: all })),
    {
      label: 'scope of grids 2 and 3',
      scope: { all: false, codes: [g2.code, `${community.code}003`], buildingIds: [], self: false },
    },
  ];
}

/** Every place's direct counts on each day of the story, taken at the end of that day's writes. */
const snapshots = new Map<string, Map<string, Stock>>();
async function snapshot(day: string) {
  const byPlace = new Map<string, Stock>();
  for (const place of places()) byPlace.set(place.label, await directStock(place));
  snapshots.set(day, byPlace);
}

const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`);
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayBefore = (day: string) =>
  new Date(startOf(day).getTime() - 12 * 3_600_000).toISOString().slice(0, 10);

async function figuresAsOf(place: { code?: string; scope: Scope }, day: string): Promise<Stock> {
  return {
    ...(await countTerritories(t.db, place.scope, place.code, endOf(day))),
    ...(await stockAsOf(t.db, place, endOf(day))),
  };
}

const ids: Record<string, string> = {};

describe('figures over time', () => {
  it('a story on four past days, counted directly at the end of each', async () => {
    // 2024-03-10: two households on grids 1 and 2; a is elderly living alone.
    onDay('2024-03-10');
    ids.b1 = await building(g1);
    ids.b2 = await building(g2);
    ids.h1 = await household(ids.b1, '101');
    ids.h2 = await household(ids.b2, '201');
    ids.a = await resident(ids.h1, '甲', [{ tag: 'elderly_alone', careLevel: 2 }]);
    ids.b = await resident(ids.h1, '乙');
    ids.c = await resident(ids.h2, '丙');
    ids.d = await resident(ids.h2, '丁');
    await snapshot('2024-03-10');

    // 2024-06-15: grid 3 is added and gets a household; b moves from grid 1 to grid 2; a's tag ends, c gets one.
    onDay('2024-06-15');
    const g3id = await createTerritory(t.db, all, actor, {
      parentId: community.id,
      name: '新增网格',
      sequence: 3,
    });
    const [row] = await t.db.select().from(territories).where(eq(territories.id, g3id));
    g3 = { id: row!.id, code: row!.code, level: 'grid' };
    expect(row!.startsOn).toBe('2024-06-15');
    ids.b3 = await building(g3);
    ids.h3 = await household(ids.b3, '301');
    ids.e = await resident(ids.h3, '戊');
    await moveResident(deps(), all, actor, ids.b, { householdId: ids.h2, relation: 'other' });
    await updateResident(deps(), all, actor, ids.a, { tags: [] });
    await updateResident(deps(), all, actor, ids.c, { tags: [{ tag: 'disabled', careLevel: 1 }] });
    await snapshot('2024-06-15');

    // 2024-09-20: d moves out of the registry; c moves to grid 3 (with the tag); household 1 (a) moves out.
    onDay('2024-09-20');
    await moveOutResident(deps(), all, actor, ids.d);
    await moveResident(deps(), all, actor, ids.c, { householdId: ids.h3, relation: 'other' });
    await moveOutHousehold(deps(), all, actor, ids.h1);
    await snapshot('2024-09-20');

    // 2025-01-05: d comes back into household 2; f is registered there; c's care level changes.
    onDay('2025-01-05');
    await moveResident(deps(), all, actor, ids.d, { householdId: ids.h2, relation: 'other' });
    ids.f = await resident(ids.h2, '己', [{ tag: 'elderly_alone', careLevel: 1 }]);
    await updateResident(deps(), all, actor, ids.c, { tags: [{ tag: 'disabled', careLevel: 3 }] });
    await snapshot('2025-01-05');
    vi.useRealTimers();

    const county = snapshots.get('2025-01-05')!.get('street')!;
    expect(county).toEqual({
      streets: 1,
      communities: 1,
      grids: 3,
      buildings: 3,
      households: 2,
      residents: 5,
      keyPopulation: 2,
    });
  });

  it('stock figures as of each of those days equal the direct counts of that day, for every place', async () => {
    for (const [day, byPlace] of snapshots) {
      for (const place of places()) {
        const expected = byPlace.get(place.label);
        // Grid 3 did not exist on the first day: its place was counted from the second on.
        if (!expected) continue;
        expect(await figuresAsOf(place, day), `${place.label} on ${day}`).toEqual(expected);
      }
    }
    // Before the street began nothing was there; between two days the earlier day's records stand.
    expect(await figuresAsOf(places()[0]!, '2023-12-31')).toEqual(
      Object.fromEntries(STOCK.map((k) => [k, 0])),
    );
    expect(await figuresAsOf(places()[0]!, '2024-01-15')).toMatchObject({
      communities: 1,
      grids: 1,
      residents: 0,
    });
    for (const [between, day] of [
      ['2024-05-31', '2024-03-10'],
      ['2024-08-01', '2024-06-15'],
      ['2024-12-31', '2024-09-20'],
    ] as const) {
      for (const place of places().slice(0, 4)) {
        expect(await figuresAsOf(place, between), `${place.label} on ${between}`).toEqual(
          snapshots.get(day)!.get(place.label),
        );
      }
    }
  });

  it('flows over every period join the stocks at its ends, and count what happened', async () => {
    const days = ['2024-03-10', '2024-06-15', '2024-09-20', '2025-01-05'];
    for (const place of places()) {
      for (const [i, from] of days.entries()) {
        for (const to of days.slice(i)) {
          const before = await stockAsOf(t.db, place, endOf(dayBefore(from)));
          const after = await stockAsOf(t.db, place, endOf(to));
          const flows = await flowsBetween(t.db, place, startOf(from), endOf(to));
          expect(
            before.residents + flows.residentsRegistered + flows.residentsMovedIn - flows.residentsMovedOut,
            `${place.label} ${from}..${to}: ${JSON.stringify(flows)}`,
          ).toBe(after.residents);
          expect(before.households + flows.householdsRegistered - flows.householdsMovedOut).toBe(
            after.households,
          );
        }
      }
    }
    const [streetPlace, , grid1, grid2, grid3] = places();
    const flows = (place: typeof streetPlace, from: string, to: string) =>
      flowsBetween(t.db, place!, startOf(from), endOf(to));
    // The street: six registered (a–f less none: a b c d e f), moves within it count neither way; d left and came back.
    expect(await flows(streetPlace, '2024-01-01', '2025-12-31')).toEqual({
      residentsRegistered: 6,
      residentsMovedIn: 1,
      residentsMovedOut: 2,
      residentsRegriddedIn: 0,
      residentsRegriddedOut: 0,
      householdsRegistered: 3,
      householdsMovedOut: 1,
    });
    expect(await flows(streetPlace, '2024-06-01', '2024-06-30')).toMatchObject({
      residentsRegistered: 1,
      residentsMovedIn: 0,
      residentsMovedOut: 0,
    });
    // Grid 1 lost b by a move and a with the household; grid 2 got b, lost c to grid 3 and d out of the registry.
    expect(await flows(grid1, '2024-06-15', '2024-09-20')).toMatchObject({
      residentsMovedIn: 0,
      residentsMovedOut: 2,
    });
    expect(await flows(grid2, '2024-06-15', '2024-09-20')).toMatchObject({
      residentsRegistered: 0,
      residentsMovedIn: 1,
      residentsMovedOut: 2,
    });
    expect(await flows(grid3, '2024-06-15', '2025-01-05')).toMatchObject({
      residentsRegistered: 1,
      residentsMovedIn: 1,
      residentsMovedOut: 0,
    });
    // Without a start, flows count from the first record.
    expect(await flowsBetween(t.db, streetPlace!, undefined, endOf('2024-03-10'))).toMatchObject({
      residentsRegistered: 4,
      householdsRegistered: 2,
    });
  });

  it('GET /insights/figures gives the same for a past day and a period, and today’s figures after a write today', async () => {
    const get = async (query: string) => {
      const response = await t.request('GET', `/api/v1/insights/figures?territoryId=${street.id}&${query}`, {
        cookie: admin,
      });
      expect(response.status, response.text).toBe(200);
      return response.json as Record<string, number>;
    };
    const day2 = await get('to=2024-06-15');
    expect(day2).toMatchObject(snapshots.get('2024-06-15')!.get('street')!);
    const period = await get('from=2024-06-15&to=2024-09-20');
    expect(period).toMatchObject({ ...snapshots.get('2024-09-20')!.get('street')!, residentsRegistered: 1 });
    // `from` changes the flows only.
    const longer = await get('from=2024-01-01&to=2024-09-20');
    expect(longer.residents).toBe(period.residents);
    expect(longer.residentsRegistered).toBe(5);

    // A move today (real time) changes today's figures and none of the past ones, cached or not.
    const now = await get('');
    expect(now).toMatchObject(await directStock({ code: street.code, scope: all }));
    await moveOutResident(deps(), all, actor, ids.f!);
    const later = await get('');
    expect(later.residents).toBe(now.residents! - 1);
    expect(later.keyPopulation).toBe(now.keyPopulation! - 1);
    expect(later).toMatchObject(await directStock({ code: street.code, scope: all }));
    expect(await get('to=2024-06-15')).toEqual(day2);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await get(`from=${today}`)).toMatchObject({ residentsMovedOut: 1, residentsRegistered: 0 });
  });

  it('the migration that introduced the periods rebuilds the same periods from the history of moves', async () => {
    const story = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ids[k]!);
    const ofStory = sql`${residenceHistory.residentId} = any(${sql.param(story)}::uuid[])`;
    const periods = async () => ({
      earlier: (
        await t.db
          .select({
            residentId: residenceHistory.residentId,
            householdId: residenceHistory.householdId,
            buildingId: residenceHistory.buildingId,
            territoryCode: residenceHistory.territoryCode,
            startsAt: residenceHistory.startsAt,
            endsAt: residenceHistory.endsAt,
            arrival: residenceHistory.arrival,
            movedFromCode: residenceHistory.movedFromCode,
            departure: residenceHistory.departure,
            movedToCode: residenceHistory.movedToCode,
          })
          .from(residenceHistory)
          .where(ofStory)
      ).sort((a, b) =>
        `${a.residentId}${a.startsAt.toISOString()}`.localeCompare(
          `${b.residentId}${b.startsAt.toISOString()}`,
        ),
      ),
      latest: await t.db
        .select({
          id: residents.id,
          movedInAt: residents.movedInAt,
          arrival: residents.arrival,
          movedFromCode: residents.movedFromCode,
        })
        .from(residents)
        .where(sql`${residents.id} = any(${sql.param(story)}::uuid[])`)
        .orderBy(residents.id),
    });
    const written = await periods();
    expect(written.earlier.length).toBe(3);
    const file = fs.readdirSync(migrationsDir).find((name) => name.endsWith('_figures_over_time.sql'))!;
    const statements = fs
      .readFileSync(path.join(migrationsDir, file), 'utf8')
      .split('--> statement-breakpoint')
      .filter((statement) => /DISTINCT ON|INSERT INTO "residence_history"/.test(statement));
    expect(statements.length).toBe(2);
    await t.db.transaction(async (tx) => {
      await tx.delete(residenceHistory).where(ofStory);
      await tx
        .update(residents)
        .set({ movedInAt: residents.createdAt, arrival: 'registered', movedFromCode: null })
        .where(sql`${residents.id} = any(${sql.param(story)}::uuid[])`);
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });
    expect(await periods()).toEqual(written);
  });

  it('a grid that ended is counted up to its last day', async () => {
    await t.db.transaction((tx) =>
      tx.update(territories).set({ endsOn: '2024-12-31' }).where(eq(territories.id, g1.id)),
    );
    const place = places()[0]!;
    expect((await figuresAsOf(place, '2024-12-31')).grids).toBe(3);
    expect((await figuresAsOf(place, '2025-01-01')).grids).toBe(2);
    await t.db.transaction((tx) =>
      tx.update(territories).set({ endsOn: null }).where(eq(territories.id, g1.id)),
    );
  });
});
