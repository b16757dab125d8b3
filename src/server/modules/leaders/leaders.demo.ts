import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { roleAssignments } from '../../core/auth/auth.tables.ts';
import { decrypt } from '../../core/auth/personal-data.ts';
import { columnArrays, insertColumns, jsonRows, pushRow } from '../../core/db/bulk.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoAccountRecords } from '../accounts/accounts.public.ts';
import { accessEndsAfter, buildPerson, persons } from '../people/people.public.ts';
import { buildings, demoBuildingIds, households, residents } from '../registry/registry.public.ts';
import { addDays, shanghaiDay, yearTermEnd } from './leaders.days.ts';
import { buildBuildingChat, buildLeaderTerm, type LeaderTermRow } from './leaders.factories.ts';
import { LEADER_TERM_SOURCE } from './leaders.service.ts';
import { buildingChats, leaderTags, leaderTerms, type LeaderTag } from './leaders.tables.ts';

/** The report's county (scale 1): 1,764 building and unit leaders (红色楼长(单元长)) for its 2,833 buildings. */
const LEADERS_PER_BUILDING = 1764 / 2833;
/** Born on or before this day: an adult on any day the demo is run. */
const ADULT_BORN_BY = '2007-12-31';

type Candidate = {
  id: string;
  unitId: string | null;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  phoneEnc: string | null;
};
const order = (r: Candidate) => `${r.name}\u0000${r.birthDate}\u0000${r.gender}`;
const byOrder = (a: Candidate, b: Candidate) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0);

/**
 * The leaders module's demo data. Nearly every building gets an approved leader who lives in it (a resident of the
 * building, recorded as a person); in compounds one leader often leads two or three neighbouring buildings, so that
 * the county has about the report's 1,764 leaders. A few buildings have none (some with a nomination still
 * submitted), some leaders were appointed after a rejected nomination or renew an earlier term, some carry the tags.
 * Terms are placed relative to the day the demo is seeded (terms started within the last year; about one in twelve
 * ends within 30 days), so that reminders, figures and the leader's access work whenever the demo runs. The demo
 * building-leader account becomes the approved leader of its building (its role assignment then comes from that
 * term). Most buildings have a residents' WeChat group.
 */
