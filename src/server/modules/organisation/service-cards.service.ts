import { timingSafeEqual } from 'node:crypto';
import { buildingServants } from './servants.service.ts';
import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { pageToken, type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, registryCondition, registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { startsWith } from '../../core/db/like.ts';
import { errors } from '../../core/http/errors.ts';
import { buildings, households, units } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { organisationErrors } from './organisation.errors.ts';

/** The most households whose cards print as one set: a large community (about 4,000) fits, a street does not. */
export const MAX_SET_HOUSEHOLDS = 6000;

const PAGE_PURPOSE = 'building';

/** The public page's path of a building, as printed in the QR code of its contact cards and placard. */
export function buildingPagePath(keys: DataKeys, buildingId: string): string {
  return `/b/${buildingId}.${pageToken(keys, PAGE_PURPOSE, buildingId)}`;
}

/** The building a public page token opens, or null when the token is not one this platform made. */
export function buildingOfToken(keys: DataKeys, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(pageToken(keys, PAGE_PURPOSE, match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}

/** Households living in the buildings `where` picks, in building / unit / floor / room order. */
function homesWhere(db: Executor, where: SQL | undefined) {
  return (
    db
      .select({
        id: households.id,
        buildingId: households.buildingId,
        unitNumber: units.number,
        room: households.room,
      })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .where(and(where, isNull(households.movedOutAt)))
      // Rooms read as numbers where they are (302 before 1201), so cards come off the printer in walking order.
      .orderBy(
        asc(buildings.territoryCode),
        asc(buildings.code),
        asc(units.number),
        sql`nullif(regexp_replace(${households.room}, '\\D', '', 'g'), '')::int nulls last`,
        asc(households.room),
      )
  );
}

type Home = Awaited<ReturnType<typeof homesWhere>>[number];

async function cardsOf(db: Executor, keys: DataKeys, buildingId: string, homes: Home[]) {
  const served = await buildingServants(db, keys, buildingId);
  return {
    ...served!,
    households: homes.map((h) => ({ id: h.id, unitNumber: h.unitNumber, room: h.room })),
    pagePath: buildingPagePath(keys, buildingId),
  };
}

/**
 * The contact cards (楼长联系服务卡) of one building inside the scope: who serves it, and one card per household
 * living there in unit / floor / room order, with the path of the building's public page for the QR code.
 */
export async function serviceCards(db: Executor, keys: DataKeys, scope: Scope, buildingId: string) {
  const [row] = await db
    .select({ gridCode: buildings.territoryCode })
    .from(buildings)
    .where(eq(buildings.id, buildingId))
    .limit(1);
  if (!row || !registryRowInScope(scope, row.gridCode, buildingId)) throw errors.notFound();
  return cardsOf(db, keys, buildingId, await homesWhere(db, eq(households.buildingId, buildingId)));
}

/**
 * The contact cards of every building of a place (a grid or a community) inside the scope, as one print set:
 * buildings in grid and building order, each with its cards. A place of more than MAX_SET_HOUSEHOLDS households
 * (`limit`) is refused with a clear message before anything heavy is read.
 */
export async function placeServiceCards(
  db: Executor,
  keys: DataKeys,
  scope: Scope,
  territoryId: string,
  limit = MAX_SET_HOUSEHOLDS,
) {
  const [place] = await db.select().from(territories).where(eq(territories.id, territoryId)).limit(1);
  if (!place) throw errors.notFound();
  if (!scope.all && !codeInScope(scope, place.code)) {
    // A building leader's scope names buildings: a place holding one of them gives a set of those buildings only.
    const [mine] = scope.buildingIds.length
      ? await db
          .select({ id: buildings.id })
          .from(buildings)
          .where(
            and(inArray(buildings.id, scope.buildingIds), startsWith(buildings.territoryCode, place.code)),
          )
          .limit(1)
      : [];
    if (!mine) throw errors.notFound();
  }
  const inPlace = and(
    startsWith(buildings.territoryCode, place.code),
    registryCondition(scope, buildings.territoryCode, buildings.id),
  );
  const [counted] = await db
    .select({ n: count() })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(and(inPlace, isNull(households.movedOutAt)));
  const total = Number(counted?.n ?? 0);
  if (total > limit) throw organisationErrors.tooManyCards(total, limit);
  const homes = await homesWhere(db, inPlace);
  const byBuilding = new Map<string, Home[]>();
  for (const home of homes) {
    const list = byBuilding.get(home.buildingId);
    if (list) list.push(home);
    else byBuilding.set(home.buildingId, [home]);
  }
  // A few buildings at a time: each is a handful of small reads, and the pool is shared with everyone else.
  const ids = [...byBuilding.keys()];
  const sets = [];
  for (let i = 0; i < ids.length; i += 8) {
    sets.push(
      ...(await Promise.all(ids.slice(i, i + 8).map((id) => cardsOf(db, keys, id, byBuilding.get(id)!)))),
    );
  }
  return {
    place: { id: place.id, code: place.code, name: place.name, level: place.level },
    households: total,
    buildings: sets,
  };
}

/** The public page of a building (behind the QR code): who serves it and how to reach them; no household data. */
export async function publicBuildingPage(db: Executor, keys: DataKeys, token: string) {
  const buildingId = buildingOfToken(keys, token);
  const served = buildingId ? await buildingServants(db, keys, buildingId) : null;
  if (!served) throw errors.notFound();
  return served;
}
