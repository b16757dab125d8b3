import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay, yearTermEnd } from './leaders.days.ts';
import { buildingChats, leaderTerms } from './leaders.tables.ts';

export type LeaderTermRow = RowOf<
  typeof leaderTerms,
  | 'id'
  | 'buildingId'
  | 'unitId'
  | 'personId'
  | 'status'
  | 'nomination'
  | 'nominationNote'
  | 'startsOn'
  | 'endsOn'
  | 'tags'
  | 'reviewedBy'
  | 'reviewedAt'
  | 'reason'
  | 'endedAt'
  | 'renewalOf'
  | 'remindedAt'
>;

export type LeaderTermSpec = Partial<LeaderTermRow> & Pick<LeaderTermRow, 'buildingId' | 'personId'>;

/**
 * A leader term row (no database): approved, a one-year term from today, nominated by the organisation, unless the
 * spec says otherwise. An approved or rejected term counts as reviewed at its start.
 */
export function buildLeaderTerm(spec: LeaderTermSpec): LeaderTermRow {
  const status = spec.status ?? 'approved';
  const startsOn = spec.startsOn ?? shanghaiDay();
  return {
    id: spec.id ?? newId(),
    buildingId: spec.buildingId,
    unitId: spec.unitId ?? null,
    personId: spec.personId,
    status,
    nomination: spec.nomination ?? 'organisation',
    nominationNote: spec.nominationNote ?? null,
    startsOn,
    endsOn: spec.endsOn ?? yearTermEnd(startsOn),
    tags: spec.tags ?? [],
    reviewedBy: spec.reviewedBy ?? null,
    reviewedAt:
      spec.reviewedAt !== undefined
        ? spec.reviewedAt
        : status === 'approved' || status === 'rejected'
          ? new Date(`${startsOn}T09:00:00+08:00`)
          : null,
    reason: spec.reason ?? null,
    endedAt: spec.endedAt ?? null,
    renewalOf: spec.renewalOf ?? null,
    remindedAt: spec.remindedAt ?? null,
  };
}

/**
 * Inserts a leader term as given (test set-up): no rule is checked, no access granted, nothing audited. Returns the
 * row.
 */
export async function insertLeaderTerm(tx: Executor, spec: LeaderTermSpec): Promise<LeaderTermRow> {
  const row = buildLeaderTerm(spec);
  await tx.transaction((t) => t.insert(leaderTerms).values(row));
  return row;
}

export type BuildingChatRow = RowOf<typeof buildingChats, 'buildingId' | 'name' | 'memberCount' | 'qrImage'>;

/** A building's WeChat group row (no database). */
export function buildBuildingChat(
  spec: Partial<BuildingChatRow> & Pick<BuildingChatRow, 'buildingId'>,
): BuildingChatRow {
  return {
    buildingId: spec.buildingId,
    name: spec.name ?? '楼栋居民群',
    memberCount: spec.memberCount ?? 0,
    qrImage: spec.qrImage ?? null,
  };
}
