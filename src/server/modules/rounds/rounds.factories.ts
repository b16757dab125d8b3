import { encryptBytes, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { listHouseholds } from './rounds.opening.ts';
import { rounds, roundVisitPhotos, roundVisits } from './rounds.tables.ts';

export type RoundRow = RowOf<
  typeof rounds,
  | 'id'
  | 'territoryId'
  | 'territoryCode'
  | 'name'
  | 'purpose'
  | 'startsOn'
  | 'endsOn'
  | 'checklist'
  | 'status'
  | 'openedBy'
  | 'openedAt'
  | 'closedBy'
  | 'closedAt'
  | 'closeReason'
>;

export type RoundSpec = Partial<RoundRow> & Pick<RoundRow, 'territoryId' | 'territoryCode'>;

/**
 * A round row (no database): open from today for 30 days, with one checklist question, unless the spec says
 * otherwise. A closed round closes on its last day at 18:00 (Shanghai) unless `closedAt` is given.
 */
export function buildRound(spec: RoundSpec): RoundRow {
  const startsOn = spec.startsOn ?? shanghaiDay();
  const endsOn =
    spec.endsOn ?? shanghaiDay(new Date(Date.parse(`${startsOn}T12:00:00+08:00`) + 29 * 86_400_000));
  const status = spec.status ?? 'open';
  return {
    id: spec.id ?? newId(),
    territoryId: spec.territoryId,
    territoryCode: spec.territoryCode,
    name: spec.name ?? '敲门行动',
    purpose: spec.purpose ?? null,
    startsOn,
    endsOn,
    checklist: spec.checklist ?? [{ key: 'q1', text: '是否有独居老人需要帮助？' }],
    status,
    openedBy: spec.openedBy ?? null,
    openedAt: spec.openedAt ?? new Date(`${startsOn}T09:00:00+08:00`),
    closedBy: spec.closedBy ?? null,
    closedAt:
      spec.closedAt !== undefined
        ? spec.closedAt
        : status === 'closed'
          ? new Date(`${endsOn}T18:00:00+08:00`)
          : null,
    closeReason: spec.closeReason ?? null,
  };
}

/**
 * Inserts a round as given and lists the households of its territory living there now (test set-up): no rule is
 * checked, nothing audited. Returns the row and the number of households listed.
 */
export async function insertRound(tx: Executor, spec: RoundSpec) {
  const row = buildRound(spec);
  const households = await tx.transaction(async (t) => {
    await t.insert(rounds).values(row);
    return listHouseholds(t, row.id, row.territoryCode);
  });
  return { ...row, households };
}

/** A JPEG's smallest plausible structure (1 × 1): what the photo checks read, for tests. */
export const TINY_JPEG = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffc0000b080001000101011100ffda0008010100003f00d2cf20ffd9',
  'hex',
);

/**
 * Inserts a "met" visit of a household with a photo (test set-up): no rule is checked, no counter follows, nothing
 * audited. The photo is encrypted with `keys` as the service stores it.
 */
export async function insertVisitWithPhoto(
  tx: Executor,
  keys: DataKeys,
  spec: { roundId: string; householdId: string; territoryCode: string; buildingId: string; photo?: Buffer },
) {
  const id = newId();
  const photo = spec.photo ?? TINY_JPEG;
  await tx.transaction(async (t) => {
    await t.insert(roundVisits).values({
      id,
      clientId: newId(),
      roundId: spec.roundId,
      householdId: spec.householdId,
      territoryCode: spec.territoryCode,
      buildingId: spec.buildingId,
      visitedAt: new Date(),
      outcome: 'met',
    });
    await t.insert(roundVisitPhotos).values({
      visitId: id,
      roundId: spec.roundId,
      territoryCode: spec.territoryCode,
      buildingId: spec.buildingId,
      contentType: 'image/jpeg',
      width: 1,
      height: 1,
      bytes: photo.length,
      sealed: Buffer.from(encryptBytes(keys, photo), 'base64'),
    });
  });
  return { id };
}
