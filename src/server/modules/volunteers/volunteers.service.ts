import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../core/auth/audit.ts';
import { decrypt, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { codeInScope, territoryCodeCondition, type Scope } from '../../core/auth/scope.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { newId } from '../../core/db/ids.ts';
import { containsPattern, startsWith } from '../../core/db/like.ts';
import { errors, type Text } from '../../core/http/errors.ts';
import {
  personInScope,
  personOfUser,
  persons,
  recordPerson,
  refusingDuplicates,
} from '../people/people.public.ts';
import { loadInScope, territories } from '../territory/territory.public.ts';
import type {
  CreateTeamInput,
  EndInput,
  MemberInput,
  RegisterMyselfInput,
  RegisterVolunteerInput,
  TeamFilter,
  TeamView,
  VolunteerFilter,
  VolunteerView,
} from './volunteers.schemas.ts';
import { volunteerTeamMembers, volunteerTeams, volunteers } from './volunteers.tables.ts';
import { shanghaiDay } from '../registry/registry.public.ts';

type Deps = { db: Db; keys: DataKeys };

const invalid = (field: string, code: string, message: Text) => errors.validation([{ field, code, message }]);

/** A last day: today unless given, never after today, never before the first day. */
function lastDay(field: string, given: string | undefined, startsOn: string): string {
  const today = shanghaiDay();
  const day = given ?? today;
  if (day > today) {
    throw invalid(field, 'future', { zh: '日期不能晚于今天', en: 'The day cannot be after today' });
  }
  if (day < startsOn) {
    throw invalid(field, 'before_start', {
      zh: '结束日期不能早于开始日期',
      en: 'The last day cannot be before the first',
    });
  }
  return day;
}

/** SQL: a volunteer's profile is active on `day` (both ends included). */
function activeOn(day: string): SQL {
  return sql`(${volunteers.startsOn} <= ${day} and (${volunteers.endsOn} is null or ${volunteers.endsOn} >= ${day}))`;
}

// ---------------------------------------------------------------- volunteers

/** Volunteers the scope reaches: serving in a place of it, or (a `self` scope) the caller's own profile. */
function volunteerInScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.codes.length) parts.push(territoryCodeCondition(scope, volunteers.territoryCode));
  if (scope.self && scope.userId) {
    parts.push(
      sql`${volunteers.personId} in (select ${persons.id} from ${persons} where ${persons.userId} = ${scope.userId})`,
    );
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

function selectVolunteers(db: Executor) {
  return db
    .select({
      id: volunteers.id,
      personId: volunteers.personId,
      name: persons.name,
      gender: persons.gender,
      mobileEnc: persons.mobileEnc,
      publishMobile: persons.publishMobile,
      territoryCode: volunteers.territoryCode,
      territoryName: territories.name,
      skills: volunteers.skills,
      availability: volunteers.availability,
      startsOn: volunteers.startsOn,
      endsOn: volunteers.endsOn,
    })
    .from(volunteers)
    .innerJoin(persons, eq(persons.id, volunteers.personId))
    .leftJoin(territories, eq(territories.code, volunteers.territoryCode));
}
type VolunteerRow = Awaited<ReturnType<ReturnType<typeof selectVolunteers>['execute']>>[number];

async function present(db: Executor, keys: DataKeys, rows: VolunteerRow[]): Promise<VolunteerView[]> {
  const ids = rows.map((r) => r.id);
  const teams = ids.length
    ? await db
        .select({
          volunteerId: volunteerTeamMembers.volunteerId,
          id: volunteerTeams.id,
          name: volunteerTeams.name,
          kind: volunteerTeams.kind,
        })
        .from(volunteerTeamMembers)
        .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
        .where(and(inArray(volunteerTeamMembers.volunteerId, ids), isNull(volunteerTeamMembers.endsOn)))
        .orderBy(asc(volunteerTeams.name))
    : [];
  return rows.map((r) => {
    const mobile = r.mobileEnc ? decrypt(keys, r.mobileEnc) : null;
    return {
      id: r.id,
      personId: r.personId,
      name: r.name,
      gender: r.gender,
      mobile: mobile && !r.publishMobile ? maskMobile(mobile) : mobile,
      territoryCode: r.territoryCode,
      territoryName: r.territoryName,
      skills: r.skills,
      availability: r.availability,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      teams: teams.filter((t) => t.volunteerId === r.id).map(({ id, name, kind }) => ({ id, name, kind })),
    };
  });
}

export async function listVolunteers({ db, keys }: Deps, scope: Scope, filter: VolunteerFilter) {
  const place = filter.territoryId ? (await loadInScope(db, scope, filter.territoryId)).code : undefined;
  const q = filter.q?.trim();
  const where = and(
    volunteerInScope(scope),
    place ? startsWith(volunteers.territoryCode, place) : undefined,
    q ? sql`${persons.name} ilike ${containsPattern(q)}` : undefined,
    filter.skill ? sql`${filter.skill} = any(${volunteers.skills})` : undefined,
    filter.availability ? eq(volunteers.availability, filter.availability) : undefined,
    filter.status === 'active' ? isNull(volunteers.endsOn) : undefined,
    filter.status === 'ended' ? sql`${volunteers.endsOn} is not null` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectVolunteers(db)
      .where(where)
      .orderBy(asc(sql`${persons.name} collate "C"`), asc(volunteers.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(volunteers)
      .innerJoin(persons, eq(persons.id, volunteers.personId))
      .where(where),
  ]);
  return { rows: await present(db, keys, rows), total: total?.n ?? 0 };
}

export async function getVolunteer({ db, keys }: Deps, scope: Scope, id: string): Promise<VolunteerView> {
  const rows = await selectVolunteers(db)
    .where(and(eq(volunteers.id, id), volunteerInScope(scope)))
    .limit(1);
  if (!rows.length) throw errors.notFound();
  return (await present(db, keys, rows))[0]!;
}

/** The caller's own active profile (their person's), or null. */
export async function myVolunteer({ db, keys }: Deps, userId: string): Promise<VolunteerView | null> {
  const rows = await selectVolunteers(db)
    .where(and(isNull(volunteers.endsOn), sql`${persons.userId} = ${userId}`))
    .limit(1);
  return rows.length ? (await present(db, keys, rows))[0]! : null;
}

const alreadyVolunteer = { zh: '该人员已是志愿者', en: 'The person is already a volunteer' };

/** Inserts a profile for a person, refusing a second active one (409). */
async function insertProfile(
  tx: Executor,
  actor: Actor,
  personId: string,
  place: { code: string },
  input: { skills: string[]; availability: RegisterMyselfInput['availability']; startsOn?: string },
): Promise<string> {
  await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for('update');
  const [active] = await tx
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(and(eq(volunteers.personId, personId), isNull(volunteers.endsOn)))
    .limit(1);
  if (active) throw errors.conflict('personId', alreadyVolunteer);
  const id = newId();
  const row = {
    id,
    personId,
    territoryCode: place.code,
    skills: [...new Set(input.skills)],
    availability: input.availability,
    startsOn: input.startsOn ?? shanghaiDay(),
  };
  await tx.insert(volunteers).values(row);
  await appendAudit(tx, actor, {
    action: 'volunteer.registered',
    entityType: 'volunteer',
    entityId: id,
    territoryCode: place.code,
    changes: { personId, skills: row.skills, availability: row.availability, startsOn: row.startsOn },
  });
  return id;
}

/** A community or grid the volunteer serves in, found within `scope`; 400 for another level. */
async function servingPlace(tx: Executor, scope: Scope, id: string) {
  const node = await loadInScope(tx, scope, id);
  if (node.level !== 'community' && node.level !== 'grid') {
    throw invalid('territoryId', 'level', { zh: '请选择社区或网格', en: 'Choose a community or a grid' });
  }
  return node;
}

/**
 * Registers a person inside the caller's scope (or recorded now from a resident or standing alone) as volunteer
 * serving in a community or grid of the scope (the person's own place unless named).
 */
export async function registerVolunteer(
  { db, keys }: Deps,
  scopes: { write: Scope; residents: Scope | null },
  actor: Actor,
  input: RegisterVolunteerInput,
): Promise<string> {
  return refusingDuplicates(() =>
    db.transaction(async (tx) => {
      let personId: string;
      if (input.personId) {
        const [person] = await tx
          .select({ id: persons.id })
          .from(persons)
          .where(and(eq(persons.id, input.personId), personInScope(scopes.write)))
          .limit(1);
        if (!person) throw errors.notFound();
        personId = person.id;
      } else {
        personId = await recordPerson(tx, keys, scopes, actor, input.person!);
      }
      const [person] = await tx
        .select({ territoryCode: persons.territoryCode })
        .from(persons)
        .where(eq(persons.id, personId));
      const place = input.territoryId
        ? await servingPlace(tx, scopes.write, input.territoryId)
        : { code: person!.territoryCode };
      if (!codeInScope(scopes.write, place.code)) throw errors.notFound();
      return insertProfile(tx, actor, personId, place, input);
    }),
  );
}

/** The caller registers their own person as volunteer (a `self` scope): serving where they live unless named. */
export async function registerMyself(
  { db }: Deps,
  userId: string,
  actor: Actor,
  input: RegisterMyselfInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    const person = await personOfUser(tx, userId);
    if (!person) throw errors.notFound();
    const place = input.territoryId
      ? await servingPlace(tx, { all: true, codes: [], buildingIds: [], self: false }, input.territoryId)
      : { code: person.territoryCode };
    return insertProfile(tx, actor, person.id, place, input);
  });
}

