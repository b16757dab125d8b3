import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../../tests/support/constants.ts';
import { createTestApp, testKeys, type TestApp } from '../../../../tests/support/test-app.ts';
import { auditLog, roleAssignments, users } from '../../core/auth/auth.tables.ts';
import { insertAccount } from '../accounts/accounts.factories.ts';
import { insertPerson } from '../people/people.factories.ts';
import { insertBuilding, insertHousehold } from '../registry/registry.factories.ts';
import { insertTerritoryNode, type TerritoryNodeRow } from '../territory/territory.factories.ts';
import {
  insertPartyOrg,
  insertPartyRegistration,
  insertPartySecretary,
  insertWorkUnit,
} from './party.factories.ts';
import { partyOrgs, partyRegistrations } from './party.tables.ts';
import { skillSuggestions } from './party.registrations.ts';

type Node = { id: string; code: string; level: 'county' | 'street' | 'community' | 'grid'; children: Node[] };

let t: TestApp;
let admin: string;
let secretary: string;
let branchCookie: string;
let party: string;
let ids: { street1: Node; community1: Node; grid1: Node; grid2: Node; otherCommunity: Node };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO_ACCOUNT.county_admin);
  secretary = await t.login(DEMO_ACCOUNT.community_secretary);
  branchCookie = await t.login(DEMO_ACCOUNT.branch_secretary);
  party = await t.login(DEMO_ACCOUNT.party_member);
  const tree = (await t.request('GET', '/api/v1/territories/tree', { cookie: admin })).json.data as Node[];
  const [s1, s2] = tree[0]!.children;
  ids = {
    street1: s1!,
    community1: s1!.children[0]!,
    grid1: s1!.children[0]!.children[0]!,
    grid2: s1!.children[0]!.children[1]!,
    otherCommunity: s2!.children[0]!,
  };
});
afterAll(() => t.close());

const get = (cookie: string, path: string) => t.request('GET', `/api/v1${path}`, { cookie });
const post = (cookie: string, path: string, body?: unknown) =>
  t.request('POST', `/api/v1${path}`, { cookie, body });
const patch = (cookie: string, path: string, body: unknown) =>
  t.request('PATCH', `/api/v1${path}`, { cookie, body });

/** A new community of the first street with two grids (nothing of the demo in it). */
async function freshCommunity() {
  const community = await insertTerritoryNode(t.db, {
    parent: { id: ids.street1.id, code: ids.street1.code, level: 'street' },
  });
  const gridA = await insertTerritoryNode(t.db, { parent: community });
  const gridB = await insertTerritoryNode(t.db, { parent: community });
  return { community, gridA, gridB };
}

/** A person living in a new household on `grid`; returns the person, household and building. */
async function resident(grid: TerritoryNodeRow | Node, name = '党员甲') {
  const { household, building, members } = await insertHousehold(t.db, testKeys, {
    grid,
    members: [{ name, politicalStatus: 'party_member' }],
  });
  const personId = await insertPerson(t.db, testKeys, {
    name,
    territoryCode: grid.code,
    residentId: members[0]!.id,
  });
  return { personId, household, building };
}

type Org = { id: string; kind: string; parentId: string | null; counts: { members: number } };

async function createAlliance(cookie: string, territoryId: string) {
  const response = await post(cookie, '/party/orgs', {
    kind: 'alliance',
    name: '测试党建共同体',
    territoryId,
  });
  expect(response.status, response.text).toBe(201);
  return response.json.data.id as string;
}
async function createBranch(cookie: string, parentId: string, placeIds: string[], name = '测试党支部') {
  const response = await post(cookie, '/party/orgs', { kind: 'branch', name, parentId, placeIds });
  expect(response.status, response.text).toBe(201);
  return response.json.data.id as string;
}
async function addMember(cookie: string, body: Record<string, unknown>) {
  const response = await post(cookie, '/party/members', { status: 'formal', ...body });
  expect(response.status, response.text).toBe(201);
  return response.json.data.id as string;
}
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await t.db.execute(query);
  return (result as { rows: T[] }).rows;
}
async function auditActions(entityId: string) {
  const found = await t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.at, auditLog.id);
  return found.map((r) => r.action);
}

