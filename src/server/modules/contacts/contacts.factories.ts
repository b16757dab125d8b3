import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { centralHouseholds, contactAssignments } from './contacts.tables.ts';

export type CentralHouseholdRow = RowOf<
  typeof centralHouseholds,
  | 'id'
  | 'householdId'
  | 'personId'
  | 'buildingId'
  | 'territoryCode'
  | 'maxLoad'
  | 'startsOn'
  | 'endsOn'
  | 'note'
  | 'endReason'
  | 'createdBy'
>;

export type CentralHouseholdSpec = Partial<CentralHouseholdRow> &
  Pick<CentralHouseholdRow, 'householdId' | 'personId' | 'buildingId' | 'territoryCode'>;

/** A central household row (no database): in force from today, a load of 15, unless the spec says otherwise. */
export function buildCentralHousehold(spec: CentralHouseholdSpec): CentralHouseholdRow {
  return {
    id: spec.id ?? newId(),
    householdId: spec.householdId,
    personId: spec.personId,
    buildingId: spec.buildingId,
    territoryCode: spec.territoryCode,
    maxLoad: spec.maxLoad ?? 15,
    startsOn: spec.startsOn ?? shanghaiDay(),
    endsOn: spec.endsOn ?? null,
    note: spec.note ?? null,
    endReason: spec.endReason ?? null,
    createdBy: spec.createdBy ?? null,
  };
}

/** Inserts a central household as given (test set-up): no rule checked, nothing audited. */
export async function insertCentralHousehold(tx: Executor, spec: CentralHouseholdSpec) {
  const row = buildCentralHousehold(spec);
  await tx.transaction((t) => t.insert(centralHouseholds).values(row));
  return row;
}

export type ContactAssignmentRow = RowOf<
  typeof contactAssignments,
  | 'id'
  | 'householdId'
  | 'kind'
  | 'personId'
  | 'centralHouseholdId'
  | 'territoryCode'
  | 'buildingId'
  | 'distance'
  | 'source'
  | 'startsOn'
  | 'endsOn'
  | 'createdBy'
>;

export type ContactAssignmentSpec = Partial<ContactAssignmentRow> &
  Pick<ContactAssignmentRow, 'householdId' | 'kind' | 'personId' | 'territoryCode' | 'buildingId'>;

/** A contact assignment row (no database): from today, open, as a proposal made it, unless the spec says otherwise. */
export function buildContactAssignment(spec: ContactAssignmentSpec): ContactAssignmentRow {
  return {
    id: spec.id ?? newId(),
    householdId: spec.householdId,
    kind: spec.kind,
    personId: spec.personId,
    centralHouseholdId: spec.centralHouseholdId ?? null,
    territoryCode: spec.territoryCode,
    buildingId: spec.buildingId,
    distance: spec.distance ?? null,
    source: spec.source ?? 'proposal',
    startsOn: spec.startsOn ?? shanghaiDay(),
    endsOn: spec.endsOn ?? null,
    createdBy: spec.createdBy ?? null,
  };
}

/** Inserts a contact assignment as given (test set-up): no rule checked, nothing audited. */
export async function insertContactAssignment(tx: Executor, spec: ContactAssignmentSpec) {
  const row = buildContactAssignment(spec);
  await tx.transaction((t) => t.insert(contactAssignments).values(row));
  return row;
}
