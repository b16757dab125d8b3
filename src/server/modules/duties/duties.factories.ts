import { encryptBytes, type DataKeys } from '../../core/auth/personal-data.ts';
import type { RowOf } from '../../core/db/bulk.ts';
import type { Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { eq } from 'drizzle-orm';
import { dutyItems, dutyTaskPhotos, dutyTasks } from './duties.tables.ts';

export type DutyItemRow = RowOf<
  typeof dutyItems,
  | 'id'
  | 'communityId'
  | 'territoryCode'
  | 'roleGroup'
  | 'title'
  | 'description'
  | 'mode'
  | 'frequency'
  | 'evidence'
  | 'shared'
  | 'sortOrder'
  | 'startsOn'
  | 'endsOn'
  | 'createdBy'
>;
export type DutyItemSpec = Partial<DutyItemRow> & Pick<DutyItemRow, 'territoryCode' | 'roleGroup'>;

/**
 * A duty item row (no database): a weekly normal-mode item with no evidence, in force since 2024, unless the spec
 * says otherwise. `territoryCode` is the county's (the template) or, with `communityId`, the community's.
 */
export function buildDutyItem(spec: DutyItemSpec): DutyItemRow {
  return {
    id: spec.id ?? newId(),
    communityId: spec.communityId ?? null,
    territoryCode: spec.territoryCode,
    roleGroup: spec.roleGroup,
    title: spec.title ?? '职责事项',
    description: spec.description ?? null,
    mode: spec.mode ?? 'normal',
    frequency: spec.frequency ?? 'weekly',
    evidence: spec.evidence ?? 'none',
    shared: spec.shared ?? false,
    sortOrder: spec.sortOrder ?? 0,
    startsOn: spec.startsOn ?? '2024-01-01',
    endsOn: spec.endsOn ?? null,
    createdBy: spec.createdBy ?? null,
  };
}

/** Inserts an item as given (test set-up): no rule checked, nothing audited. */
export async function insertDutyItem(db: Executor, spec: DutyItemSpec): Promise<DutyItemRow> {
  const row = buildDutyItem(spec);
  await db.insert(dutyItems).values(row);
  return row;
}

/** The smallest JPEG header a stored photo needs in tests (nothing decodes it). */
const TINY_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

/**
 * Attaches a photo to a task (test set-up): no rule is checked, nothing audited; encrypted with `keys` as the service
 * stores it, with the task's scope columns.
 */
export async function insertTaskPhoto(
  tx: Executor,
  keys: DataKeys,
  spec: { taskId: string; photo?: Buffer },
): Promise<void> {
  const photo = spec.photo ?? TINY_JPEG;
  const [task] = await tx
    .select({ territoryCode: dutyTasks.territoryCode, buildingId: dutyTasks.buildingId })
    .from(dutyTasks)
    .where(eq(dutyTasks.id, spec.taskId));
  if (!task) throw new Error(`No task ${spec.taskId}`);
  await tx.insert(dutyTaskPhotos).values({
    taskId: spec.taskId,
    ...task,
    contentType: 'image/jpeg',
    width: 1,
    height: 1,
    bytes: photo.length,
    sealed: Buffer.from(encryptBytes(keys, photo), 'base64'),
  });
}
