import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { roleAssignments } from '../../core/auth/auth.tables.ts';
import { columnArrays, insertColumns, jsonRows, pushRow } from '../../core/db/bulk.ts';
import type { Random } from '../../core/demo/random.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoAccountRecords } from '../accounts/accounts.public.ts';
import { buildPerson, persons } from '../people/people.public.ts';
import { buildings, residents } from '../registry/registry.public.ts';
import { demoTerritory, type DemoNode } from '../territory/territory.public.ts';
import {
  buildAllianceUnit,
  buildPartyMember,
  buildPartyOrg,
  buildPartyOrgPlace,
  buildPartyRegistration,
  buildPartySecretary,
  buildWorkUnit,
} from './party.factories.ts';
import { skillSuggestions } from './party.registrations.ts';
import {
  allianceUnits,
  partyMembers,
  partyOrgPlaces,
  partyOrgs,
  partyRegistrations,
  partySecretaries,
  workUnits,
} from './party.tables.ts';

/** The report's county (scale 1): branches, building groups, cadre secretaries, registered members. */
const AT_SCALE_1 = { branches: 120, groups: 1057, cadreSecretaries: 67, registered: 2933 };

/** Synthetic work units of the county's government and public institutions (机关事业单位). */
const WORK_UNITS: [string, 'government' | 'public_institution' | 'state_enterprise'][] = [
  ['县委办公室', 'government'],
  ['县政府办公室', 'government'],
  ['县委组织部', 'government'],
  ['县委宣传部', 'government'],
  ['县委政法委', 'government'],
  ['县纪委监委', 'government'],
  ['县发展和改革局', 'government'],
  ['县教育局', 'government'],
  ['县科技局', 'government'],
  ['县公安局', 'government'],
  ['县民政局', 'government'],
  ['县司法局', 'government'],
  ['县财政局', 'government'],
  ['县人力资源和社会保障局', 'government'],
  ['县自然资源局', 'government'],
  ['县生态环境分局', 'government'],
  ['县住房和城乡建设局', 'government'],
  ['县交通运输局', 'government'],
  ['县水利局', 'government'],
  ['县农业农村局', 'government'],
  ['县商务局', 'government'],
  ['县文化和旅游局', 'government'],
  ['县卫生健康局', 'government'],
  ['县退役军人事务局', 'government'],
  ['县应急管理局', 'government'],
  ['县审计局', 'government'],
  ['县市场监督管理局', 'government'],
  ['县统计局', 'government'],
  ['县医疗保障局', 'government'],
  ['县城市管理局', 'government'],
  ['县人民法院', 'government'],
  ['县人民检察院', 'government'],
  ['县人民医院', 'public_institution'],
  ['县中医院', 'public_institution'],
  ['县妇幼保健院', 'public_institution'],
  ['县第一中学', 'public_institution'],
  ['县实验小学', 'public_institution'],
  ['县职业中专', 'public_institution'],
  ['县供电公司', 'state_enterprise'],
  ['县自来水公司', 'state_enterprise'],
];

const ALLIANCE_UNITS: [string, 'resident_unit' | 'new_organisation'][] = [
  ['县供电公司营业所', 'resident_unit'],
  ['县邮政分局营业部', 'resident_unit'],
  ['县人民医院社区卫生服务站', 'resident_unit'],
  ['县第二小学', 'resident_unit'],
  ['农商银行支行', 'resident_unit'],
  ['派出所社区警务室', 'resident_unit'],
  ['物业服务公司', 'new_organisation'],
  ['快递驿站', 'new_organisation'],
  ['连锁超市门店', 'new_organisation'],
  ['社会工作服务中心', 'new_organisation'],
  ['律师事务所', 'new_organisation'],
  ['家政服务公司', 'new_organisation'],
];

const AVAILABILITY = ['周末', '工作日晚上', '节假日', '周六上午', '随叫随到'];

/** Born on or before this day: 25 or older on the demo's reference day (2026-07-01). */
const BORN_BY = '2001-07-01';

