/**
 * Writing the registry: register, edit, move and move out residents and households. Each write is one transaction
 * with its history row and its audit row; personal fields are encrypted and found through blind indexes.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit, auditedLimitWait, changedFields, type Actor } from '../../core/auth/audit.ts';
import { users } from '../../core/auth/auth.tables.ts';
import {
  blindIndex,
  decrypt,
  encrypt,
  maskBirthDate,
  maskIdCard,
  maskMobile,
  type DataKeys,
} from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { errors, type ErrorDetail } from '../../core/http/errors.ts';
import { idCardBirthDate, idCardGender, idCardProblem } from './id-card.ts';
import type { ResidentView } from './registry.schemas.ts';
import {
  buildings,
  households,
  registryHistory,
  residents,
  units,
  type KeyPopulationTag,
} from './registry.tables.ts';
import { startNewResidence, writeTags } from './registry.periods.ts';
import { formatAddress, type Deps } from './registry.common.ts';
import { loadHousehold } from './registry.households.ts';
import { loadResident } from './registry.residents.ts';

type ResidentInput = {
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  idCard?: string | null;
  phone?: string | null;
  relation?: ResidentView['relation'];
  politicalStatus?: ResidentView['politicalStatus'];
  residency?: ResidentView['residency'];
  note?: string | null;
  tags?: { tag: KeyPopulationTag; careLevel: number }[];
};

/**
 * Gender and birth date follow the ID-card number when it is given; when they are also given they must agree.
 * Returns field errors rather than throwing, so that an import can report every row.
 */
export function reconcileIdentity(input: { idCard?: string | null; gender?: string; birthDate?: string }): {
  gender?: 'male' | 'female';
  birthDate?: string;
  problems: ErrorDetail[];
} {
  const problems: ErrorDetail[] = [];
  if (!input.idCard || idCardProblem(input.idCard)) {
    if (input.birthDate && new Date(input.birthDate).getTime() > Date.now()) {
      problems.push({
        field: 'birthDate',
        code: 'future',
        message: { zh: '出生日期不能晚于今天', en: 'The birth date cannot be in the future' },
      });
    }
    return { gender: input.gender as 'male' | 'female' | undefined, birthDate: input.birthDate, problems };
  }
  const birth = idCardBirthDate(input.idCard)!.toISOString().slice(0, 10);
  const gender = idCardGender(input.idCard);
  if (input.birthDate && input.birthDate !== birth) {
    problems.push({
      field: 'birthDate',
      code: 'id_card_mismatch',
      message: { zh: '出生日期与身份证号不一致', en: 'The birth date does not match the ID-card number' },
    });
  }
  if (input.gender && input.gender !== gender) {
    problems.push({
      field: 'gender',
      code: 'id_card_mismatch',
      message: { zh: '性别与身份证号不一致', en: 'The gender does not match the ID-card number' },
    });
  }
  return { gender, birthDate: birth, problems };
}

/**
 * An ID-card number refused as already registered confirms a guessed number anywhere in the county. So each refusal
 * is audited (`resident.id_card_taken`, masked) and a caller with `refusals` of them within the window is refused every
 * number (429), registered or not, until the oldest leaves the window.
 */
export const idCardTakenThrottle = { windowMs: 15 * 60_000, refusals: 5 };

const idCardTaken = () =>
  errors.conflict('idCard', {
    zh: '该身份证号已登记',
    en: 'A resident with this ID-card number is already registered',
  });

/**
 * Whether `idCard` is registered to another resident; when it is, the refusal's audit row is written in the caller's
 * transaction, which then commits without the write and answers 409 (idCardTaken). The caller's own row is locked
 * first, so their probes go one at a time and a burst cannot pass the count together.
 */
async function idCardTakenBy(
  tx: Executor,
  keys: DataKeys,
  actor: Actor,
  idCard: string,
  territoryCode: string | null,
  exceptId?: string,
): Promise<boolean> {
  const wait = await idCardRefusalWait(tx, actor);
  if (wait > 0) throw errors.idCardTakenThrottled(wait);
  const [clash] = await tx
    .select({ id: residents.id })
    .from(residents)
    .where(eq(residents.idCardIndex, blindIndex(keys, 'idCard', idCard)))
    .limit(1);
  if (!clash || clash.id === exceptId) return false;
  await appendAudit(tx, actor, {
    action: 'resident.id_card_taken',
    entityType: 'resident',
    entityId: exceptId ?? null,
    territoryCode,
    changes: { idCard: maskIdCard(idCard) },
  });
  return true;
}

/** The caller's row locked (their refusals counted one at a time), the wait under the limit of refusals; 0 under it. */
async function idCardRefusalWait(tx: Executor, actor: Actor): Promise<number> {
  if (!actor.userId) return 0;
  await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for('update');
  return auditedLimitWait(tx, actor.userId, 'resident.id_card_taken', {
    windowMs: idCardTakenThrottle.windowMs,
    count: idCardTakenThrottle.refusals,
  });
}