/** Ends a volunteer's profile inside the scope, and their memberships on the same day. */
export async function endVolunteer({ db }: Deps, scope: Scope, actor: Actor, id: string, input: EndInput) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(volunteers)
      .where(and(eq(volunteers.id, id), volunteerInScope(scope)))
      .limit(1)
      .for('update');
    if (!row) throw errors.notFound();
    if (row.endsOn) {
      throw invalid('id', 'ended', { zh: '该志愿者已注销', en: 'The volunteer has already ended' });
    }
    const endsOn = lastDay('endsOn', input.endsOn, row.startsOn);
    await tx.update(volunteers).set({ endsOn, updatedAt: new Date() }).where(eq(volunteers.id, id));
    const left = await tx
      .update(volunteerTeamMembers)
      .set({ endsOn: sql`greatest(${volunteerTeamMembers.startsOn}, ${endsOn}::date)` })
      .where(and(eq(volunteerTeamMembers.volunteerId, id), isNull(volunteerTeamMembers.endsOn)))
      .returning({ teamId: volunteerTeamMembers.teamId });
    await appendAudit(tx, actor, {
      action: 'volunteer.ended',
      entityType: 'volunteer',
      entityId: id,
      territoryCode: row.territoryCode,
      changes: { endsOn, teamsLeft: left.map((l) => l.teamId) },
    });
  });
}

