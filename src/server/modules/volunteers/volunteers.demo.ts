import { eq, sql } from 'drizzle-orm';
import { columnArrays, insertColumns, jsonRows, pushRow } from '../../core/db/bulk.ts';
import type { Random } from '../../core/demo/random.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoAccountRecords } from '../accounts/accounts.public.ts';
import { buildPerson, persons } from '../people/people.public.ts';
import { residents } from '../registry/registry.public.ts';
import { demoTerritory, type DemoNode } from '../territory/territory.public.ts';
import {
  buildVolunteer,
  buildVolunteerTeam,
  buildVolunteerTeamMember,
  type VolunteerRow,
} from './volunteers.factories.ts';
import {
  volunteerAvailabilities,
  volunteerTeamMembers,
  volunteerTeams,
  volunteers,
} from './volunteers.tables.ts';

const SUB_TEAMS = [
  '春松老年志愿分队',
  '青年志愿分队',
  '巾帼志愿分队',
  '党员先锋分队',
  '文明实践分队',
  '环境卫生分队',
  '法律服务分队',
  '医疗健康分队',
  '助学圆梦分队',
  '文艺宣传分队',
  '平安巡逻分队',
  '邻里互助分队',
];
const STREET_SUB_TEAMS = ['应急救援分队', '文明交通分队', '理论宣讲分队'];
const SKILLS = [
  '理发',
  '家电维修',
  '法律咨询',
  '医疗护理',
  '心理疏导',
  '书法',
  '摄影',
  '文艺表演',
  '课业辅导',
  '驾驶',
  '烹饪',
  '电脑',
  '巡逻',
  '急救',
];

/** The demo's days are drawn up to this one (the day before the registry's reference date), never from today. */
const DEMO_LAST_DAY = '2026-06-30';
const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const dayBetween = (random: Random, from: string, to: string) =>
  addDays(from, random.int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS))));
const later = (a: string, b: string) => (a > b ? a : b);

/** A resident's place in the demo's order: what the seed decides about them (ids are random). */
const order = (r: {
  name: string;
  birthDate: string;
  gender: string;
  relation: string;
  territoryCode: string | null;
}) => `${r.territoryCode}\u0000${r.name}\u0000${r.birthDate}\u0000${r.gender}\u0000${r.relation}`;

/**
 * The volunteers' demo data: per community a pioneer volunteer corps (先锋志愿服务队) with 5–6 sub-teams, per street a
 * corps with 1–2 (about 140 sub-teams at scale 1); each sub-team's volunteers are adult residents of its community
 * who were no person yet (recorded as persons with the people module's factory), serving their grid or community,
 * registered since 2021, a few ended; some belong to a second sub-team. The demo volunteer account's person serves
 * the first community and belongs to its first sub-team.
 */