/**
 * The import's refusal of a card registered outside the importer's scope (registry-import.rows.ts, RegisteredCards):
 * audited and counted as a refusal of registering one resident, in a transaction of its own; false, writing nothing,
 * when the importer is at the limit.
 */
export async function auditImportIdCardRefusal(
  db: Db,
  actor: Actor,
  idCard: string,
  importId: string,
  territoryCode: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await idCardRefusalWait(tx, actor)) > 0) return false;
    await appendAudit(tx, actor, {
      action: 'resident.id_card_taken',
      entityType: 'registry_import',
      entityId: importId,
      territoryCode,
      changes: { idCard: maskIdCard(idCard) },
    });
    return true;
  });
}

/** Whether the caller is at the limit of refusals of registered ID cards (read only). */
export async function idCardRefusalsAtLimit(db: Executor, userId: string): Promise<boolean> {
  const wait = await auditedLimitWait(db, userId, 'resident.id_card_taken', {
    windowMs: idCardTakenThrottle.windowMs,
    count: idCardTakenThrottle.refusals,
  });
  return wait > 0;
}

async function recordHistory(
  tx: Executor,
  actor: Actor,
  entry: Omit<typeof registryHistory.$inferInsert, 'id' | 'actorId'> & { at: Date },
) {
  await tx.insert(registryHistory).values({ id: newId(), actorId: actor.userId, ...entry });
}

/** The audit log keeps personal fields masked: an ID card's last four, a mobile's first three and last four, a birth year. */
const maskPersonal = { idCard: maskIdCard, phone: maskMobile, birthDate: maskBirthDate };

export async function createResident(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  input: ResidentInput & { householdId: string; name: string; relation: ResidentView['relation'] },
): Promise<string> {
  const identity = reconcileIdentity(input);
  if (!identity.gender || !identity.birthDate) {
    identity.problems.push(
      ...(['gender', 'birthDate'] as const)
        .filter((f) => !identity[f])
        .map((field) => ({
          field,
          code: 'required',
          message: { zh: '未填写身份证号时此项必填', en: 'Required when no ID-card number is given' },
        })),
    );
  }
  if (identity.problems.length) throw errors.validation(identity.problems);
  const created = await db.transaction(async (tx) => {
    const household = await loadHousehold(tx, scope, input.householdId);
    if (household.movedOutAt) throw errors.notFound();
    // Committed without the resident when the number is registered: the refusal's audit row stays.
    if (input.idCard && (await idCardTakenBy(tx, keys, actor, input.idCard, household.gridCode))) return null;
    const id = newId();
    // One moment for the row, its periods and its history: figures as of a day read them together.
    const now = new Date();
    await tx.insert(residents).values({
      id,
      householdId: household.id,
      buildingId: household.buildingId,
      territoryCode: household.gridCode,
      name: input.name,
      gender: identity.gender!,
      birthDate: identity.birthDate!,
      idCardEnc: input.idCard ? encrypt(keys, input.idCard) : null,
      idCardIndex: input.idCard ? blindIndex(keys, 'idCard', input.idCard) : null,
      phoneEnc: input.phone ? encrypt(keys, input.phone) : null,
      phoneIndex: input.phone ? blindIndex(keys, 'mobile', input.phone) : null,
      relation: input.relation,
      politicalStatus: input.politicalStatus ?? 'masses',
      residency: input.residency ?? 'registered',
      note: input.note ?? null,
      movedInAt: now,
      arrival: 'registered',
      createdAt: now,
      updatedAt: now,
    });
    await writeTags(tx, id, input.tags ?? [], now);
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'resident',
      entityId: id,
      event: 'moved_in',
      toHouseholdId: household.id,
    });
    await appendAudit(tx, actor, {
      action: 'resident.created',
      entityType: 'resident',
      entityId: id,
      territoryCode: household.gridCode,
      changes: changedFields(
        null,
        {
          name: input.name,
          householdId: household.id,
          idCard: input.idCard ?? null,
          phone: input.phone ?? null,
          tags: input.tags ?? [],
        },
        maskPersonal,
      ),
    });
    return id;
  });
  if (created === null) throw idCardTaken();
  return created;
}