/** Active volunteers (distinct persons) serving in a place of the scope on the day of `asOf` (Shanghai). */
export async function countVolunteers(db: Executor, scope: Scope, code?: string, asOf?: Date) {
  const day = shanghaiDay(asOf ?? new Date());
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${volunteers.personId})::int` })
    .from(volunteers)
    .where(
      and(
        activeOn(day),
        territoryCodeCondition(scope, volunteers.territoryCode),
        code ? startsWith(volunteers.territoryCode, code) : undefined,
      ),
    );
  return { volunteers: row?.n ?? 0 };
}

// ---------------------------------------------------------------- teams

const teamColumns = {
  id: volunteerTeams.id,
  parentId: volunteerTeams.parentId,
  kind: volunteerTeams.kind,
  name: volunteerTeams.name,
  territoryCode: volunteerTeams.territoryCode,
  territoryName: territories.name,
  startsOn: volunteerTeams.startsOn,
  endsOn: volunteerTeams.endsOn,
  // Qualified by hand: the subqueries' own tables have the same column names.
  members: sql<number>`(select count(*) from ${volunteerTeamMembers} m
    where m.team_id = "volunteer_teams"."id" and m.ends_on is null)::int`,
  subTeams: sql<number>`(select count(*) from ${volunteerTeams} s
    where s.parent_id = "volunteer_teams"."id" and s.ends_on is null)::int`,
};

function selectTeams(db: Executor) {
  return db
    .select(teamColumns)
    .from(volunteerTeams)
    .leftJoin(territories, eq(territories.code, volunteerTeams.territoryCode));
}

/** Corps and sub-teams serving in the scope (and the filter's place), corps first, by name. */
export async function listTeams(db: Executor, scope: Scope, filter: TeamFilter): Promise<TeamView[]> {
  const place = filter.territoryId ? (await loadInScope(db, scope, filter.territoryId)).code : undefined;
  return selectTeams(db)
    .where(
      and(
        territoryCodeCondition(scope, volunteerTeams.territoryCode),
        place ? startsWith(volunteerTeams.territoryCode, place) : undefined,
        filter.status === 'active' ? isNull(volunteerTeams.endsOn) : undefined,
        filter.status === 'dissolved' ? sql`${volunteerTeams.endsOn} is not null` : undefined,
      ),
    )
    .orderBy(
      asc(volunteerTeams.territoryCode),
      asc(volunteerTeams.kind),
      asc(sql`${volunteerTeams.name} collate "C"`),
    );
}

async function teamInScope(db: Executor, scope: Scope, id: string, lock = false) {
  const query = db
    .select({
      id: volunteerTeams.id,
      parentId: volunteerTeams.parentId,
      kind: volunteerTeams.kind,
      name: volunteerTeams.name,
      territoryCode: volunteerTeams.territoryCode,
      startsOn: volunteerTeams.startsOn,
      endsOn: volunteerTeams.endsOn,
    })
    .from(volunteerTeams)
    .where(and(eq(volunteerTeams.id, id), territoryCodeCondition(scope, volunteerTeams.territoryCode)))
    .limit(1);
  const [team] = lock ? await query.for('update') : await query;
  if (!team) throw errors.notFound();
  return team;
}

/** One team inside the scope with its active members and sub-teams. */
export async function getTeam(db: Executor, scope: Scope, id: string) {
  await teamInScope(db, scope, id);
  const [[team], memberList, subTeamList] = await Promise.all([
    selectTeams(db).where(eq(volunteerTeams.id, id)),
    db
      .select({
        volunteerId: volunteerTeamMembers.volunteerId,
        personId: volunteers.personId,
        name: persons.name,
        startsOn: volunteerTeamMembers.startsOn,
        endsOn: volunteerTeamMembers.endsOn,
      })
      .from(volunteerTeamMembers)
      .innerJoin(volunteers, eq(volunteers.id, volunteerTeamMembers.volunteerId))
      .innerJoin(persons, eq(persons.id, volunteers.personId))
      .where(and(eq(volunteerTeamMembers.teamId, id), isNull(volunteerTeamMembers.endsOn)))
      .orderBy(asc(sql`${persons.name} collate "C"`)),
    selectTeams(db)
      .where(and(eq(volunteerTeams.parentId, id), isNull(volunteerTeams.endsOn)))
      .orderBy(asc(sql`${volunteerTeams.name} collate "C"`)),
  ]);
  return { ...team!, memberList, subTeamList };
}

const dissolvedTeam = { zh: '该队伍已解散', en: 'The team has been dissolved' };

/**
 * Creates a corps (服务队) serving a street, community or grid of the scope, or a sub-team (分队) of an active corps
 * of the scope, serving inside the corps' place.
 */
export async function createTeam(
  db: Db,
  scope: Scope,
  actor: Actor,
  input: CreateTeamInput,
): Promise<string> {
  return db.transaction(async (tx) => {
    let code: string;
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await teamInScope(tx, scope, input.parentId, true);
      if (parent.kind !== 'corps') {
        throw invalid('parentId', 'not_corps', {
          zh: '分队只能隶属于服务队',
          en: 'A sub-team belongs to a corps',
        });
      }
      if (parent.endsOn) throw invalid('parentId', 'dissolved', dissolvedTeam);
      parentId = parent.id;
      code = parent.territoryCode;
      if (input.territoryId) {
        const node = await loadInScope(tx, scope, input.territoryId);
        if (!node.code.startsWith(parent.territoryCode)) {
          throw invalid('territoryId', 'outside_corps', {
            zh: '分队的服务区域须在服务队的区域内',
            en: 'A sub-team serves inside its corps’ place',
          });
        }
        code = node.code;
      }
    } else {
      const node = await loadInScope(tx, scope, input.territoryId!);
      if (node.level === 'county') {
        throw invalid('territoryId', 'level', {
          zh: '请选择街道、社区或网格',
          en: 'Choose a street, community or grid',
        });
      }
      code = node.code;
    }
    const id = newId();
    const row = {
      id,
      parentId,
      kind: parentId ? ('team' as const) : ('corps' as const),
      name: input.name,
      territoryCode: code,
      startsOn: input.startsOn ?? shanghaiDay(),
    };
    await tx.insert(volunteerTeams).values(row);
    await appendAudit(tx, actor, {
      action: 'volunteer_team.created',
      entityType: 'volunteer_team',
      entityId: id,
      territoryCode: code,
      changes: { name: row.name, kind: row.kind, parentId, startsOn: row.startsOn },
    });
    return id;
  });
}

export async function renameTeam(db: Db, scope: Scope, actor: Actor, id: string, name: string) {
  await db.transaction(async (tx) => {
    const team = await teamInScope(tx, scope, id, true);
    if (team.endsOn) throw invalid('id', 'dissolved', dissolvedTeam);
    if (team.name === name) return;
    await tx.update(volunteerTeams).set({ name }).where(eq(volunteerTeams.id, id));
    await appendAudit(tx, actor, {
      action: 'volunteer_team.renamed',
      entityType: 'volunteer_team',
      entityId: id,
      territoryCode: team.territoryCode,
      changes: { name: { from: team.name, to: name } },
    });
  });
}

/** Dissolves a team: refused (409) while it has active members or active sub-teams. */
export async function dissolveTeam(db: Db, scope: Scope, actor: Actor, id: string, input: EndInput) {
  await db.transaction(async (tx) => {
    const team = await teamInScope(tx, scope, id, true);
    if (team.endsOn) throw invalid('id', 'dissolved', dissolvedTeam);
    const [[members], [subTeams]] = await Promise.all([
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(volunteerTeamMembers)
        .where(and(eq(volunteerTeamMembers.teamId, id), isNull(volunteerTeamMembers.endsOn))),
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(volunteerTeams)
        .where(and(eq(volunteerTeams.parentId, id), isNull(volunteerTeams.endsOn))),
    ]);
    const counts = { members: members?.n ?? 0, subTeams: subTeams?.n ?? 0 };
    if (counts.subTeams > 0) {
      throw errors.conflict('subTeams', {
        zh: `该服务队还有 ${counts.subTeams} 支分队，请先解散分队`,
        en: `The corps still has ${counts.subTeams} sub-teams: dissolve them first`,
      });
    }
    if (counts.members > 0) {
      throw errors.conflict('members', {
        zh: `该队伍还有 ${counts.members} 名成员，请先让成员退出`,
        en: `The team still has ${counts.members} members: let them leave first`,
      });
    }
    const endsOn = lastDay('endsOn', input.endsOn, team.startsOn);
    await tx.update(volunteerTeams).set({ endsOn }).where(eq(volunteerTeams.id, id));
    await appendAudit(tx, actor, {
      action: 'volunteer_team.dissolved',
      entityType: 'volunteer_team',
      entityId: id,
      territoryCode: team.territoryCode,
      changes: { endsOn },
    });
  });
}

/** An active volunteer inside the scope joins an active team of the scope (409 when already a member). */
export async function joinTeam(db: Db, scope: Scope, actor: Actor, teamId: string, input: MemberInput) {
  await db.transaction(async (tx) => {
    const team = await teamInScope(tx, scope, teamId, true);
    if (team.endsOn) throw invalid('id', 'dissolved', dissolvedTeam);
    const [volunteer] = await tx
      .select({ id: volunteers.id, endsOn: volunteers.endsOn, startsOn: volunteers.startsOn })
      .from(volunteers)
      .where(and(eq(volunteers.id, input.volunteerId), volunteerInScope(scope)))
      .limit(1);
    if (!volunteer) throw errors.notFound();
    if (volunteer.endsOn) {
      throw invalid('volunteerId', 'ended', { zh: '该志愿者已注销', en: 'The volunteer has ended' });
    }
    const [member] = await tx
      .select({ id: volunteerTeamMembers.id })
      .from(volunteerTeamMembers)
      .where(
        and(
          eq(volunteerTeamMembers.teamId, teamId),
          eq(volunteerTeamMembers.volunteerId, volunteer.id),
          isNull(volunteerTeamMembers.endsOn),
        ),
      )
      .limit(1);
    if (member) {
      throw errors.conflict('volunteerId', {
        zh: '该志愿者已是队员',
        en: 'The volunteer is already a member',
      });
    }
    const today = shanghaiDay();
    const startsOn = input.on ?? today;
    if (startsOn > today) {
      throw invalid('on', 'future', { zh: '日期不能晚于今天', en: 'The day cannot be after today' });
    }
    if (startsOn < volunteer.startsOn || startsOn < team.startsOn) {
      throw invalid('on', 'before_start', {
        zh: '加入日期不能早于志愿者登记或队伍成立',
        en: 'The day joined cannot be before the volunteer or the team began',
      });
    }
    await tx
      .insert(volunteerTeamMembers)
      .values({ id: newId(), teamId, volunteerId: volunteer.id, startsOn });
    await appendAudit(tx, actor, {
      action: 'volunteer_team.member_joined',
      entityType: 'volunteer_team',
      entityId: teamId,
      territoryCode: team.territoryCode,
      changes: { volunteerId: volunteer.id, startsOn },
    });
  });
}

/** A member leaves a team of the scope (400 when not a member). */
export async function leaveTeam(db: Db, scope: Scope, actor: Actor, teamId: string, input: MemberInput) {
  await db.transaction(async (tx) => {
    const team = await teamInScope(tx, scope, teamId, true);
    const [member] = await tx
      .select({ id: volunteerTeamMembers.id, startsOn: volunteerTeamMembers.startsOn })
      .from(volunteerTeamMembers)
      .where(
        and(
          eq(volunteerTeamMembers.teamId, teamId),
          eq(volunteerTeamMembers.volunteerId, input.volunteerId),
          isNull(volunteerTeamMembers.endsOn),
        ),
      )
      .limit(1);
    if (!member) {
      throw invalid('volunteerId', 'not_member', {
        zh: '该志愿者不是队员',
        en: 'The volunteer is not a member',
      });
    }
    const endsOn = lastDay('on', input.on, member.startsOn);
    await tx.update(volunteerTeamMembers).set({ endsOn }).where(eq(volunteerTeamMembers.id, member.id));
    await appendAudit(tx, actor, {
      action: 'volunteer_team.member_left',
      entityType: 'volunteer_team',
      entityId: teamId,
      territoryCode: team.territoryCode,
      changes: { volunteerId: input.volunteerId, endsOn },
    });
  });
}
