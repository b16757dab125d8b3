import { and, eq, isNull, lte } from 'drizzle-orm';
import type { RoleCode } from '../../core/auth/roles.ts';
import { personName } from '../../core/demo/names.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoAccountRecords } from '../accounts/accounts.public.ts';
import { residents } from '../registry/registry.public.ts';
import { demoTerritory, type DemoNode } from '../territory/territory.public.ts';
import { columnArrays, insertColumns, pushRow } from '../../core/db/bulk.ts';
import type { Random } from '../../core/demo/random.ts';
import { roleAssignments } from '../../core/auth/auth.tables.ts';
import { GRID_WORKER_SOURCE } from './grid-workers.service.ts';
import { buildGridWorker, buildPerson, insertPerson, type PersonSpec } from './people.factories.ts';
import { gridWorkers, persons } from './people.tables.ts';

/** A resident's place in the demo's order: what the seed decides about them (ids are random). */
const order = (r: { name: string; birthDate: string; gender: string; relation: string }) =>
  `${r.name}\u0000${r.birthDate}\u0000${r.gender}\u0000${r.relation}`;

/** Born on or before this day: an adult on any day the demo is run. */
const ADULT_BORN_BY = '2007-12-31';

/**
 * The people module's demo data: a person for each demo account of a role scoped to the person themself. The party
 * member and the resident are residents of the first grid (of the first community of the first street, where the
 * demo accounts are anchored); the volunteer serves the first community without living there, the merchant keeps a
 * shop on the first grid. Each is linked to their demo account.
 */
export async function generatePeopleDemo(context: DemoContext): Promise<Record<string, number>> {
  const nodes = demoTerritory(context);
  const street = nodes.find((n) => n.level === 'street')!;
  const community = nodes.find((n) => n.level === 'community' && n.parentId === street.id)!;
  const grid = nodes.find((n) => n.level === 'grid' && n.parentId === community.id)!;
  const accounts = new Map<RoleCode, { id: string; mobile: string }>(
    demoAccountRecords(context).map((a) => [a.role, a]),
  );

  // The grid's adult residents, in an order that depends on the seed only.
  const candidates = (
    await context.tx
      .select({
        id: residents.id,
        name: residents.name,
        gender: residents.gender,
        birthDate: residents.birthDate,
        relation: residents.relation,
        politicalStatus: residents.politicalStatus,
      })
      .from(residents)
      .where(
        and(
          eq(residents.territoryCode, grid.code),
          isNull(residents.movedOutAt),
          lte(residents.birthDate, ADULT_BORN_BY),
        ),
      )
  ).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const members = candidates.filter((r) => r.politicalStatus === 'party_member');
  const partyMember = members.length
    ? context.random.pick(members)
    : candidates.length
      ? context.random.pick(candidates)
      : undefined;
  const others = candidates.filter((r) => r.id !== partyMember?.id);
  const resident = others.length ? context.random.pick(others) : undefined;

  const standalone = (territoryCode: string): PersonSpec => {
    const gender = context.random.chance(0.5) ? 'male' : 'female';
    return { name: personName(context.random, gender), gender, territoryCode };
  };
  // A county too small to have two adults on the grid (a tiny --scale) gets people standing alone instead.
  const ofResident = (r: (typeof candidates)[number] | undefined): PersonSpec =>
    r
      ? { name: r.name, gender: r.gender, territoryCode: grid.code, residentId: r.id }
      : standalone(grid.code);
  const people: [RoleCode, PersonSpec][] = [
    ['party_member', ofResident(partyMember)],
    ['resident', ofResident(resident)],
    ['volunteer', standalone(community.code)],
    ['merchant', standalone(grid.code)],
  ];
  for (const [role, spec] of people) {
    const account = accounts.get(role)!;
    await insertPerson(context.tx, context.keys, { ...spec, mobile: account.mobile, userId: account.id });
  }
  const workers = await generateGridWorkersDemo(context, nodes, accounts.get('grid_worker')!);
  return { people: people.length, ...workers };
}

/** The demo's days are drawn up to this one (the day before the registry's reference date), never from today. */
const DEMO_LAST_DAY = '2026-06-30';
const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const dayBetween = (random: Random, from: string, to: string) =>
  addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));

/**
 * Full-time grid workers serving now, per grid: 934 over the 267 grids of scale 1, which with the part-time ones
 * makes the report's "网格员980余名" (985).
 */
const FULL_TIME_PER_GRID = 934 / 267;
/** Part-time grid workers (delivery riders and couriers) of the county at scale 1. */
const PART_TIME_AT_SCALE_1 = 51;

/**
 * Grid workers (网格员): every grid gets 3–4 full-time workers (934 over the 267 grids of scale 1: with the
 * part-time ones, the report's "网格员980余名"), a few of
 * whom also serve the community's previous grid, and a few of whose posts had a predecessor whose service ended;
 * 51 part-time delivery riders and couriers at scale 1 (proportionally fewer below). Start dates spread since 2022.
 * Workers are persons standing alone on the grid they serve, with a (synthetic, 171…) mobile most of them agreed to
 * publish. The demo grid worker's account is the first worker of its grid, and its role assignment comes from that
 * post (as an appointment gives it: grid_worker over every grid the person serves, named by the person).
 */