export async function updateResident(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: ResidentInput,
) {
  const taken = await db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    const before = {
      name: row.name,
      gender: row.gender,
      birthDate: row.birthDate,
      idCard: row.idCardEnc ? decrypt(keys, row.idCardEnc) : null,
      phone: row.phoneEnc ? decrypt(keys, row.phoneEnc) : null,
      relation: row.relation,
      politicalStatus: row.politicalStatus,
      residency: row.residency,
      note: row.note,
      tags: row.tags,
    };
    const idCard = input.idCard === undefined ? before.idCard : input.idCard;
    // A kept ID-card number fixes the birth date: refuse any date given with it, right or wrong alike, so that an
    // editor without personal:reveal cannot find the date by trying dates (a match used to pass, a miss to fail).
    if (input.birthDate !== undefined && input.idCard === undefined && before.idCard) {
      throw errors.validation([
        {
          field: 'birthDate',
          code: 'follows_id_card',
          message: {
            zh: '出生日期随身份证号，不能单独修改；请修改身份证号',
            en: 'The birth date follows the ID-card number; change the ID-card number instead',
          },
        },
      ]);
    }
    const identity = reconcileIdentity({
      idCard,
      gender: input.gender ?? (input.idCard ? undefined : before.gender),
      birthDate: input.birthDate ?? (input.idCard ? undefined : before.birthDate),
    });
    if (identity.problems.length) throw errors.validation(identity.problems);
    // Committed without the change when the number is registered: the refusal's audit row stays.
    if (
      idCard &&
      idCard !== before.idCard &&
      (await idCardTakenBy(tx, keys, actor, idCard, row.territoryCode, id))
    ) {
      return true;
    }
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      idCard,
      gender: identity.gender ?? before.gender,
      birthDate: identity.birthDate ?? before.birthDate,
    };
    const changes = changedFields(before, after, maskPersonal);
    if (Object.keys(changes).length === 0) return false;
    const now = new Date();
    await tx
      .update(residents)
      .set({
        name: after.name,
        gender: after.gender,
        birthDate: after.birthDate,
        idCardEnc: after.idCard ? encrypt(keys, after.idCard) : null,
        idCardIndex: after.idCard ? blindIndex(keys, 'idCard', after.idCard) : null,
        phoneEnc: after.phone ? encrypt(keys, after.phone) : null,
        phoneIndex: after.phone ? blindIndex(keys, 'mobile', after.phone) : null,
        relation: after.relation,
        politicalStatus: after.politicalStatus,
        residency: after.residency,
        note: after.note,
        updatedAt: now,
      })
      .where(eq(residents.id, id));
    if (input.tags) await writeTags(tx, id, input.tags, now);
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'resident',
      entityId: id,
      event: 'updated',
      details: { fields: Object.keys(changes) },
    });
    await appendAudit(tx, actor, {
      action: 'resident.updated',
      entityType: 'resident',
      entityId: id,
      territoryCode: row.territoryCode,
      changes,
    });
    return false;
  });
  if (taken) throw idCardTaken();
}

/** Moves a resident to another household (both in scope); the history keeps where they came from. */
export async function moveResident(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: { householdId: string; relation: ResidentView['relation']; note?: string },
) {
  await db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    const target = await loadHousehold(tx, scope, input.householdId);
    if (target.movedOutAt) throw errors.notFound();
    if (row.householdId === target.id) {
      throw errors.validation([
        {
          field: 'householdId',
          code: 'same_household',
          message: { zh: '已在该户中', en: 'Already in this household' },
        },
      ]);
    }
    // The period they leave is kept; the row becomes the period in the new household.
    const now = new Date();
    const period = await startNewResidence(tx, id, now, target.gridCode);
    await tx
      .update(residents)
      .set({
        householdId: target.id,
        buildingId: target.buildingId,
        territoryCode: target.gridCode,
        relation: input.relation,
        ...period,
        updatedAt: now,
      })
      .where(eq(residents.id, id));
    const details = input.note ? { note: input.note } : null;
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'resident',
      entityId: id,
      event: 'moved',
      fromHouseholdId: row.householdId,
      toHouseholdId: target.id,
      details,
    });
    if (row.householdId) {
      await recordHistory(tx, actor, {
        at: now,
        entityType: 'household',
        entityId: row.householdId,
        event: 'updated',
        details: { left: id },
      });
    }
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'household',
      entityId: target.id,
      event: 'updated',
      details: { joined: id },
    });
    await appendAudit(tx, actor, {
      action: 'resident.moved',
      entityType: 'resident',
      entityId: id,
      territoryCode: target.gridCode,
      changes: {
        householdId: { from: row.householdId, to: target.id },
        relation: { from: row.relation, to: input.relation },
      },
    });
  });
}

/** A resident leaves the county's registry; the row and its history stay. */
export async function moveOutResident({ db }: Deps, scope: Scope, actor: Actor, id: string, note?: string) {
  await db.transaction(async (tx) => {
    const row = await loadResident(tx, scope, id);
    if (row.movedOutAt) return;
    // The row's residence period ends now; its building and grid stay on the row (where they lived last).
    const now = new Date();
    await tx
      .update(residents)
      .set({ householdId: null, movedOutAt: now, updatedAt: now })
      .where(eq(residents.id, id));
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'resident',
      entityId: id,
      event: 'moved_out',
      fromHouseholdId: row.householdId,
      details: note ? { note } : null,
    });
    await appendAudit(tx, actor, {
      action: 'resident.moved_out',
      entityType: 'resident',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { householdId: { from: row.householdId, to: null } },
    });
  });
}