export async function generateVolunteersDemo(context: DemoContext): Promise<Record<string, number>> {
  const { random, keys, tx } = context;
  const nodes = demoTerritory(context);
  const scale = Math.min(1, context.options.scale * 10);
  const p = columnArrays(persons, [
    'id',
    'name',
    'gender',
    'territoryCode',
    'mobileEnc',
    'mobileIndex',
    'residentId',
    'userId',
    'linkedAt',
    'publishMobile',
  ]);
  // Skills are an array column, which the unnest bulk insert cannot carry: plain multi-row inserts.
  const v: VolunteerRow[] = [];
  const t = columnArrays(volunteerTeams, [
    'id',
    'parentId',
    'kind',
    'name',
    'territoryCode',
    'startsOn',
    'endsOn',
  ]);
  const m = columnArrays(volunteerTeamMembers, ['id', 'teamId', 'volunteerId', 'startsOn', 'endsOn']);

  // Adult residents (18–75 at the reference date) who are no person yet, in an order the seed decides.
  // One JSON text: ~150,000 residents reach JavaScript several times faster than rows on PGlite.
  const candidates = (
    await jsonRows<{
      id: string;
      name: string;
      gender: (typeof residents.$inferSelect)['gender'];
      birthDate: string;
      relation: (typeof residents.$inferSelect)['relation'];
      territoryCode: string | null;
    }>(
      tx,
      sql`select ${residents.id} as "id", ${residents.name} as "name", ${residents.gender} as "gender",
        ${residents.birthDate} as "birthDate", ${residents.relation} as "relation",
        ${residents.territoryCode} as "territoryCode"
      from ${residents}
      where ${residents.movedOutAt} is null
        and ${residents.birthDate} between '1951-07-01'::date and '2008-06-30'::date
        and not exists (select 1 from ${persons} where ${persons.residentId} = ${residents.id})`,
    )
  )
    // Each key built once (not twice per comparison): the sort takes 150,000 adults at scale 1.
    .map((r) => ({ r, key: order(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r);
  const taken = new Set<string>();
  const byCommunity = (community: DemoNode) =>
    candidates.filter((r) => r.territoryCode?.startsWith(community.code) && !taken.has(r.id));

  const team = (spec: { name: string; territoryCode: string; parentId?: string; startsOn: string }) => {
    const row = buildVolunteerTeam(spec);
    pushRow(t, row);
    return row;
  };
  type Volunteer = { id: string; startsOn: string; endsOn: string | null };
  const membership = (teamRow: { id: string; startsOn: string }, volunteer: Volunteer) => {
    const startsOn = later(teamRow.startsOn, volunteer.startsOn);
    // A volunteer who ended before the team began never belonged to it.
    if (volunteer.endsOn && volunteer.endsOn < startsOn) return;
    pushRow(
      m,
      buildVolunteerTeamMember({
        teamId: teamRow.id,
        volunteerId: volunteer.id,
        startsOn,
        endsOn: volunteer.endsOn,
      }),
    );
  };
  const volunteer = (resident: (typeof candidates)[number], community: DemoNode): Volunteer => {
    taken.add(resident.id);
    const person = buildPerson(keys, {
      name: resident.name,
      gender: resident.gender,
      territoryCode: resident.territoryCode!,
      residentId: resident.id,
    });
    pushRow(p, person);
    const skills = [...new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(SKILLS)))];
    const startsOn = dayBetween(random, '2021-01-01', DEMO_LAST_DAY);
    const endsOn =
      startsOn < '2025-06-30' && random.chance(0.05)
        ? dayBetween(random, addDays(startsOn, 30), DEMO_LAST_DAY)
        : null;
    const row = buildVolunteer({
      personId: person.id,
      territoryCode: random.chance(0.5) ? community.code : resident.territoryCode!,
      skills,
      availability: random.pick(volunteerAvailabilities),
      startsOn,
      endsOn,
    });
    v.push(row);
    return row;
  };

  const streets = nodes.filter((n) => n.level === 'street');
  const communities = nodes.filter((n) => n.level === 'community');
  let subTeams = 0;
  const firstTeamOf = new Map<string, { id: string; startsOn: string }>();
  for (const street of streets) {
    const corps = team({
      name: `${street.name}志愿服务总队`,
      territoryCode: street.code,
      startsOn: dayBetween(random, '2021-01-01', '2021-12-31'),
    });
    const names = [...STREET_SUB_TEAMS];
    for (let k = random.int(1, 2); k > 0; k--) {
      const name = names.splice(random.int(0, names.length - 1), 1)[0]!;
      team({
        name,
        territoryCode: street.code,
        parentId: corps.id,
        startsOn: dayBetween(random, corps.startsOn, '2023-12-31'),
      });
      subTeams += 1;
    }
  }
  for (const community of communities) {
    const corps = team({
      name: `${community.name}先锋志愿服务队`,
      territoryCode: community.code,
      startsOn: dayBetween(random, '2021-01-01', '2022-06-30'),
    });
    const names = [...SUB_TEAMS];
    // The community's adults not yet volunteers, in the seed's order; each one picked leaves it.
    const free = byCommunity(community);
    const members: Volunteer[] = [];
    for (let k = random.int(5, 6); k > 0; k--) {
      const name = names.splice(random.int(0, names.length - 1), 1)[0]!;
      const sub = team({
        name,
        territoryCode: community.code,
        parentId: corps.id,
        startsOn: dayBetween(random, corps.startsOn, '2024-06-30'),
      });
      subTeams += 1;
      if (!firstTeamOf.has(community.id)) firstTeamOf.set(community.id, sub);
      const size = Math.max(2, Math.round(random.int(8, 20) * scale));
      for (let j = 0; j < size; j++) {
        if (free.length === 0) break;
        const picked = random.pick(free);
        free.splice(free.indexOf(picked), 1);
        const joined = volunteer(picked, community);
        membership(sub, joined);
        members.push(joined);
      }
      // Some volunteers of earlier sub-teams also serve in this one.
      for (const other of members) {
        if (random.chance(0.04)) membership(sub, other);
      }
    }
  }

  // The demo volunteer account's person (standing alone on the first community): a volunteer of its first sub-team.
  const account = demoAccountRecords(context).find((a) => a.role === 'volunteer');
  const [own] = account
    ? await tx
        .select({ id: persons.id, territoryCode: persons.territoryCode })
        .from(persons)
        .where(eq(persons.userId, account.id))
    : [];
  const firstCommunity = communities.find((c) => c.parentId === streets[0]?.id);
  if (own && firstCommunity) {
    const row = buildVolunteer({
      personId: own.id,
      territoryCode: own.territoryCode,
      skills: ['摄影', '文艺表演'],
      availability: 'weekends',
      startsOn: '2023-03-05',
    });
    v.push(row);
    const first = firstTeamOf.get(firstCommunity.id);
    if (first) membership(first, row);
  }

  await insertColumns(tx, persons, p);
  for (let i = 0; i < v.length; i += 1000) await tx.insert(volunteers).values(v.slice(i, i + 1000));
  await insertColumns(tx, volunteerTeams, t);
  await insertColumns(tx, volunteerTeamMembers, m);
  return {
    volunteers: v.length,
    volunteerCorps: t.id.length - subTeams,
    volunteerSubTeams: subTeams,
    volunteerMemberships: m.id.length,
  };
}
