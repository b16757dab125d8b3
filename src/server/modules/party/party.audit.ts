import { eq, inArray } from 'drizzle-orm';
import { maskMobile, maskPersonName } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { persons } from '../people/people.public.ts';
import {
  allianceUnits,
  partyMembers,
  partyOrgs,
  partyRegistrations,
  partySecretaries,
  workUnits,
} from './party.tables.ts';

const orgNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: partyOrgs.id, name: partyOrgs.name, territoryCode: partyOrgs.communityCode })
    .from(partyOrgs)
    .where(inArray(partyOrgs.id, ids));

const masked = (rows: { id: string; name: string; territoryCode: string | null }[]) =>
  rows.map((r) => ({ ...r, name: maskPersonName(r.name) }));

/** A member, a secretary or a registration by the person's masked name. */
const memberNames = async (db: Executor, ids: string[]) =>
  masked(
    await db
      .select({ id: partyMembers.id, name: persons.name, territoryCode: persons.territoryCode })
      .from(partyMembers)
      .innerJoin(persons, eq(persons.id, partyMembers.personId))
      .where(inArray(partyMembers.id, ids)),
  );

const secretaryNames = async (db: Executor, ids: string[]) =>
  masked(
    await db
      .select({ id: partySecretaries.id, name: persons.name, territoryCode: partyOrgs.communityCode })
      .from(partySecretaries)
      .innerJoin(persons, eq(persons.id, partySecretaries.personId))
      .innerJoin(partyOrgs, eq(partyOrgs.id, partySecretaries.orgId))
      .where(inArray(partySecretaries.id, ids)),
  );

const registrationNames = async (db: Executor, ids: string[]) =>
  masked(
    await db
      .select({
        id: partyRegistrations.id,
        name: persons.name,
        territoryCode: partyRegistrations.territoryCode,
      })
      .from(partyRegistrations)
      .innerJoin(persons, eq(persons.id, partyRegistrations.personId))
      .where(inArray(partyRegistrations.id, ids)),
  );

const allianceUnitNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: allianceUnits.id, name: allianceUnits.name, territoryCode: partyOrgs.communityCode })
    .from(allianceUnits)
    .innerJoin(partyOrgs, eq(partyOrgs.id, allianceUnits.allianceId))
    .where(inArray(allianceUnits.id, ids));

const workUnitNames = (db: Executor, ids: string[]) =>
  db.select({ id: workUnits.id, name: workUnits.name }).from(workUnits).where(inArray(workUnits.id, ids));

/** Mobile numbers inside a free-text contact, masked like every other mobile. */
const maskMobilesIn = (text: string) => text.replace(/1[3-9]\d{9}/g, maskMobile);

const org = (zh: string, en: string) => ({ zh, en, entity: 'party_org' });

/** How the audit log names the party module's objects and reads its fields (see `AuditDeclaration`). */
export const partyAudit = {
  names: {
    party_org: orgNames,
    party_member: memberNames,
    party_secretary: secretaryNames,
    party_registration: registrationNames,
    alliance_unit: allianceUnitNames,
    work_unit: workUnitNames,
  },
  fields: {
    branchId: org('党支部', 'Branch'),
    groupId: org('党小组', 'Group'),
    orgId: org('党组织', 'Organisation'),
    allianceId: org('党建共同体', 'Alliance'),
    workUnitId: { zh: '工作单位', en: 'Work unit', entity: 'work_unit' },
    branchName: { zh: '党支部名称', en: 'Branch name' },
    into: { zh: '并入', en: 'Merged into' },
    membersMoved: { zh: '转入党员数', en: 'Members moved' },
    places: { zh: '覆盖范围', en: 'Places covered' },
    communityCode: { zh: '社区编码', en: 'Community code' },
    centralHousehold: { zh: '中心户', en: 'Central household' },
    isCadre: { zh: '干部兼任', en: 'Held by a cadre' },
    cadreUnit: { zh: '干部单位', en: 'Cadre’s unit' },
    contact: { zh: '联系方式', en: 'Contact', mask: maskMobilesIn },
    skills: { zh: '特长', en: 'Skills' },
    to: { zh: '转至', en: 'Moved to' },
    partyBranches: { zh: '党支部数', en: 'Party branches' },
    buildingPartyGroups: { zh: '楼栋党小组数', en: 'Building party groups' },
    partyMembers: { zh: '党员数', en: 'Party members' },
    probationaryMembers: { zh: '预备党员数', en: 'Probationary members' },
    cadreSecretaries: { zh: '干部兼任书记', en: 'Cadre secretaries' },
    registeredPartyMembers: { zh: '报到党员数', en: 'Registered members' },
  },
  entityFields: {
    party_org: {
      kind: {
        zh: '组织类型',
        en: 'Kind',
        values: {
          alliance: { zh: '党建共同体', en: 'Alliance' },
          branch: { zh: '党支部', en: 'Branch' },
          group: { zh: '党小组', en: 'Group' },
        },
      },
      parentId: org('上级组织', 'Parent organisation'),
    },
    party_member: {
      status: {
        zh: '党员类别',
        en: 'Membership',
        values: {
          formal: { zh: '正式党员', en: 'Formal member' },
          probationary: { zh: '预备党员', en: 'Probationary member' },
        },
      },
    },
    alliance_unit: {
      kind: {
        zh: '单位类型',
        en: 'Unit kind',
        values: {
          resident_unit: { zh: '驻区单位', en: 'Resident unit' },
          new_organisation: { zh: '两新组织', en: 'New organisation' },
        },
      },
    },
    work_unit: {
      kind: {
        zh: '单位性质',
        en: 'Unit kind',
        values: {
          government: { zh: '机关', en: 'Government' },
          public_institution: { zh: '事业单位', en: 'Public institution' },
          state_enterprise: { zh: '国有企业', en: 'State enterprise' },
          other: { zh: '其他', en: 'Other' },
        },
      },
    },
    party_registration: {
      status: {
        zh: '报到状态',
        en: 'Status',
        values: {
          submitted: { zh: '待审核', en: 'Submitted' },
          approved: { zh: '已通过', en: 'Approved' },
          rejected: { zh: '已退回', en: 'Rejected' },
          deregistered: { zh: '已注销', en: 'Ended' },
          transferred: { zh: '已转移', en: 'Transferred' },
        },
      },
    },
  },
} satisfies AuditDeclaration;