/** The whole household moves out: its members move out with it; rows and history stay. */
export async function moveOutHousehold({ db }: Deps, scope: Scope, actor: Actor, id: string, note?: string) {
  await db.transaction(async (tx) => {
    const row = await loadHousehold(tx, scope, id);
    if (row.movedOutAt) return;
    const now = new Date();
    const members = await tx
      .update(residents)
      .set({ householdId: null, movedOutAt: now, updatedAt: now })
      .where(and(eq(residents.householdId, id), isNull(residents.movedOutAt)))
      .returning({ id: residents.id });
    await tx.update(households).set({ movedOutAt: now, updatedAt: now }).where(eq(households.id, id));
    for (const m of members) {
      await recordHistory(tx, actor, {
        at: now,
        entityType: 'resident',
        entityId: m.id,
        event: 'moved_out',
        fromHouseholdId: id,
        details: { withHousehold: true },
      });
    }
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'household',
      entityId: id,
      event: 'moved_out',
      details: { members: members.map((m) => m.id), ...(note ? { note } : {}) },
    });
    await appendAudit(tx, actor, {
      action: 'household.moved_out',
      entityType: 'household',
      entityId: id,
      territoryCode: row.gridCode,
      changes: { members: members.length },
    });
  });
}

export async function createHousehold(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  input: {
    buildingId: string;
    unitNumber: number;
    room: string;
    kind: 'permanent' | 'floating' | 'vacant';
    tenure: 'owned' | 'rented' | 'public' | 'other';
    note?: string | null;
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [building] = await tx.select().from(buildings).where(eq(buildings.id, input.buildingId)).limit(1);
    if (!building || !registryRowInScope(scope, building.territoryCode, building.id)) throw errors.notFound();
    if (input.unitNumber > building.unitCount) {
      throw errors.validation([
        {
          field: 'unitNumber',
          code: 'too_big',
          message: {
            zh: `该楼只有 ${building.unitCount} 个单元`,
            en: `The building has ${building.unitCount} units`,
          },
        },
      ]);
    }
    let [unit] = await tx
      .select()
      .from(units)
      .where(and(eq(units.buildingId, building.id), eq(units.number, input.unitNumber)))
      .limit(1);
    if (!unit) {
      [unit] = await tx
        .insert(units)
        .values({ id: newId(), buildingId: building.id, number: input.unitNumber })
        .returning();
    }
    const [clash] = await tx
      .select({ id: households.id })
      .from(households)
      .where(
        and(eq(households.unitId, unit!.id), eq(households.room, input.room), isNull(households.movedOutAt)),
      )
      .limit(1);
    if (clash) {
      throw errors.conflict('room', { zh: '该房号已有在住户', en: 'A household already lives in this room' });
    }
    const id = newId();
    const now = new Date();
    await tx.insert(households).values({
      id,
      buildingId: building.id,
      unitId: unit!.id,
      territoryCode: building.territoryCode,
      room: input.room,
      kind: input.kind,
      tenure: input.tenure,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordHistory(tx, actor, { at: now, entityType: 'household', entityId: id, event: 'created' });
    await appendAudit(tx, actor, {
      action: 'household.created',
      entityType: 'household',
      entityId: id,
      territoryCode: building.territoryCode,
      changes: changedFields(null, {
        address: formatAddress(building.name, input.unitNumber, input.room),
        kind: input.kind,
        tenure: input.tenure,
      }),
    });
    return id;
  });
}

export async function updateHousehold(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: {
    kind?: 'permanent' | 'floating' | 'vacant';
    tenure?: 'owned' | 'rented' | 'public' | 'other';
    note?: string | null;
  },
) {
  await db.transaction(async (tx) => {
    const row = await loadHousehold(tx, scope, id);
    const before = { kind: row.kind, tenure: row.tenure, note: row.note };
    const after = {
      kind: input.kind ?? row.kind,
      tenure: input.tenure ?? row.tenure,
      note: input.note === undefined ? row.note : input.note,
    };
    const changes = changedFields(before, after);
    if (Object.keys(changes).length === 0) return;
    const now = new Date();
    await tx
      .update(households)
      .set({ ...after, updatedAt: now })
      .where(eq(households.id, id));
    await recordHistory(tx, actor, {
      at: now,
      entityType: 'household',
      entityId: id,
      event: 'updated',
      details: changes,
    });
    await appendAudit(tx, actor, {
      action: 'household.updated',
      entityType: 'household',
      entityId: id,
      territoryCode: row.gridCode,
      changes,
    });
  });
}