/** A day between two days (YYYY-MM-DD), drawn from the seed. */
function dayBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  return new Date(start + random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Distributes `total` over `weights` proportionally, each at least 1 and at most its weight. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.min(w, Math.max(1, Math.floor((total * w) / sum))));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && out.some((n, k) => n < weights[k]!); i = (i + 1) % out.length) {
    if (out[i]! < weights[i]!) {
      out[i]! += 1;
      left -= 1;
    }
  }
  return out;
}

const byContent = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The party module's demo data, at the report's scale: one alliance per community with member units; grid branches
 * covering the community's grids (contiguous runs of grids); building groups on some buildings; members drawn from
 * the residents who are party members (persons made for them with the people module's factory), the others of them
 * in-service members registered (双报到) with the community they live in, most approved and placed in the branch of
 * their grid; a secretary per branch and a leader per group who are members, some secretaries in-service cadres;
 * about 40 work units. Counts at scale 1: ~120 branches, ~1,057 groups, 67 cadre secretaries, 2,933 registered.
 * Residents the registry made probationary party members (预备党员) are probationary members here.
 *
 * The branch secretary account (`branch`) holds a position, as real accounts do: it is a member and the secretary of
 * the branch covering the first grid, its branch_secretary role given by that post (over the branch's grids, naming
 * it). The party member account (`party`) has not registered (双报到) yet: its own role lets it register itself.
 */
export async function generatePartyDemo(context: DemoContext): Promise<Record<string, number>> {
  const { random, tx } = context;
  const scale = context.options.scale;
  const nodes = demoTerritory(context);
  const communities = nodes.filter((n) => n.level === 'community').sort((a, b) => byContent(a.code, b.code));
  const accounts = demoAccountRecords(context);
  const branchAccount = accounts.find((a) => a.role === 'branch_secretary');
  const firstStreet = nodes.find((n) => n.level === 'street');
  const firstCommunity = nodes.find((n) => n.level === 'community' && n.parentId === firstStreet?.id);
  const firstGrid = nodes.find((n) => n.level === 'grid' && n.parentId === firstCommunity?.id);
  const gridsOf = new Map<string, DemoNode[]>(
    communities.map((c) => [
      c.id,
      nodes
        .filter((n) => n.level === 'grid' && n.parentId === c.id)
        .sort((a, b) => byContent(a.code, b.code)),
    ]),
  );

  const orgs = columnArrays(partyOrgs, [
    'id',
    'kind',
    'parentId',
    'communityCode',
    'name',
    'startsOn',
    'endsOn',
    'mergedInto',
  ]);
  const places = columnArrays(partyOrgPlaces, ['orgId', 'placeKind', 'placeId', 'territoryCode']);
  const units = columnArrays(allianceUnits, [
    'id',
    'allianceId',
    'name',
    'kind',
    'contact',
    'startsOn',
    'endsOn',
  ]);

  // Alliances and branches.
  const branchOfGrid = new Map<string, string>();
  const branchIds: string[] = [];
  const branchTotal = Math.max(communities.length, Math.round(AT_SCALE_1.branches * scale));
  const perCommunity = apportion(
    branchTotal,
    communities.map((c) => Math.max(1, gridsOf.get(c.id)!.length)),
  );
  communities.forEach((community, ci) => {
    const alliance = buildPartyOrg({
      kind: 'alliance',
      communityCode: community.code,
      name: `${community.name}党建共同体`,
      startsOn: dayBetween(random, '2020-01-01', '2021-06-30'),
    });
    pushRow(orgs, alliance);
    for (const [name, kind] of shuffled(random, ALLIANCE_UNITS).slice(0, random.int(3, 6))) {
      pushRow(
        units,
        buildAllianceUnit({
          allianceId: alliance.id,
          name: kind === 'new_organisation' ? `${community.name}${name}` : name,
          kind,
          contact: `0379-${random.int(6000000, 6999999)}`,
          startsOn: dayBetween(random, alliance.startsOn, '2025-12-31'),
        }),
      );
    }
    const grids = gridsOf.get(community.id)!;
    // A branch covers two grids or more where the community has them (the demo branch secretary's several grids).
    const count = grids.length ? Math.min(perCommunity[ci]!, Math.max(1, Math.floor(grids.length / 2))) : 0;
    for (let b = 0; b < count; b++) {
      const run = grids.slice(
        Math.floor((b * grids.length) / count),
        Math.floor(((b + 1) * grids.length) / count),
      );
      const branch = buildPartyOrg({
        kind: 'branch',
        parentId: alliance.id,
        communityCode: community.code,
        name: run.length === 1 ? `${run[0]!.name}党支部` : `${run[0]!.name}等${run.length}个网格联合党支部`,
        startsOn: dayBetween(random, alliance.startsOn, '2022-12-31'),
      });
      pushRow(orgs, branch);
      branchIds.push(branch.id);
      for (const grid of run) {
        branchOfGrid.set(grid.id, branch.id);
        pushRow(
          places,
          buildPartyOrgPlace({
            orgId: branch.id,
            placeKind: 'grid',
            placeId: grid.id,
            territoryCode: grid.code,
          }),
        );
      }
    }
  });
  const communityOfOrg = new Map<string, string>();
  orgs.id.forEach((id, i) => communityOfOrg.set(id, orgs.communityCode[i]!));

  // Building groups, on buildings drawn from the seed.
  const allBuildings = await tx
    .select({
      id: buildings.id,
      gridId: buildings.gridId,
      code: buildings.code,
      name: buildings.name,
      territoryCode: buildings.territoryCode,
    })
    .from(buildings)
    .orderBy(asc(buildings.code));
  const groupTotal = Math.min(allBuildings.length, Math.round(AT_SCALE_1.groups * scale));
  const grouped = shuffled(random, allBuildings)
    .slice(0, groupTotal)
    .filter((b) => branchOfGrid.has(b.gridId))
    .sort((a, b) => byContent(a.code, b.code));
  const groupOfBuilding = new Map<string, string>();
  const groupIds: string[] = [];
  for (const building of grouped) {
    const branchId = branchOfGrid.get(building.gridId)!;
    const group = buildPartyOrg({
      kind: 'group',
      parentId: branchId,
      communityCode: communityOfOrg.get(branchId)!,
      name: `${building.name}党小组`,
      startsOn: dayBetween(random, '2022-01-01', '2024-12-31'),
    });
    pushRow(orgs, group);
    groupIds.push(group.id);
    groupOfBuilding.set(building.id, group.id);
    pushRow(
      places,
      buildPartyOrgPlace({
        orgId: group.id,
        placeKind: 'building',
        placeId: building.id,
        territoryCode: building.territoryCode,
      }),
    );
  }
  await insertColumns(tx, partyOrgs, orgs);
  await insertColumns(tx, partyOrgPlaces, places);
  await insertColumns(tx, allianceUnits, units);

  // Party members among the residents, in an order the seed decides (by content, then shuffled).
  // One JSON text: tens of thousands of residents reach JavaScript several times faster than rows on PGlite.
  const candidates = (
    await jsonRows<{
      id: string;
      name: string;
      gender: (typeof residents.$inferSelect)['gender'];
      birthDate: string;
      relation: (typeof residents.$inferSelect)['relation'];
      politicalStatus: (typeof residents.$inferSelect)['politicalStatus'];
      householdId: string | null;
      buildingId: string | null;
      territoryCode: string | null;
    }>(
      tx,
      sql`select ${residents.id} as "id", ${residents.name} as "name", ${residents.gender} as "gender",
        ${residents.birthDate} as "birthDate", ${residents.relation} as "relation",
        ${residents.politicalStatus} as "politicalStatus", ${residents.householdId} as "householdId",
        ${residents.buildingId} as "buildingId", ${residents.territoryCode} as "territoryCode"
      from ${residents}
      where ${residents.movedOutAt} is null and ${residents.territoryCode} is not null
        and ${residents.politicalStatus} in ('party_member', 'probationary_member')
        and ${residents.birthDate} <= ${BORN_BY}::date`,
    )
  ).sort((a, b) =>
    byContent(
      `${a.territoryCode}\u0000${a.name}\u0000${a.birthDate}\u0000${a.gender}\u0000${a.relation}`,
      `${b.territoryCode}\u0000${b.name}\u0000${b.birthDate}\u0000${b.gender}\u0000${b.relation}`,
    ),
  );
  // Persons: the people module's person of the resident when there is one, a new one otherwise; residents whose
  // person has an account (the demo accounts') are left for the demo's own use.
  const existingPersons = new Map(
    (
      await tx
        .select({ id: persons.id, residentId: persons.residentId, userId: persons.userId })
        .from(persons)
        .where(isNotNull(persons.residentId))
    ).map((p) => [p.residentId!, p]),
  );
  const existing = new Map([...existingPersons].map(([residentId, p]) => [residentId, p.id]));
  const gridIdOfCode = new Map(nodes.filter((n) => n.level === 'grid').map((n) => [n.code, n.id]));
  const placed = shuffled(random, candidates).filter(
    (r) =>
      r.householdId &&
      !existingPersons.get(r.id)?.userId &&
      branchOfGrid.has(gridIdOfCode.get(r.territoryCode!) ?? ''),
  );
  const approvedTotal = Math.min(Math.round(AT_SCALE_1.registered * scale), Math.floor(placed.length / 2));
  const others = Math.round(approvedTotal * 0.1);
  const registrants = placed.slice(0, approvedTotal + others);
  const members = placed.slice(approvedTotal + others);

  const newPersons = columnArrays(persons, [
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
  const personOf = (r: (typeof candidates)[number]) => {
    let id = existing.get(r.id);
    if (!id) {
      const person = buildPerson(context.keys, {
        name: r.name,
        gender: r.gender,
        territoryCode: r.territoryCode!,
        residentId: r.id,
      });
      pushRow(newPersons, person);
      id = person.id;
      existing.set(r.id, id);
    }
    return id;
  };

  // The branch secretary account: a member of the first grid's branch who had no person yet, now linked to it.
  const demoBranchId = firstGrid ? branchOfGrid.get(firstGrid.id) : undefined;
  const branchSecretary = branchAccount
    ? members.find(
        (r) => !existing.has(r.id) && branchOfGrid.get(gridIdOfCode.get(r.territoryCode!)!) === demoBranchId,
      )
    : undefined;
  let branchSecretaryPersonId: string | null = null;
  if (branchAccount && branchSecretary) {
    const person = buildPerson(context.keys, {
      name: branchSecretary.name,
      gender: branchSecretary.gender,
      territoryCode: branchSecretary.territoryCode!,
      residentId: branchSecretary.id,
      mobile: branchAccount.mobile,
      userId: branchAccount.id,
    });
    pushRow(newPersons, person);
    existing.set(branchSecretary.id, person.id);
    branchSecretaryPersonId = person.id;
  }

  const memberRows = columnArrays(partyMembers, [
    'id',
    'personId',
    'branchId',
    'groupId',
    'status',
    'centralHousehold',
    'startsOn',
    'endsOn',
  ]);
  const membersOf = new Map<string, string[]>();
  for (const r of members) {
    const branchId = branchOfGrid.get(gridIdOfCode.get(r.territoryCode!)!)!;
    const groupId = (r.buildingId && groupOfBuilding.get(r.buildingId)) || null;
    const member = buildPartyMember({
      personId: personOf(r),
      branchId,
      groupId,
      status: r.politicalStatus === 'probationary_member' ? 'probationary' : 'formal',
      centralHousehold: random.chance(0.12),
      startsOn: dayBetween(random, '2021-07-01', '2026-06-30'),
    });
    pushRow(memberRows, member);
    for (const org of [branchId, groupId]) {
      if (!org) continue;
      if (!membersOf.has(org)) membersOf.set(org, []);
      membersOf.get(org)!.push(member.personId);
    }
  }

  // Secretaries: a member of each branch, some of them in-service cadres; a leader of each group with members.
  const secretaries = columnArrays(partySecretaries, [
    'id',
    'orgId',
    'personId',
    'isCadre',
    'cadreUnit',
    'startsOn',
    'endsOn',
  ]);
  const withMembers = branchIds.filter((id) => membersOf.has(id));
  const cadreBranches = new Set(
    shuffled(random, withMembers).slice(
      0,
      Math.min(withMembers.length, Math.round(AT_SCALE_1.cadreSecretaries * scale)),
    ),
  );
  let demoSecretaryId: string | null = null;
  for (const orgId of [...withMembers, ...groupIds.filter((id) => membersOf.has(id))]) {
    const isCadre = cadreBranches.has(orgId);
    const drawn = random.pick(membersOf.get(orgId)!);
    const isDemo = orgId === demoBranchId && branchSecretaryPersonId !== null;
    const secretary = buildPartySecretary({
      orgId,
      personId: isDemo ? branchSecretaryPersonId! : drawn,
      isCadre,
      cadreUnit: isCadre ? random.pick(WORK_UNITS)[0] : null,
      startsOn: dayBetween(random, '2023-01-01', '2026-06-30'),
    });
    if (isDemo) demoSecretaryId = secretary.id;
    pushRow(secretaries, secretary);
  }

  // Work units and registrations: most approved and placed in the branch of their grid.
  const workUnitRows = columnArrays(workUnits, ['id', 'name', 'kind']);
  for (const [name, kind] of WORK_UNITS) pushRow(workUnitRows, buildWorkUnit({ name, kind }));
  // skills is an array column, which insertColumns' unnest cannot take: plain inserts in chunks.
  const registrations: ReturnType<typeof buildPartyRegistration>[] = [];
  registrants.forEach((r, i) => {
    const branchId = branchOfGrid.get(gridIdOfCode.get(r.territoryCode!)!)!;
    const extra = i >= approvedTotal ? (i - approvedTotal) % 3 : -1;
    const status =
      extra === -1 ? 'approved' : extra === 0 ? 'submitted' : extra === 1 ? 'deregistered' : 'rejected';
    const startsOn = dayBetween(random, '2022-01-01', '2026-03-31');
    registrations.push(
      buildPartyRegistration({
        personId: personOf(r),
        workUnitId: random.pick(workUnitRows.id),
        householdId: r.householdId!,
        territoryCode: r.territoryCode!,
        skills: shuffled(random, skillSuggestions).slice(0, random.int(1, 3)),
        availability: random.pick(AVAILABILITY),
        status,
        branchId: status === 'approved' || status === 'deregistered' ? branchId : null,
        reason: status === 'rejected' ? '住址信息与住户登记不符' : null,
        startsOn: status === 'approved' || status === 'deregistered' ? startsOn : null,
        endsOn: status === 'deregistered' ? dayBetween(random, startsOn, '2026-06-30') : null,
      }),
    );
  });

  await insertColumns(tx, persons, newPersons);
  await insertColumns(tx, partyMembers, memberRows);
  await insertColumns(tx, partySecretaries, secretaries);
  await insertColumns(tx, workUnits, workUnitRows);
  for (let i = 0; i < registrations.length; i += 500) {
    await tx.insert(partyRegistrations).values(registrations.slice(i, i + 500));
  }

  // The branch secretary account's role now comes from its post, as an appointment gives it.
  if (branchAccount && demoSecretaryId && demoBranchId) {
    const gridIds = places.placeId.filter(
      (_, k) => places.orgId[k] === demoBranchId && places.placeKind[k] === 'grid',
    );
    const codes = new Map(places.placeId.map((id, k) => [id, places.territoryCode[k]!]));
    gridIds.sort((a, b) => byContent(codes.get(a)!, codes.get(b)!));
    await tx
      .update(roleAssignments)
      .set({ sourceKind: 'party_secretary', sourceId: demoSecretaryId, scopeIds: gridIds, endsAt: null })
      .where(and(eq(roleAssignments.userId, branchAccount.id), eq(roleAssignments.role, 'branch_secretary')));
  }
  return {
    partyBranches: branchIds.length,
    buildingPartyGroups: groupIds.length,
    partyMembers: memberRows.id.length,
    cadreSecretaries: cadreBranches.size,
    probationaryMembers: memberRows.status.filter((x) => x === 'probationary').length,
    registeredPartyMembers: approvedTotal,
  };
}