describe('the demo’s members', () => {
  it('some members are probationary (预备党员), as the registry records them', async () => {
    const [row] = await rows<{ probationary: number; mismatched: number }>(sql`
      select count(*) filter (where m.status = 'probationary')::int as probationary,
        count(*) filter (where (m.status = 'probationary') <> (r.political_status = 'probationary_member'))::int
          as mismatched
      from party_members m join persons p on p.id = m.person_id join residents r on r.id = p.resident_id`);
    expect(row!.probationary).toBeGreaterThan(0);
    expect(row!.mismatched).toBe(0);
  });

  describe('the organisation tree', () => {
    it('the demo gives each community an alliance, branches covering its grids and groups, with counts', async () => {
      const response = await get(secretary, `/party/orgs?territoryId=${ids.community1.id}`);
      expect(response.status, response.text).toBe(200);
      const orgs = response.json.data as Org[];
      const alliances = orgs.filter((o) => o.kind === 'alliance');
      expect(alliances).toHaveLength(1);
      const branches = orgs.filter((o) => o.kind === 'branch');
      expect(branches.length).toBeGreaterThan(0);
      for (const b of branches) expect(b.parentId).toBe(alliances[0]!.id);
      const groups = orgs.filter((o) => o.kind === 'group');
      for (const g of groups) expect(branches.map((b) => b.id)).toContain(g.parentId);
      const branch = branches.find((b) => b.counts.members > 0)!;
      const detail = (await get(secretary, `/party/orgs/${branch.id}`)).json.data;
      expect(detail.members).toHaveLength(branch.counts.members);
      expect(detail.places.every((p: { kind: string }) => p.kind === 'grid')).toBe(true);
      // A demo secretary is a member of their branch.
      const current = detail.secretaries.find((s: { endsOn: string | null }) => s.endsOn === null);
      if (current) {
        expect(detail.members.map((m: { personId: string }) => m.personId)).toContain(current.personId);
      }
    });

    it('one alliance per community; a branch covers grids of its community only; a group buildings of its branch’s grids', async () => {
      const { community, gridA, gridB } = await freshCommunity();
      const alliance = await createAlliance(admin, community.id);
      const again = await post(admin, '/party/orgs', {
        kind: 'alliance',
        name: '第二个',
        territoryId: community.id,
      });
      expect(again.status).toBe(409);

      const foreign = await post(admin, '/party/orgs', {
        kind: 'branch',
        name: '越界支部',
        parentId: alliance,
        placeIds: [gridA.id, ids.grid1.id],
      });
      expect(foreign.status).toBe(400);
      expect(foreign.json.error.details[0].field).toBe('placeIds.1');
      const branch = await createBranch(admin, alliance, [gridA.id]);

      const onA = await insertBuilding(t.db, { grid: gridA });
      const onB = await insertBuilding(t.db, { grid: gridB });
      const outside = await post(admin, '/party/orgs', {
        kind: 'group',
        name: '越界党小组',
        parentId: branch,
        placeIds: [onB.building.id],
      });
      expect(outside.status).toBe(400);
      const underAlliance = await post(admin, '/party/orgs', {
        kind: 'group',
        name: '错层党小组',
        parentId: alliance,
        placeIds: [onA.building.id],
      });
      expect(underAlliance.status).toBe(400);
      const group = await post(admin, '/party/orgs', {
        kind: 'group',
        name: '1号楼党小组',
        parentId: branch,
        placeIds: [onA.building.id],
      });
      expect(group.status, group.text).toBe(201);
      expect(group.json.data.places).toEqual([
        expect.objectContaining({ kind: 'building', id: onA.building.id }),
      ]);

      // The group's building lies on grid A: the branch cannot drop grid A while the group covers it.
      const stranding = await patch(admin, `/party/orgs/${branch}`, { placeIds: [gridB.id] });
      expect(stranding.status).toBe(409);
      expect(stranding.json.error.details[0].field).toBe('placeIds');
      const renamed = await patch(admin, `/party/orgs/${branch}`, {
        name: '改名党支部',
        placeIds: [gridA.id, gridB.id],
      });
      expect(renamed.status, renamed.text).toBe(200);
      expect(renamed.json.data.name).toBe('改名党支部');
      expect(renamed.json.data.places).toHaveLength(2);
      expect(await auditActions(branch)).toEqual(['party.org_created', 'party.org_updated']);

      const tree = (await get(admin, `/party/orgs?territoryId=${community.id}`)).json.data as Org[];
      expect(tree.map((o) => o.kind).sort()).toEqual(['alliance', 'branch', 'group']);
    });
  });

  describe('members and secretaries', () => {
    it('a group must belong to the member’s branch; a person is a member of one branch; moves keep the rule', async () => {
      const { community, gridA, gridB } = await freshCommunity();
      const alliance = await createAlliance(admin, community.id);
      const branchA = await createBranch(admin, alliance, [gridA.id], 'A支部');
      const branchB = await createBranch(admin, alliance, [gridB.id], 'B支部');
      const building = await insertBuilding(t.db, { grid: gridB });
      const groupB = (
        await post(admin, '/party/orgs', {
          kind: 'group',
          name: 'B党小组',
          parentId: branchB,
          placeIds: [building.building.id],
        })
      ).json.data.id as string;
      const { personId } = await resident(gridA);

      const wrongGroup = await post(admin, '/party/members', {
        personId,
        branchId: branchA,
        groupId: groupB,
        status: 'formal',
      });
      expect(wrongGroup.status).toBe(400);
      expect(wrongGroup.json.error.details[0].field).toBe('groupId');

      const member = await addMember(admin, { personId, branchId: branchA });
      const twice = await post(admin, '/party/members', { personId, branchId: branchB, status: 'formal' });
      expect(twice.status).toBe(409);

      const badMove = await patch(admin, `/party/members/${member}`, { groupId: groupB });
      expect(badMove.status).toBe(400);
      const moved = await patch(admin, `/party/members/${member}`, {
        branchId: branchB,
        groupId: groupB,
        status: 'probationary',
      });
      expect(moved.status, moved.text).toBe(200);
      const detail = (await get(admin, `/party/orgs/${groupB}`)).json.data;
      expect(detail.members).toEqual([
        expect.objectContaining({
          personId,
          branchId: branchB,
          groupId: groupB,
          status: 'probationary',
          centralHousehold: false,
        }),
      ]);
      expect((await post(admin, `/party/members/${member}/end`)).status).toBe(200);
      expect((await get(admin, `/party/orgs/${branchB}`)).json.data.members).toEqual([]);
      expect(await auditActions(member)).toEqual([
        'party.member_added',
        'party.member_changed',
        'party.member_ended',
      ]);
    });

    it('a secretary must be an active member; one per organisation; the term gives branch_secretary over the branch’s grids until it ends', async () => {
      const { community, gridA, gridB } = await freshCommunity();
      const alliance = await createAlliance(admin, community.id);
      const branch = await createBranch(admin, alliance, [gridA.id, gridB.id]);
      const { personId } = await resident(gridA, '书记甲');
      const other = await resident(gridB, '党员乙');

      const notMember = await post(admin, '/party/secretaries', { orgId: branch, personId, isCadre: true });
      expect(notMember.status).toBe(409);
      expect(notMember.json.error.details[0].field).toBe('personId');
      expect(notMember.json.error.message).toMatch(/member|党员/);

      await addMember(admin, { personId, branchId: branch });
      await addMember(admin, { personId: other.personId, branchId: branch });
      const appointed = await post(admin, '/party/secretaries', {
        orgId: branch,
        personId,
        isCadre: true,
        cadreUnit: '县教育局',
      });
      expect(appointed.status, appointed.text).toBe(201);
      expect(appointed.json.data).toMatchObject({
        personId,
        isCadre: true,
        cadreUnit: '县教育局',
        endsOn: null,
      });
      const opened = appointed.json.opened as { username: string; password: string };
      expect(opened).toEqual({ username: expect.any(String), password: expect.any(String) });
      const secretaryId = appointed.json.data.id as string;
      const [assignment] = await t.db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.sourceId, secretaryId));
      expect(assignment).toMatchObject({
        role: 'branch_secretary',
        scopeKind: 'grids',
        sourceKind: 'party_secretary',
      });
      expect([...assignment!.scopeIds].sort()).toEqual([gridA.id, gridB.id].sort());

      const second = await post(admin, '/party/secretaries', { orgId: branch, personId: other.personId });
      expect(second.status).toBe(409);

      // The new secretary signs in and reads their branch.
      const cookie = await t.login(opened.username, opened.password);
      const changed = await post(cookie, '/me/password', {
        currentPassword: opened.password,
        newPassword: 'Branch-pass-2026',
      });
      expect(changed.status, changed.text).toBeLessThan(300);
      expect((await get(cookie, `/party/orgs/${branch}`)).status).toBe(200);

      expect((await post(admin, `/party/secretaries/${secretaryId}/end`)).status).toBe(200);
      expect(
        await t.db.select().from(roleAssignments).where(eq(roleAssignments.sourceId, secretaryId)),
      ).toEqual([]);
      expect((await get(cookie, `/party/orgs/${branch}`)).status).toBe(403);
      expect(await auditActions(secretaryId)).toEqual(['party.secretary_appointed', 'party.secretary_ended']);
    });

    it('appointing a secretary gives no access to an account the caller could not manage (404); nothing is recorded', async () => {
      const street = await t.login(DEMO_ACCOUNT.street_admin);
      const { community, gridA } = await freshCommunity();
      const branch = await createBranch(street, await createAlliance(street, community.id), [gridA.id]);
      const { personId } = await resident(gridA, '书记丙');
      await addMember(street, { personId, branchId: branch });
      const account = await insertAccount(t.db, testKeys, {
        username: 'party-other-street',
        roles: [{ role: 'grid_worker', scopeKind: 'grids', scopeIds: [ids.otherCommunity.children[0]!.id] }],
      });
      const linked = await t.request('PUT', `/api/v1/people/${personId}/account`, {
        cookie: admin,
        body: { userId: account.user.id },
      });
      expect(linked.status, linked.text).toBe(200);
      const refused = await post(street, '/party/secretaries', { orgId: branch, personId });
      expect(refused.status, refused.text).toBe(404);
      expect((await get(street, `/party/orgs/${branch}`)).json.data.secretaries).toEqual([]);
      const roles = await t.db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, account.user.id));
      expect(roles.map((r) => r.role)).toEqual(['grid_worker']);
      // The county administrator may.
      const appointed = await post(admin, '/party/secretaries', { orgId: branch, personId });
      expect(appointed.status, appointed.text).toBe(201);
    });

    it('ending a membership ends the office held with it', async () => {
      const { community, gridA } = await freshCommunity();
      const branch = await createBranch(admin, await createAlliance(admin, community.id), [gridA.id]);
      const { personId } = await resident(gridA);
      const member = await addMember(admin, { personId, branchId: branch });
      const appointed = await post(admin, '/party/secretaries', { orgId: branch, personId });
      expect(appointed.status).toBe(201);
      await post(admin, `/party/members/${member}/end`);
      const detail = (await get(admin, `/party/orgs/${branch}`)).json.data;
      expect(detail.secretaries[0].endsOn).not.toBeNull();
      expect(
        await t.db.select().from(roleAssignments).where(eq(roleAssignments.sourceId, appointed.json.data.id)),
      ).toEqual([]);
    });
  });

  describe('merge and dissolve', () => {
    it('dissolving a branch with members or groups is refused; merging moves members, groups and places; then it can go', async () => {
      const { community, gridA, gridB } = await freshCommunity();
      const alliance = await createAlliance(admin, community.id);
      const a = await createBranch(admin, alliance, [gridA.id], 'A支部');
      const b = await createBranch(admin, alliance, [gridB.id], 'B支部');
      const building = await insertBuilding(t.db, { grid: gridA });
      const group = (
        await post(admin, '/party/orgs', {
          kind: 'group',
          name: 'A党小组',
          parentId: a,
          placeIds: [building.building.id],
        })
      ).json.data.id as string;
      const { personId } = await resident(gridA);
      await addMember(admin, { personId, branchId: a, groupId: group });
      const bSecretary = await resident(gridB, '书记乙');
      await addMember(admin, { personId: bSecretary.personId, branchId: b });
      const appointed = await post(admin, '/party/secretaries', { orgId: b, personId: bSecretary.personId });

      const refused = await post(admin, `/party/orgs/${a}/dissolve`);
      expect(refused.status).toBe(409);
      expect(refused.json.error.message).toMatch(/move them first|请先转移/);
      expect((await post(admin, `/party/orgs/${alliance}/dissolve`)).status).toBe(409);
      expect((await post(admin, `/party/orgs/${a}/merge`, { intoId: a })).status).toBe(400);
      expect((await post(admin, `/party/orgs/${a}/merge`, { intoId: group })).status).toBe(400);

      const merged = await post(admin, `/party/orgs/${a}/merge`, { intoId: b });
      expect(merged.status, merged.text).toBe(200);
      const into = merged.json.data;
      expect(into.members.map((m: { personId: string }) => m.personId).sort()).toEqual(
        [personId, bSecretary.personId].sort(),
      );
      expect(into.children.map((c: { id: string }) => c.id)).toEqual([group]);
      expect(into.places.map((p: { id: string }) => p.id).sort()).toEqual([gridA.id, gridB.id].sort());
      const [ended] = await t.db.select().from(partyOrgs).where(eq(partyOrgs.id, a));
      expect(ended!.endsOn).not.toBeNull();
      expect(ended!.mergedInto).toBe(b);
      expect(await auditActions(a)).toContain('party.org_merged');
      // B's secretary now reaches A's grid too.
      const [assignment] = await t.db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.sourceId, appointed.json.data.id));
      expect([...assignment!.scopeIds].sort()).toEqual([gridA.id, gridB.id].sort());
      // A merged branch is gone from the tree and cannot be written to.
      const tree = (await get(admin, `/party/orgs?territoryId=${community.id}`)).json.data as Org[];
      expect(tree.map((o) => o.id)).not.toContain(a);
      expect((await patch(admin, `/party/orgs/${a}`, { name: 'x' })).status).toBe(404);

      // An empty group can be dissolved.
      const empty = (
        await post(admin, '/party/orgs', { kind: 'group', name: '空党小组', parentId: b, placeIds: [] })
      ).json.data.id as string;
      const dissolved = await post(admin, `/party/orgs/${empty}/dissolve`);
      expect(dissolved.status).toBe(200);
      expect(dissolved.json.data.endsOn).not.toBeNull();
      expect(await auditActions(empty)).toEqual(['party.org_created', 'party.org_dissolved']);
    });
  });

  describe('alliance units', () => {
    it('are listed, added and ended', async () => {
      const { community } = await freshCommunity();
      const alliance = await createAlliance(admin, community.id);
      const added = await post(admin, '/party/alliance-units', {
        allianceId: alliance,
        name: '县供电公司',
        kind: 'resident_unit',
        contact: '0379-6000000',
      });
      expect(added.status, added.text).toBe(201);
      const list = (await get(admin, `/party/alliance-units?territoryId=${community.id}`)).json.data;
      expect(list).toEqual([expect.objectContaining({ name: '县供电公司', kind: 'resident_unit' })]);
      expect((await post(admin, `/party/alliance-units/${added.json.data.id}/end`)).status).toBe(200);
      expect((await get(admin, `/party/alliance-units?territoryId=${community.id}`)).json.data).toEqual([]);
      const notAlliance = await post(admin, '/party/alliance-units', {
        allianceId: await createBranch(admin, alliance, []),
        name: '快递站',
        kind: 'new_organisation',
      });
      expect(notAlliance.status).toBe(400);
    });
  });

  describe('registrations (双报到)', () => {
    it('a party member registers themself with a household of the community; the community approves, giving access; they deregister', async () => {
      const elsewhere = await resident(ids.otherCommunity.children[0]!, '外社区');
      const body = {
        territoryId: ids.community1.id,
        householdId: elsewhere.household.id,
        workUnit: { name: '测试单位甲', kind: 'government' },
        skills: ['法律咨询'],
        availability: '周末',
      };
      const wrongHousehold = await post(party, '/party/registrations', body);
      expect(wrongHousehold.status).toBe(400);
      expect(wrongHousehold.json.error.details[0].field).toBe('householdId');
      const unknown = await post(party, '/party/registrations', {
        ...body,
        householdId: '01900000-0000-7000-8000-000000000000',
      });
      expect(unknown.status).toBe(400);

      const home = await resident(ids.grid1, '同住户');
      const submitted = await post(party, '/party/registrations', {
        ...body,
        householdId: home.household.id,
      });
      expect(submitted.status, submitted.text).toBe(201);
      const registration = submitted.json.data;
      expect(registration).toMatchObject({
        status: 'submitted',
        skills: ['法律咨询'],
        communityCode: ids.community1.code,
      });
      expect(
        (await post(party, '/party/registrations', { ...body, householdId: home.household.id })).status,
      ).toBe(409);
      expect(
        (await get(party, '/party/registrations/mine')).json.data.map((r: { id: string }) => r.id),
      ).toContain(registration.id);
      // Nobody else's person: a party member registers only themself.
      expect(
        (
          await post(party, '/party/registrations', {
            ...body,
            householdId: home.household.id,
            personId: home.personId,
          })
        ).status,
      ).toBe(404);

      const queue = (await get(secretary, `/party/registrations?status=submitted`)).json.data;
      expect(queue.map((r: { id: string }) => r.id)).toContain(registration.id);
      const orgs = (await get(secretary, `/party/orgs?territoryId=${ids.community1.id}`)).json.data as Org[];
      const branch = orgs.find((o) => o.kind === 'branch')!;
      const otherBranch = (
        (await get(admin, `/party/orgs?territoryId=${ids.otherCommunity.id}`)).json.data as Org[]
      ).find((o) => o.kind === 'branch')!;
      expect(
        (await post(admin, `/party/registrations/${registration.id}/approve`, { branchId: otherBranch.id }))
          .status,
      ).toBe(400);

      const figures = async () =>
        (await get(admin, `/insights/figures?territoryId=${ids.community1.id}`)).json
          .registeredPartyMembers as number;
      const before = await figures();
      const approved = await post(secretary, `/party/registrations/${registration.id}/approve`, {
        branchId: branch.id,
      });
      expect(approved.status, approved.text).toBe(200);
      expect(approved.json.data).toMatchObject({ status: 'approved', branchId: branch.id });
      expect(approved.json.opened).toBeNull(); // the party member had an account
      expect(await figures()).toBe(before + 1);
      const [assignment] = await t.db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.sourceId, registration.id));
      expect(assignment).toMatchObject({
        role: 'party_member',
        scopeKind: 'self',
        sourceKind: 'party_registration',
      });
      expect(
        (await post(secretary, `/party/registrations/${registration.id}/approve`, { branchId: branch.id }))
          .status,
      ).toBe(409);

      const done = await post(party, `/party/registrations/${registration.id}/deregister`);
      expect(done.status, done.text).toBe(200);
      expect(done.json.data.status).toBe('deregistered');
      expect(
        await t.db.select().from(roleAssignments).where(eq(roleAssignments.sourceId, registration.id)),
      ).toEqual([]);
      // Ended today: the last day still counts (both days included).
      expect(await figures()).toBe(before + 1);
      expect(await auditActions(registration.id)).toEqual([
        'party.registration_submitted',
        'party.registration_approved',
        'party.registration_deregistered',
      ]);
    });

    it('the community registers a member, approves (opening an account) and the member transfers to another community', async () => {
      const home = await resident(ids.grid1, '报到乙');
      const unit = await insertWorkUnit(t.db, { name: '测试单位乙', kind: 'public_institution' });
      const submitted = await post(secretary, '/party/registrations', {
        personId: home.personId,
        territoryId: ids.community1.id,
        householdId: home.household.id,
        workUnitId: unit.id,
      });
      expect(submitted.status, submitted.text).toBe(201);
      const id = submitted.json.data.id as string;
      const branch = (
        (await get(secretary, `/party/orgs?territoryId=${ids.community1.id}`)).json.data as Org[]
      ).find((o) => o.kind === 'branch')!;
      const approved = await post(secretary, `/party/registrations/${id}/approve`, { branchId: branch.id });
      expect(approved.status).toBe(200);
      expect(approved.json.opened).toEqual({ username: expect.any(String), password: expect.any(String) });
      const raw = await get(secretary, '/party/work-units');
      const units = raw.json.data as {
        id: string;
        activeRegistrations: number;
      }[];
      expect(units.find((u) => u.id === unit.id)!.activeRegistrations).toBe(1);

      const away = await resident(ids.otherCommunity.children[0]!, '新住户');
      const same = await post(secretary, `/party/registrations/${id}/transfer`, {
        territoryId: ids.community1.id,
        householdId: home.household.id,
      });
      expect(same.status).toBe(400);
      const transferred = await post(secretary, `/party/registrations/${id}/transfer`, {
        territoryId: ids.otherCommunity.id,
        householdId: away.household.id,
      });
      expect(transferred.status, transferred.text).toBe(201);
      expect(transferred.json.data).toMatchObject({
        status: 'submitted',
        communityCode: ids.otherCommunity.code,
      });
      const [old] = await t.db.select().from(partyRegistrations).where(eq(partyRegistrations.id, id));
      expect(old).toMatchObject({ status: 'transferred', transferredTo: transferred.json.data.id });
      expect(await t.db.select().from(roleAssignments).where(eq(roleAssignments.sourceId, id))).toEqual([]);
      // The new one belongs to the other community: outside the secretary's scope.
      expect(
        (await post(secretary, `/party/registrations/${transferred.json.data.id}/reject`, { reason: '不符' }))
          .status,
      ).toBe(404);
      const rejected = await post(admin, `/party/registrations/${transferred.json.data.id}/reject`, {
        reason: '住址不符',
      });
      expect(rejected.json.data).toMatchObject({ status: 'rejected', reason: '住址不符' });
    });
  });

  describe('scope', () => {
    it('a community secretary manages only their community: other communities’ orgs answer 404', async () => {
      expect((await get(secretary, `/party/orgs?territoryId=${ids.otherCommunity.id}`)).status).toBe(404);
      const outside = (
        (await get(admin, `/party/orgs?territoryId=${ids.otherCommunity.id}`)).json.data as Org[]
      ).find((o) => o.kind === 'branch')!;
      expect((await get(secretary, `/party/orgs/${outside.id}`)).status).toBe(404);
      expect((await patch(secretary, `/party/orgs/${outside.id}`, { name: '越权' })).status).toBe(404);
      expect((await post(secretary, `/party/orgs/${outside.id}/dissolve`)).status).toBe(404);
      const { personId } = await resident(ids.grid1);
      expect(
        (await post(secretary, '/party/members', { personId, branchId: outside.id, status: 'formal' }))
          .status,
      ).toBe(404);
      expect(
        (
          await post(secretary, '/party/orgs', {
            kind: 'alliance',
            name: '越权',
            territoryId: ids.otherCommunity.id,
          })
        ).status,
      ).toBe(404);
    });

    it('a branch secretary sees the branches covering their grids (and their groups), not the rest', async () => {
      const all = (await get(admin, `/party/orgs?territoryId=${ids.community1.id}`)).json.data as Org[];
      const seen = (await get(branchCookie, `/party/orgs?territoryId=${ids.community1.id}`)).json
        .data as Org[];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.some((o) => o.kind === 'alliance')).toBe(false);
      const [user] = await t.db.select().from(users).where(eq(users.username, DEMO_ACCOUNT.branch_secretary));
      const [assignment] = await t.db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, user!.id));
      const gridsOf = await rows<{
        id: string;
      }>(sql`select distinct p.org_id::text as id from party_org_places p
        join territories g on g.code = p.territory_code
        where g.id = any(${sql.param(assignment!.scopeIds)}::uuid[])`);
      const covering = new Set(gridsOf.map((r) => r.id));
      for (const o of seen) expect(covering.has(o.id)).toBe(true);
      expect(seen.length).toBeLessThanOrEqual(all.length);
    });
  });

  describe('the demo accounts hold positions', () => {
    const accountOf = async (username: string) => {
      const [user] = await t.db.select().from(users).where(eq(users.username, username));
      return t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user!.id));
    };

    it('the branch secretary account is a member and the secretary of the first grid’s branch; its role comes from that post', async () => {
      const [assignment, ...more] = await accountOf(DEMO_ACCOUNT.branch_secretary);
      expect(more).toEqual([]);
      expect(assignment).toMatchObject({
        role: 'branch_secretary',
        scopeKind: 'grids',
        sourceKind: 'party_secretary',
      });
      const [held] = await rows<{
        org_id: string;
        person_user: string;
        member: boolean;
        grids: string[];
      }>(sql`
      select s.org_id::text, p.user_id::text as person_user,
        exists (select 1 from party_members m where m.person_id = s.person_id and m.branch_id = s.org_id
          and m.ends_on is null) as member,
        array(select pl.place_id::text from party_org_places pl
          where pl.org_id = s.org_id and pl.place_kind = 'grid' order by pl.territory_code) as grids
      from party_secretaries s join persons p on p.id = s.person_id
      where s.id = ${assignment!.sourceId} and s.ends_on is null`);
      expect(held).toBeDefined();
      expect(held!.person_user).toBe(assignment!.userId);
      expect(held!.member).toBe(true);
      expect(assignment!.scopeIds).toEqual(held!.grids);
      expect(held!.grids).toContain(ids.grid1.id);
      // Ending the secretary's term ends the account's access at once.
      const ended = await post(secretary, `/party/secretaries/${assignment!.sourceId}/end`);
      expect(ended.status, ended.text).toBeLessThan(300);
      expect((await get(branchCookie, '/me')).json.data.roles).toEqual([]);
    });

    it('the grid worker account’s role comes from its grid-worker posts, over the grids it serves', async () => {
      const [assignment, ...more] = await accountOf(DEMO_ACCOUNT.grid_worker);
      expect(more).toEqual([]);
      expect(assignment).toMatchObject({
        role: 'grid_worker',
        scopeKind: 'grids',
        sourceKind: 'grid_worker',
      });
      const served = await rows<{ grid_id: string; user_id: string }>(sql`
      select w.grid_id::text, p.user_id::text from grid_workers w join persons p on p.id = w.person_id
      where w.person_id = ${assignment!.sourceId} and w.ends_on is null order by w.grid_id`);
      expect(served.length).toBeGreaterThan(0);
      expect(served.every((w) => w.user_id === assignment!.userId)).toBe(true);
      expect(assignment!.scopeIds).toEqual([...new Set(served.map((w) => w.grid_id))].sort());
      expect(assignment!.scopeIds).toContain(ids.grid1.id);
    });

    it('the party member account finds where it lives (its household and community) to register with', async () => {
      const home = await get(party, '/party/registrations/home');
      expect(home.status, home.text).toBe(200);
      const [row] = await rows<{ household_id: string }>(sql`
      select r.household_id::text from persons p join residents r on r.id = p.resident_id
      join users u on u.id = p.user_id where u.username = ${DEMO_ACCOUNT.party_member}`);
      expect(home.json.data).toMatchObject({
        householdId: row!.household_id,
        communityId: ids.community1.id,
      });
      // An account linked to no resident has no home; one without party:register is refused.
      expect((await get(admin, '/party/registrations/home')).json.data).toBeNull();
      const resident = await t.login(DEMO_ACCOUNT.resident);
      expect((await get(resident, '/party/registrations/home')).status).toBe(403);
      // The form's skill suggestions are the server's (the demo draws its members' skills from them).
      const skills = await get(party, '/party/registrations/skills');
      expect(skills.status, skills.text).toBe(200);
      expect(skills.json.data).toEqual([...skillSuggestions]);
      expect(skills.json.data).toContain('助老助残');
      expect((await get(resident, '/party/registrations/skills')).status).toBe(403);
    });

    it('every current secretary and approved registration whose person has an account gives that account its role', async () => {
      const missing = await rows<{ id: string }>(sql`
      select s.id::text from party_secretaries s join party_orgs o on o.id = s.org_id
        join persons p on p.id = s.person_id
      where o.kind = 'branch' and s.ends_on is null and p.user_id is not null
        and not exists (select 1 from role_assignments ra where ra.source_id = s.id and ra.user_id = p.user_id)
      union all
      select r.id::text from party_registrations r join persons p on p.id = r.person_id
      where r.status = 'approved' and p.user_id is not null
        and not exists (select 1 from role_assignments ra where ra.source_id = r.id and ra.user_id = p.user_id)`);
      expect(missing).toEqual([]);
    });
  });
});

