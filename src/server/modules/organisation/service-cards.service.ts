import { timingSafeEqual } from 'node:crypto';
import { buildingServants } from './servants.service.ts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { pageToken, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { errors } from '../../core/http/errors.ts';
import { buildings, households, units } from '../registry/registry.public.ts';

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
  const [served, homes] = await Promise.all([
    buildingServants(db, keys, buildingId),
    db
      .select({ id: households.id, unitNumber: units.number, room: households.room })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .where(and(eq(households.buildingId, buildingId), isNull(households.movedOutAt)))
      // Rooms read as numbers where they are (302 before 1201), so cards come off the printer in walking order.
      .orderBy(
        asc(units.number),
        sql`nullif(regexp_replace(${households.room}, '\\D', '', 'g'), '')::int nulls last`,
        asc(households.room),
      ),
  ]);
  return { ...served!, households: homes, pagePath: buildingPagePath(keys, buildingId) };
}

/** The public page of a building (behind the QR code): who serves it and how to reach them; no household data. */
export async function publicBuildingPage(db: Executor, keys: DataKeys, token: string) {
  const buildingId = buildingOfToken(keys, token);
  const served = buildingId ? await buildingServants(db, keys, buildingId) : null;
  if (!served) throw errors.notFound();
  return served;
}
