/**
 * A building's leaders and WeChat group, and the building leader's own pages: my term and buildings, my households in
 * room order, and the audited call to one of them.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, maskMobile } from '../../core/auth/personal-data.ts';
import { type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { errors } from '../../core/http/errors.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households, residents, units } from '../registry/registry.public.ts';
import { shanghaiDay } from './leaders.days.ts';
import { QR_MAX_BYTES, type ChatInput } from './leaders.schemas.ts';
import { buildingChats, leaderTerms } from './leaders.tables.ts';
import { activeOn, presentTerm, selectTerms, termInScope, type Deps } from './leaders.service.ts';

async function chatOf(db: Executor, buildingId: string) {
  const [chat] = await db.select().from(buildingChats).where(eq(buildingChats.buildingId, buildingId));
  return chat ? presentChat(chat) : null;
}

function presentChat(chat: typeof buildingChats.$inferSelect) {
  return {
    buildingId: chat.buildingId,
    name: chat.name,
    memberCount: chat.memberCount,
    qrImage: chat.qrImage,
    updatedAt: chat.updatedAt.toISOString(),
  };
}

async function buildingInScope(db: Executor, scope: Scope, id: string) {
  const [building] = await db
    .select({
      id: buildings.id,
      code: buildings.code,
      name: buildings.name,
      compound: buildings.compound,
      gridCode: buildings.territoryCode,
    })
    .from(buildings)
    .where(and(eq(buildings.id, id), termInScope(scope)))
    .limit(1);
  if (!building) throw errors.notFound();
  return building;
}

/** A building's leaders: those in force today, every term newest first, and its WeChat group. */
export async function buildingLeaders({ db, keys }: Deps, scope: Scope, id: string) {
  const building = await buildingInScope(db, scope, id);
  const today = shanghaiDay();
  const rows = await selectTerms(db)
    .where(eq(leaderTerms.buildingId, id))
    .orderBy(desc(leaderTerms.startsOn), asc(units.number), asc(leaderTerms.id));
  const history = rows.map((r) => presentTerm(keys, r, today));
  return {
    building,
    current: history.filter((t) => t.active),
    history,
    chat: await chatOf(db, id),
  };
}

/** Whether the bytes are a PNG or a JPEG image, by their signature. */
function isImage(bytes: Buffer): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > png.length && png.every((b, i) => bytes[i] === b)) return true;
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Records a building's WeChat group (name, member count, QR image); audited. */
export async function putChat(
  { db }: Deps,
  scope: Scope,
  actor: Actor,
  buildingId: string,
  input: ChatInput,
) {
  return db.transaction(async (tx) => {
    const building = await buildingInScope(tx, scope, buildingId);
    let qrImage: string | null = null;
    if (input.qrImage) {
      const [header, data = ''] = input.qrImage.split(',', 2);
      const bytes = Buffer.from(data, 'base64');
      const declared = header!.includes('png') ? 'png' : 'jpeg';
      const isPng = bytes[0] === 0x89;
      if (bytes.length > QR_MAX_BYTES || !isImage(bytes) || (declared === 'png') !== isPng) {
        throw errors.validation([
          {
            field: 'qrImage',
            code: 'not_an_image',
            message: {
              zh: '二维码须为不超过 128 KB 的 PNG 或 JPEG 图片',
              en: 'The QR image must be a PNG or JPEG image of at most 128 KB',
            },
          },
        ]);
      }
      qrImage = input.qrImage;
    }
    const [before] = await tx
      .select()
      .from(buildingChats)
      .where(eq(buildingChats.buildingId, buildingId))
      .for('update');
    const now = new Date();
    const values = { name: input.name, memberCount: input.memberCount, qrImage, updatedAt: now };
    await tx
      .insert(buildingChats)
      .values({ buildingId, ...values })
      .onConflictDoUpdate({ target: buildingChats.buildingId, set: values });
    await appendAudit(tx, actor, {
      action: 'leader.chat_updated',
      entityType: 'building_chat',
      entityId: buildingId,
      territoryCode: building.gridCode,
      changes: {
        name: { from: before?.name ?? null, to: input.name },
        memberCount: { from: before?.memberCount ?? null, to: input.memberCount },
        qrImage: { from: before?.qrImage ? 'set' : null, to: qrImage ? 'set' : null },
      },
    });
    const [chat] = await tx.select().from(buildingChats).where(eq(buildingChats.buildingId, buildingId));
    return presentChat(chat!);
  });
}

/** The person of an account, or null. */
async function personIdOfUser(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: persons.id }).from(persons).where(eq(persons.userId, userId)).limit(1);
  return row?.id ?? null;
}

