import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { users } from '../../core/auth/auth.tables.ts';
import { decrypt, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db } from '../../core/db/client.ts';
import { errors } from '../../core/http/errors.ts';
import { acceptPhoto, sealPhoto, type StoredPhoto } from '../../core/photos/photos.ts';
import { persons } from '../people/people.public.ts';
import { households } from '../registry/registry.public.ts';
import { roundErrors } from './rounds.errors.ts';
import { rounds, roundVisitPhotos, roundVisits } from './rounds.tables.ts';

type Deps = { db: Db; keys: DataKeys };

const visitInScope = (scope: Scope) =>
  registryCondition(scope, roundVisits.territoryCode, roundVisits.buildingId);

/**
 * Attaches the photo of a visit the caller recorded, inside their scope (404 otherwise, also for a visit recorded by
 * someone else): checked by its bytes (400, field `photo`), EXIF removed, encrypted at rest; a second photo replaces
 * the first (a queue sending again after a lost answer gets the same result) while the round is open (409 once it is
 * closed). Audited.
 */
export async function attachVisitPhoto(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  visitId: string,
  upload: Buffer,
) {
  const checked = acceptPhoto(upload);
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .select({
        id: roundVisits.id,
        roundId: roundVisits.roundId,
        territoryCode: roundVisits.territoryCode,
        buildingId: roundVisits.buildingId,
        visitorUserId: roundVisits.visitorUserId,
        roundName: rounds.name,
        roundStatus: rounds.status,
      })
      .from(roundVisits)
      .innerJoin(rounds, eq(rounds.id, roundVisits.roundId))
      .where(and(eq(roundVisits.id, visitId), visitInScope(scope)));
    if (!visit || !actor.userId || visit.visitorUserId !== actor.userId) throw errors.notFound();
    // A closed round's evidence stays as it was when it closed (as a done duty task's).
    if (visit.roundStatus !== 'open') throw roundErrors.closedForPhotos(visit.roundName);
    const row = {
      visitId,
      roundId: visit.roundId,
      territoryCode: visit.territoryCode,
      buildingId: visit.buildingId,
      ...sealPhoto(keys, checked),
      uploadedBy: actor.userId,
    };
    await tx
      .insert(roundVisitPhotos)
      .values(row)
      .onConflictDoUpdate({
        target: roundVisitPhotos.visitId,
        set: { ...row, createdAt: new Date() },
      });
    await appendAudit(tx, actor, {
      action: 'round.visit_photo_attached',
      entityType: 'round_visit',
      entityId: visitId,
      territoryCode: visit.territoryCode,
      changes: { photoType: checked.type, photoWidth: checked.width, photoHeight: checked.height },
    });
    return { visitId, contentType: checked.type, width: checked.width, height: checked.height };
  });
}

/** A visit's photo (sealed; answered by core/photos' answerPhoto) for a reader of the visit: none outside their scope. */
export async function visitPhoto(db: Db, scope: Scope, visitId: string): Promise<StoredPhoto[]> {
  return db
    .select({ contentType: roundVisitPhotos.contentType, sealed: roundVisitPhotos.sealed })
    .from(roundVisitPhotos)
    .where(
      and(
        eq(roundVisitPhotos.visitId, visitId),
        registryCondition(scope, roundVisitPhotos.territoryCode, roundVisitPhotos.buildingId),
      ),
    )
    .limit(1);
}

/**
 * A household's visits inside the scope (of one round, or of every round), oldest first, with the visitor and
 * whether a photo is attached; 404 for a household outside the scope.
 */
export async function householdVisits(
  { db, keys }: Deps,
  scope: Scope,
  householdId: string,
  roundId: string | undefined,
) {
  const [household] = await db
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        eq(households.id, householdId),
        registryCondition(scope, households.territoryCode, households.buildingId),
      ),
    );
  if (!household) throw errors.notFound();
  const rows = await db
    .select({
      id: roundVisits.id,
      roundId: roundVisits.roundId,
      roundName: rounds.name,
      visitedAt: roundVisits.visitedAt,
      outcome: roundVisits.outcome,
      noteEnc: roundVisits.noteEnc,
      followUp: roundVisits.followUp,
      visitorName: sql<string>`coalesce(${persons.name}, ${users.displayName}, '')`,
      photo: sql<boolean>`exists (select 1 from ${roundVisitPhotos} p where p.visit_id = ${roundVisits.id})`,
    })
    .from(roundVisits)
    .innerJoin(rounds, eq(rounds.id, roundVisits.roundId))
    .leftJoin(users, eq(users.id, roundVisits.visitorUserId))
    .leftJoin(persons, eq(persons.id, roundVisits.visitorPersonId))
    .where(
      and(
        eq(roundVisits.householdId, householdId),
        roundId ? eq(roundVisits.roundId, roundId) : undefined,
        visitInScope(scope),
      ),
    )
    .orderBy(asc(roundVisits.visitedAt), asc(roundVisits.id));
  return rows.map(({ noteEnc, visitedAt, ...row }) => ({
    ...row,
    visitedAt: visitedAt.toISOString(),
    note: noteEnc ? decrypt(keys, noteEnc) : null,
  }));
}
