import { and, eq, or } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import type { DataKeys } from '../../core/auth/personal-data.ts';
import type { Scope } from '../../core/auth/scope.ts';
import type { Db } from '../../core/db/client.ts';
import { errors } from '../../core/http/errors.ts';
import { acceptPhoto, sealPhoto, type StoredPhoto } from '../../core/photos/photos.ts';
import { dutyErrors } from './duties.errors.ts';
import { assignedTo, holderKeysOf, taskInScope } from './duties.service.ts';
import { dutyTaskPhotos, dutyTasks } from './duties.tables.ts';

type Deps = { db: Db; keys: DataKeys };

/**
 * Attaches the photo of one of the caller's open tasks (its evidence; 404 for a task not theirs, 409 once done):
 * checked by its bytes (400, field `photo`), metadata removed, encrypted at rest; a second photo replaces the first
 * while the task is open (a phone sending again after a lost answer gets the same result). Audited.
 */
export async function attachTaskPhoto(
  { db, keys }: Deps,
  actor: Actor & { userId: string },
  taskId: string,
  upload: Buffer,
) {
  const checked = acceptPhoto(upload);
  const { keys: holderKeys } = await holderKeysOf(db, actor.userId);
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select({
        status: dutyTasks.status,
        territoryCode: dutyTasks.territoryCode,
        buildingId: dutyTasks.buildingId,
      })
      .from(dutyTasks)
      .where(and(eq(dutyTasks.id, taskId), assignedTo(holderKeys)))
      .for('update');
    if (!task) throw errors.notFound();
    if (task.status === 'done') throw dutyErrors.taskAlreadyDone();
    const row = {
      taskId,
      territoryCode: task.territoryCode,
      buildingId: task.buildingId,
      ...sealPhoto(keys, checked),
      uploadedBy: actor.userId,
    };
    await tx
      .insert(dutyTaskPhotos)
      .values(row)
      .onConflictDoUpdate({ target: dutyTaskPhotos.taskId, set: { ...row, createdAt: new Date() } });
    await appendAudit(tx, actor, {
      action: 'duty_task.photo_attached',
      entityType: 'duty_task',
      entityId: taskId,
      territoryCode: task.territoryCode,
      changes: { photoType: checked.type, photoWidth: checked.width, photoHeight: checked.height },
    });
    return { taskId, contentType: checked.type, width: checked.width, height: checked.height };
  });
}

/**
 * A task's photo (sealed; answered by core/photos' answerPhoto), for its assignees and for those who read the task
 * board of its place (`boardScope`, null without duty:board); none for anyone else and for a task without a photo.
 */
export async function taskPhoto(
  db: Db,
  userId: string,
  boardScope: Scope | null,
  taskId: string,
): Promise<StoredPhoto[]> {
  const { keys: holderKeys } = await holderKeysOf(db, userId);
  return db
    .select({ contentType: dutyTaskPhotos.contentType, sealed: dutyTaskPhotos.sealed })
    .from(dutyTaskPhotos)
    .innerJoin(dutyTasks, eq(dutyTasks.id, dutyTaskPhotos.taskId))
    .where(
      and(
        eq(dutyTaskPhotos.taskId, taskId),
        boardScope ? or(assignedTo(holderKeys), taskInScope(boardScope)) : assignedTo(holderKeys),
      ),
    )
    .limit(1);
}