export async function generateLeadersDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx, random, keys } = context;
  const today = shanghaiDay();
  const leaderAccount = demoAccountRecords(context).find((a) => a.role === 'building_leader');
  const leaderBuildingId = demoBuildingIds(context)[0];

  const buildingRows = (
    await tx
      .select({
        id: buildings.id,
        code: buildings.code,
        name: buildings.name,
        compound: buildings.compound,
        territoryCode: buildings.territoryCode,
      })
      .from(buildings)
  ).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const taken = new Set(
    (await tx.select({ id: persons.residentId }).from(persons).where(isNotNull(persons.residentId))).map(
      (p) => p.id!,
    ),
  );
  // One JSON text: ~150,000 adults reach JavaScript several times faster than as rows on PGlite.
  const adults = await jsonRows<{
    id: string;
    buildingId: string;
    unitId: string | null;
    name: string;
    gender: 'male' | 'female';
    birthDate: string;
    phoneEnc: string | null;
  }>(
    tx,
    sql`select ${residents.id} as "id", ${residents.buildingId} as "buildingId", ${households.unitId} as "unitId",
      ${residents.name} as "name", ${residents.gender} as "gender", ${residents.birthDate} as "birthDate",
      ${residents.phoneEnc} as "phoneEnc"
    from ${residents} left join ${households} on ${households.id} = ${residents.householdId}
    where ${residents.movedOutAt} is null and ${residents.buildingId} is not null
      and ${residents.birthDate} <= ${ADULT_BORN_BY}::date`,
  );
  const candidatesOf = new Map<string, Candidate[]>();
  for (const r of adults) {
    if (taken.has(r.id)) continue;
    const list = candidatesOf.get(r.buildingId) ?? [];
    list.push(r);
    candidatesOf.set(r.buildingId, list);
  }
  for (const list of candidatesOf.values()) list.sort(byOrder);
  const residentCount = new Map<string, number>();
  for (const r of adults) residentCount.set(r.buildingId, (residentCount.get(r.buildingId) ?? 0) + 1);

  const personRows = columnArrays(persons, [
    'id',
    'name',
    'gender',
    'territoryCode',
    'mobileEnc',
    'mobileIndex',
    'residentId',
    'userId',
    'linkedAt',
  ]);
  const termRows = columnArrays(leaderTerms, [
    'id',
    'buildingId',
    'unitId',
    'personId',
    'status',
    'nomination',
    'nominationNote',
    'startsOn',
    'endsOn',
    'reviewedBy',
    'reviewedAt',
    'reason',
    'endedAt',
    'renewalOf',
    'remindedAt',
  ]);
  // Arrays do not pass through unnest: tags are set afterwards, by term.
  const tagged: { id: string[]; tags: string[] } = { id: [], tags: [] };
  const pushTerm = (row: LeaderTermRow) => {
    pushRow(termRows, row);
    if (row.tags.length) {
      tagged.id.push(row.id);
      tagged.tags.push(row.tags.join(','));
    }
  };

  /**
   * A resident of the building (of its unit `unitId` when given), recorded as a person (the demo leader's linked to
   * its account).
   */
  const personFrom = (
    buildingId: string,
    territoryCode: string,
    userId?: string,
    mobile?: string,
    unitId?: string,
  ) => {
    const list = candidatesOf.get(buildingId);
    const at = unitId ? list?.flatMap((c, k) => (c.unitId === unitId ? [k] : [])) : list?.map((_, k) => k);
    if (!list || !at?.length) return null;
    const resident = list.splice(at[random.int(0, at.length - 1)]!, 1)[0]!;
    const row = buildPerson(keys, {
      name: resident.name,
      gender: resident.gender,
      territoryCode,
      residentId: resident.id,
      mobile: mobile ?? (resident.phoneEnc ? decrypt(keys, resident.phoneEnc) : null),
      userId: userId ?? null,
    });
    pushRow(personRows, row);
    return row.id;
  };

  const nomination = () => {
    const x = random.next();
    return x < 0.3 ? ('self' as const) : x < 0.7 ? ('residents' as const) : ('organisation' as const);
  };
  const tagsOf = (): LeaderTag[] =>
    leaderTags.filter((tag) => random.chance(tag === 'mass_leader' ? 0.15 : 0.1));
  const reviewedAt = (day: string) => new Date(`${day}T10:00:00+08:00`);

  // Buildings in code order, grouped by compound on a grid: a leader may lead neighbours of their own building.
  const groups: (typeof buildingRows)[] = [];
  for (const b of buildingRows) {
    const last = groups.at(-1)?.[0];
    if (last && b.compound && last.compound === b.compound && last.territoryCode === b.territoryCode) {
      groups.at(-1)!.push(b);
    } else groups.push([b]);
  }

  // Building leaders per building led (about 3.5% of buildings have none), less the excess that single-building
  // compounds (which cannot share a leader) leave, and aiming a little under the report's 1,764 (at scale 1): unit
  // leaders of large buildings make up the rest, exactly (below).
  const target = Math.round(LEADERS_PER_BUILDING * buildingRows.length);
  const ratio = (LEADERS_PER_BUILDING / 0.965) * 0.97;
  let leaders = 0;
  let covered = 0;
  let submitted = 0;
  let rejected = 0;
  let renewals = 0;
  let demoTermId: string | null = null;
  let demoTermEnd = '';
  /** Buildings with an approved leader now, for the unit leaders: when their leader's term started. */
  const ledSince = new Map<string, { territoryCode: string; startsOn: string }>();
  for (const group of groups) {
    let i = 0;
    while (i < group.length) {
      const home = group[i]!;
      const isDemo = home.id === leaderBuildingId;
      // A few buildings have no leader: some with a nomination waiting for review.
      if (!isDemo && random.chance(0.035)) {
        if (random.chance(0.5)) {
          const personId = personFrom(home.id, home.territoryCode);
          if (personId) {
            pushTerm(
              buildLeaderTerm({
                buildingId: home.id,
                personId,
                status: 'submitted',
                nomination: nomination(),
                startsOn: addDays(today, random.int(0, 20)),
              }),
            );
            submitted += 1;
          }
        }
        i += 1;
        continue;
      }
      // How many buildings of the compound this leader takes: more while the county runs ahead of the target.
      // (The demo leader's building is led by them alone.)
      let remaining = group.length - i;
      const demoAt = group.findIndex((b, k) => k > i && b.id === leaderBuildingId);
      if (demoAt > 0) remaining = demoAt - i;
      const ahead = leaders + 1 > (covered + 1) * ratio;
      let take = 1;
      if (!isDemo && remaining > 1 && ahead) take = Math.min(remaining, random.chance(0.6) ? 2 : 3);
      const led = group.slice(i, i + take);
      i += take;

      const personId = isDemo
        ? personFrom(home.id, home.territoryCode, leaderAccount?.id, leaderAccount?.mobile)
        : personFrom(home.id, home.territoryCode);
      if (!personId) continue;
      leaders += 1;
      const tags = tagsOf();
      const how = nomination();
      // Started within the last year (the demo leader's 100 days ago); about one in twelve ends within 30 days.
      const startsOn = isDemo ? addDays(today, -100) : addDays(today, -random.int(0, 364));
      for (const building of led) {
        covered += 1;
        // Before some appointments another person's nomination was rejected.
        if (!isDemo && random.chance(0.05)) {
          const other = personFrom(building.id, building.territoryCode);
          if (other) {
            pushTerm(
              buildLeaderTerm({
                buildingId: building.id,
                personId: other,
                status: 'rejected',
                nomination: nomination(),
                startsOn: addDays(startsOn, -20),
                reviewedAt: reviewedAt(addDays(startsOn, -10)),
                reason: '经社区评议，暂不符合条件',
              }),
            );
            rejected += 1;
          }
        }
        // Some terms renew one of the year before.
        let renewalOf: string | null = null;
        if (!isDemo && random.chance(0.25)) {
          const earlierStart = addDays(startsOn, -365);
          const earlier = buildLeaderTerm({
            buildingId: building.id,
            personId,
            nomination: how,
            startsOn: earlierStart,
            endsOn: addDays(startsOn, -1),
            tags,
            reviewedAt: reviewedAt(addDays(earlierStart, -3)),
          });
          pushTerm(earlier);
          renewalOf = earlier.id;
          renewals += 1;
        }
        const term = buildLeaderTerm({
          buildingId: building.id,
          personId,
          nomination: how,
          nominationNote: how === 'residents' ? '本楼居民联名推荐' : null,
          startsOn,
          endsOn: yearTermEnd(startsOn),
          tags,
          reviewedAt: reviewedAt(renewalOf ? addDays(startsOn, -5) : startsOn),
          renewalOf,
        });
        pushTerm(term);
        if (isDemo) {
          demoTermId = term.id;
          demoTermEnd = term.endsOn;
        } else ledSince.set(building.id, { territoryCode: building.territoryCode, startsOn });
      }
    }
  }

  // Unit leaders (单元长) in buildings of several units, appointed with their building's leader, until the county
  // has the report's number of building and unit leaders.
  const units = new Map<string, string[]>();
  for (const [building, list] of candidatesOf) {
    if (!ledSince.has(building)) continue;
    const known = [...new Set(list.flatMap((c) => (c.unitId ? [c.unitId] : [])))].sort();
    units.set(building, known);
  }
  const multiUnit = buildingRows.filter((b) => (units.get(b.id)?.length ?? 0) > 1);
  let unitLeaders = 0;
  for (let k = 0; leaders < target && k < multiUnit.length * 4; k++) {
    const building = random.pick(multiUnit);
    const unitsLeft = units.get(building.id)!;
    if (!unitsLeft.length) continue;
    const unitId = unitsLeft.splice(random.int(0, unitsLeft.length - 1), 1)[0]!;
    const led = ledSince.get(building.id)!;
    const personId = personFrom(building.id, led.territoryCode, undefined, undefined, unitId);
    if (!personId) continue;
    pushTerm(
      buildLeaderTerm({
        buildingId: building.id,
        unitId,
        personId,
        nomination: nomination(),
        startsOn: led.startsOn,
        endsOn: yearTermEnd(led.startsOn),
        reviewedAt: reviewedAt(led.startsOn),
      }),
    );
    leaders += 1;
    unitLeaders += 1;
  }

  await insertColumns(tx, persons, personRows);
  await insertColumns(tx, leaderTerms, termRows);
  if (tagged.id.length) {
    await tx.execute(sql`update leader_terms t set tags = string_to_array(x.tags, ',')
      from unnest(${sql.param(tagged.id)}::uuid[], ${sql.param(tagged.tags)}::text[]) as x(id, tags)
      where t.id = x.id`);
  }

  // The demo leader's access comes from their term now: it names the term and ends with it.
  if (leaderAccount && demoTermId) {
    await tx
      .update(roleAssignments)
      .set({ sourceKind: LEADER_TERM_SOURCE, sourceId: demoTermId, endsAt: accessEndsAfter(demoTermEnd) })
      .where(and(eq(roleAssignments.userId, leaderAccount.id), eq(roleAssignments.role, 'building_leader')));
  }

  const chats = columnArrays(buildingChats, ['buildingId', 'name', 'memberCount', 'qrImage']);
  let chatCount = 0;
  for (const b of buildingRows) {
    if (b.id !== leaderBuildingId && !random.chance(0.85)) continue;
    const people = residentCount.get(b.id) ?? 0;
    pushRow(
      chats,
      buildBuildingChat({
        buildingId: b.id,
        name: `${b.compound ?? ''}${b.name}居民群`.slice(0, 60),
        memberCount: Math.max(1, Math.round(people * (0.4 + random.next() * 0.5))),
      }),
    );
    chatCount += 1;
  }
  await insertColumns(tx, buildingChats, chats);

  return {
    leaders,
    unitLeaders,
    leaderTerms: termRows.id.length,
    buildingsLed: covered,
    nominationsSubmitted: submitted,
    nominationsRejected: rejected,
    renewals,
    buildingChats: chatCount,
  };
}