/** The buildings the caller leads today (approved terms in force), inside the scope given. */
async function myBuildingIds(db: Executor, userId: string, scope: Scope | null): Promise<string[]> {
  const personId = await personIdOfUser(db, userId);
  if (!personId) return [];
  const rows = await db
    .selectDistinct({ id: leaderTerms.buildingId })
    .from(leaderTerms)
    .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
    .where(
      and(
        eq(leaderTerms.personId, personId),
        activeOn(shanghaiDay()),
        scope ? termInScope(scope) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/** The building leader's page: their terms (every status, newest first) and the buildings they lead today. */
export async function myLeaderPage({ db, keys }: Deps, userId: string, scope: Scope | null) {
  const personId = await personIdOfUser(db, userId);
  if (!personId) return { terms: [], buildings: [] };
  const today = shanghaiDay();
  const terms = (
    await selectTerms(db)
      .where(eq(leaderTerms.personId, personId))
      .orderBy(desc(leaderTerms.startsOn), asc(leaderTerms.id))
  ).map((r) => presentTerm(keys, r, today));
  // Without the leader's access (ended) the page lists no building, whatever the terms say.
  const ids = scope ? await myBuildingIds(db, userId, scope) : [];
  if (ids.length === 0) return { terms, buildings: [] };
  const rows = await db
    .select({
      id: buildings.id,
      code: buildings.code,
      name: buildings.name,
      compound: buildings.compound,
      households: sql<number>`(select count(*)::int from ${households} h where h.building_id = ${buildings}.id and h.moved_out_at is null)`,
      residents: sql<number>`(select count(*)::int from ${residents} r where r.building_id = ${buildings}.id and r.moved_out_at is null)`,
    })
    .from(buildings)
    .where(inArray(buildings.id, ids))
    .orderBy(asc(buildings.code));
  const chats = await db.select().from(buildingChats).where(inArray(buildingChats.buildingId, ids));
  const chatOfBuilding = new Map(chats.map((c) => [c.buildingId, presentChat(c)]));
  return {
    terms,
    buildings: rows.map((b) => ({ ...b, chat: chatOfBuilding.get(b.id) ?? null })),
  };
}

const roomOrder = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The households of the buildings the caller leads (inside their scope), in building / unit / floor / room order
 * (rooms compared number-aware: 2-301 before 10-101, 902 before 1001), with their present members' phones masked.
 */
export async function myHouseholds({ db, keys }: Deps, userId: string, scope: Scope, buildingId?: string) {
  let ids = await myBuildingIds(db, userId, scope);
  if (buildingId) {
    if (!ids.includes(buildingId)) throw errors.notFound();
    ids = [buildingId];
  }
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      buildingName: buildings.name,
      buildingCode: buildings.code,
      unitNumber: units.number,
      room: households.room,
      residentId: residents.id,
      name: residents.name,
      relation: residents.relation,
      phoneEnc: residents.phoneEnc,
    })
    .from(households)
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .innerJoin(units, eq(units.id, households.unitId))
    .leftJoin(residents, and(eq(residents.householdId, households.id), isNull(residents.movedOutAt)))
    .where(and(inArray(households.buildingId, ids), isNull(households.movedOutAt)));
  const byHousehold = new Map<
    string,
    {
      id: string;
      buildingId: string;
      buildingName: string;
      buildingCode: string;
      unitNumber: number;
      room: string;
      members: { id: string; name: string; relation: string; phone: string | null }[];
    }
  >();
  for (const r of rows) {
    let h = byHousehold.get(r.id);
    if (!h) {
      h = {
        id: r.id,
        buildingId: r.buildingId,
        buildingName: r.buildingName,
        buildingCode: r.buildingCode,
        unitNumber: r.unitNumber,
        room: r.room,
        members: [],
      };
      byHousehold.set(r.id, h);
    }
    if (r.residentId) {
      h.members.push({
        id: r.residentId,
        name: r.name!,
        relation: r.relation!,
        phone: r.phoneEnc ? maskMobile(decrypt(keys, r.phoneEnc)) : null,
      });
    }
  }
  const relationRank = (relation: string) => (relation === 'head' ? 0 : 1);
  return [...byHousehold.values()]
    .map((h) => ({
      ...h,
      members: h.members.sort(
        (a, b) => relationRank(a.relation) - relationRank(b.relation) || roomOrder.compare(a.name, b.name),
      ),
    }))
    .sort(
      (a, b) =>
        a.buildingCode.localeCompare(b.buildingCode) ||
        a.unitNumber - b.unitNumber ||
        roomOrder.compare(a.room, b.room) ||
        a.id.localeCompare(b.id),
    )
    .map(({ buildingCode: _code, ...h }) => h);
}

/**
 * Tap to call: the phone of one resident of a building the caller leads today, in clear, audited
 * (`leader.resident_called`). Anyone else's resident answers 404.
 */
export async function callResident(
  { db, keys }: Deps,
  userId: string,
  scope: Scope,
  actor: Actor,
  residentId: string,
) {
  return db.transaction(async (tx) => {
    const ids = await myBuildingIds(tx, userId, scope);
    const [resident] = await tx
      .select({
        id: residents.id,
        buildingId: residents.buildingId,
        territoryCode: residents.territoryCode,
        phoneEnc: residents.phoneEnc,
      })
      .from(residents)
      .where(and(eq(residents.id, residentId), isNull(residents.movedOutAt)))
      .limit(1);
    if (!resident || !resident.buildingId || !ids.includes(resident.buildingId)) throw errors.notFound();
    await appendAudit(tx, actor, {
      action: 'leader.resident_called',
      entityType: 'resident',
      entityId: resident.id,
      territoryCode: resident.territoryCode,
      changes: { fields: ['phone'], buildingId: resident.buildingId },
    });
    return { phone: resident.phoneEnc ? decrypt(keys, resident.phoneEnc) : null };
  });
}

/**
 * The daily reminder: approved terms in force ending within 30 days, not reminded yet and not renewed, get
 * `remindedAt` and an audit row `leader.term_expiring` each (the coverage board lists them through
 * GET /leaders/expiring). Idempotent: a term is reminded once.
 */
