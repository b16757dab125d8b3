import type { DataKeys } from '../../core/auth/personal-data.ts';
import { encrypt, searchTokens } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { TEXT_TOKENS } from './visitlogs.service.ts';
import { visitLogComments, visitLogs } from './visitlogs.tables.ts';

export type VisitLogRow = RowOf<
  typeof visitLogs,
  | 'id'
  | 'kind'
  | 'textEnc'
  | 'searchTokens'
  | 'tags'
  | 'placeKind'
  | 'territoryCode'
  | 'gridId'
  | 'buildingId'
  | 'buildingIds'
  | 'householdIds'
  | 'occurredOn'
  | 'followUp'
  | 'authorUserId'
  | 'authorPersonId'
  | 'createdAt'
  | 'updatedAt'
>;

/** A spec: the place is required (a grid's code and id at least), the text in clear; the rest defaults. */
export type VisitLogSpec = Partial<Omit<VisitLogRow, 'textEnc' | 'searchTokens'>> &
  Pick<VisitLogRow, 'territoryCode' | 'gridId'> & { text?: string };

/**
 * A visit log row (no database): a need written today about the grid, the text encrypted and its search tokens
 * made with the keys given, unless the spec says otherwise.
 */
export function buildVisitLog(keys: DataKeys, spec: VisitLogSpec): VisitLogRow {
  const text = spec.text ?? '居民反映需要帮助，已记录待跟进。';
  const occurredOn = spec.occurredOn ?? shanghaiDay();
  const createdAt = spec.createdAt ?? new Date();
  const buildingIds = spec.buildingIds ?? (spec.buildingId ? [spec.buildingId] : []);
  return {
    id: spec.id ?? newId(),
    kind: spec.kind ?? 'need',
    textEnc: encrypt(keys, text),
    searchTokens: searchTokens(keys, TEXT_TOKENS, text),
    tags: spec.tags ?? [],
    placeKind:
      spec.placeKind ?? (spec.householdIds?.length ? 'households' : spec.buildingId ? 'building' : 'grid'),
    territoryCode: spec.territoryCode,
    gridId: spec.gridId,
    buildingId: spec.buildingId ?? null,
    buildingIds,
    householdIds: spec.householdIds ?? [],
    occurredOn,
    followUp: spec.followUp ?? 'none',
    authorUserId: spec.authorUserId ?? null,
    authorPersonId: spec.authorPersonId ?? null,
    createdAt,
    updatedAt: spec.updatedAt ?? createdAt,
  };
}

/** Inserts one log as given (test set-up: no rule checked, nothing audited). */
export async function insertVisitLog(tx: Executor, keys: DataKeys, spec: VisitLogSpec): Promise<VisitLogRow> {
  const row = buildVisitLog(keys, spec);
  await tx.insert(visitLogs).values(row);
  return row;
}

export type VisitLogCommentRow = RowOf<
  typeof visitLogComments,
  'id' | 'logId' | 'authorUserId' | 'textEnc' | 'createdAt'
>;

/** A comment row (no database), its text encrypted. */
export function buildVisitLogComment(
  keys: DataKeys,
  spec: { logId: string; text: string; authorUserId?: string | null; createdAt?: Date },
): VisitLogCommentRow {
  return {
    id: newId(),
    logId: spec.logId,
    authorUserId: spec.authorUserId ?? null,
    textEnc: encrypt(keys, spec.text),
    createdAt: spec.createdAt ?? new Date(),
  };
}