describe('figures', () => {
  it('count branches, groups, cadre secretaries and registered members as of a day, a past one too', async () => {
    const { community, gridA } = await freshCommunity();
    const alliance = await insertPartyOrg(t.db, {
      kind: 'alliance',
      communityCode: community.code,
      startsOn: '2020-01-01',
    });
    const branch = await insertPartyOrg(t.db, {
      kind: 'branch',
      parentId: alliance.id,
      communityCode: community.code,
      startsOn: '2020-01-01',
      endsOn: '2023-12-31',
      places: [{ id: gridA.id, territoryCode: gridA.code }],
    });
    const { building } = await insertBuilding(t.db, { grid: gridA });
    await insertPartyOrg(t.db, {
      kind: 'group',
      parentId: branch.id,
      communityCode: community.code,
      startsOn: '2021-01-01',
      endsOn: '2023-12-31',
      places: [{ id: building.id, territoryCode: gridA.code }],
    });
    const { personId, household } = await resident(gridA);
    await insertPartySecretary(t.db, {
      orgId: branch.id,
      personId,
      isCadre: true,
      startsOn: '2021-01-01',
      endsOn: '2022-12-31',
    });
    const unit = await insertWorkUnit(t.db, { name: '测试单位丙' });
    await insertPartyRegistration(t.db, {
      personId,
      workUnitId: unit.id,
      householdId: household.id,
      territoryCode: gridA.code,
      branchId: branch.id,
      startsOn: '2021-06-01',
      endsOn: '2022-06-30',
      status: 'deregistered',
    });
    const at = async (to?: string) => {
      const response = await get(
        admin,
        `/insights/figures?territoryId=${community.id}${to ? `&to=${to}` : ''}`,
      );
      expect(response.status, response.text).toBe(200);
      const { registeredPartyMembers, partyBranches, buildingPartyGroups, cadreSecretaries } = response.json;
      return { registeredPartyMembers, partyBranches, buildingPartyGroups, cadreSecretaries };
    };
    expect(await at('2022-01-01')).toEqual({
      registeredPartyMembers: 1,
      partyBranches: 1,
      buildingPartyGroups: 1,
      cadreSecretaries: 1,
    });
    expect(await at('2022-06-30')).toMatchObject({ registeredPartyMembers: 1 });
    expect(await at('2022-07-01')).toMatchObject({ registeredPartyMembers: 0, cadreSecretaries: 1 });
    expect(await at('2020-06-01')).toEqual({
      registeredPartyMembers: 0,
      partyBranches: 1,
      buildingPartyGroups: 0,
      cadreSecretaries: 0,
    });
    expect(await at()).toEqual({
      registeredPartyMembers: 0,
      partyBranches: 0,
      buildingPartyGroups: 0,
      cadreSecretaries: 0,
    });
    // The grid's figures: the branch covering it.
    const grid = await get(admin, `/insights/figures?territoryId=${gridA.id}&to=2022-01-01`);
    expect(grid.json.partyBranches).toBe(1);
  });

  it('the demo county’s figures equal direct counts', async () => {
    const figures = (await get(admin, '/insights/figures')).json;
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const on = sql`starts_on <= ${day}::date and (ends_on is null or ends_on >= ${day}::date)`;
    const [row] = await rows<{ branches: number; groups: number }>(sql`select
        (select count(*) from party_orgs where kind = 'branch' and ${on})::int as branches,
        (select count(*) from party_orgs where kind = 'group' and ${on})::int as groups`);
    expect(figures.partyBranches).toBe(row!.branches);
    expect(figures.buildingPartyGroups).toBe(row!.groups);
    expect(figures.registeredPartyMembers).toBeGreaterThan(0);
    expect(figures.cadreSecretaries).toBeGreaterThan(0);
    const approved = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(partyRegistrations)
      .where(and(eq(partyRegistrations.status, 'approved')));
    expect(approved[0]!.n).toBeGreaterThan(0);
  });
});