async function generateGridWorkersDemo(
  context: DemoContext,
  nodes: DemoNode[],
  account: { id: string; mobile: string },
): Promise<Record<string, number>> {
  const { random, keys } = context;
  const grids = nodes.filter((n) => n.level === 'grid');
  const p = columnArrays(persons, [
    'id',
    'name',
    'gender',
    'territoryCode',
    'mobileEnc',
    'mobileIndex',
    'residentId',
    'userId',
    'linkedAt',
    'publishMobile',
  ]);
  const w = columnArrays(gridWorkers, [
    'id',
    'personId',
    'gridId',
    'territoryCode',
    'employment',
    'occupation',
    'startsOn',
    'endsOn',
  ]);
  const newPerson = (grid: DemoNode, extra: Partial<PersonSpec> = {}) => {
    const gender = random.chance(0.6) ? 'female' : 'male';
    const row = buildPerson(keys, {
      name: personName(random, gender),
      gender,
      territoryCode: grid.code,
      mobile: `171${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      publishMobile: random.chance(0.85),
      ...extra,
    });
    pushRow(p, row);
    return row.id;
  };
  let previous: { grid: DemoNode; personIds: string[] } | null = null;
  let accountPersonId: string | null = null;
  let shared = 0;
  let fullTime = 0;
  let ended = 0;
  for (const [i, grid] of grids.entries()) {
    // 3 or 4 posts, steered so that the full-time workers serving now come to the report's share per grid.
    const due = FULL_TIME_PER_GRID * (i + 1) - fullTime;
    const slots = due > 3.75 ? 4 : due < 3.25 ? 3 : random.chance(0.5) ? 4 : 3;
    const personIds: string[] = [];
    for (let slot = 0; slot < slots; slot++) {
      const startsOn = dayBetween(random, '2022-01-01', DEMO_LAST_DAY);
      if (slot === slots - 1 && previous && previous.grid.parentId === grid.parentId && random.chance(0.06)) {
        // A worker of the community's previous grid serves this one too.
        const personId = random.pick(previous.personIds);
        pushRow(w, buildGridWorker({ personId, grid, startsOn }));
        shared += 1;
        continue;
      }
      const personId =
        i === 0 && slot === 0
          ? newPerson(grid, {
              name: personName(random, 'male', '赵'),
              gender: 'male',
              mobile: account.mobile,
              userId: account.id,
              publishMobile: true,
            })
          : newPerson(grid);
      if (i === 0 && slot === 0) accountPersonId = personId;
      personIds.push(personId);
      fullTime += 1;
      pushRow(w, buildGridWorker({ personId, grid, startsOn }));
      if (startsOn > '2022-03-01' && random.chance(0.04)) {
        // The post had a predecessor whose service ended the day before.
        const before = newPerson(grid);
        const endsOn = addDays(startsOn, -1);
        pushRow(
          w,
          buildGridWorker({
            personId: before,
            grid,
            startsOn: dayBetween(random, '2022-01-01', addDays(endsOn, -30)),
            endsOn,
          }),
        );
        ended += 1;
      }
    }
    previous = { grid, personIds };
  }
  const partTime = Math.max(1, Math.round(PART_TIME_AT_SCALE_1 * context.options.scale));
  for (let k = 0; k < partTime; k++) {
    const grid = random.pick(grids);
    const personId = newPerson(grid);
    pushRow(
      w,
      buildGridWorker({
        personId,
        grid,
        employment: 'part_time',
        occupation: random.chance(0.6) ? 'delivery_rider' : 'courier',
        startsOn: dayBetween(random, '2023-01-01', DEMO_LAST_DAY),
      }),
    );
  }
  await insertColumns(context.tx, persons, p);
  await insertColumns(context.tx, gridWorkers, w);
  if (accountPersonId) {
    // The demo grid worker's access comes from their posts: it names the person, as appointments do.
    const served = w.gridId.filter(
      (_, k) => w.personId[k] === accountPersonId && (w.endsOn[k] === null || w.endsOn[k] === undefined),
    );
    await context.tx
      .update(roleAssignments)
      .set({
        sourceKind: GRID_WORKER_SOURCE,
        sourceId: accountPersonId,
        scopeIds: [...new Set(served)].sort(),
        endsAt: null,
      })
      .where(and(eq(roleAssignments.userId, account.id), eq(roleAssignments.role, 'grid_worker')));
  }
  return {
    gridWorkerPersons: p.id.length,
    gridWorkerPosts: w.id.length,
    gridWorkersSharingGrids: shared,
    gridWorkersEnded: ended,
    partTimeGridWorkers: partTime,
  };
}
