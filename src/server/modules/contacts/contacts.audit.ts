import { eq, inArray } from 'drizzle-orm';
import { maskPersonName } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { persons } from '../people/people.public.ts';
import { buildings, households } from '../registry/registry.public.ts';
import { territories } from '../territory/territory.public.ts';
import { centralHouseholds, contactAssignments } from './contacts.tables.ts';

/** A central household by its place and the member's masked name: "幸福里3号楼 1201 · 王*明". */
const centralNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({
        id: centralHouseholds.id,
        building: buildings.name,
        room: households.room,
        person: persons.name,
        territoryCode: centralHouseholds.territoryCode,
      })
      .from(centralHouseholds)
      .innerJoin(buildings, eq(buildings.id, centralHouseholds.buildingId))
      .innerJoin(households, eq(households.id, centralHouseholds.householdId))
      .innerJoin(persons, eq(persons.id, centralHouseholds.personId))
      .where(inArray(centralHouseholds.id, ids))
  ).map((r) => ({
    id: r.id,
    name: `${r.building} ${r.room} · ${maskPersonName(r.person)}`,
    territoryCode: r.territoryCode,
  }));

/** A contact assignment by the household's place and the contact's masked name: "幸福里3号楼 1201 → 王*明". */
const assignmentNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({
        id: contactAssignments.id,
        building: buildings.name,
        room: households.room,
        person: persons.name,
        territoryCode: contactAssignments.territoryCode,
      })
      .from(contactAssignments)
      .innerJoin(buildings, eq(buildings.id, contactAssignments.buildingId))
      .innerJoin(households, eq(households.id, contactAssignments.householdId))
      .innerJoin(persons, eq(persons.id, contactAssignments.personId))
      .where(inArray(contactAssignments.id, ids))
  ).map((r) => ({
    id: r.id,
    name: `${r.building} ${r.room} → ${maskPersonName(r.person)}`,
    territoryCode: r.territoryCode,
  }));

const kindValues = {
  leader: { zh: '楼栋长', en: 'Building leader' },
  central_household: { zh: '党员中心户', en: 'Central household' },
};

/** A community's proposal and settings are written under the community's id: named by the community. */
const communityNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: territories.id, name: territories.name, territoryCode: territories.code })
    .from(territories)
    .where(inArray(territories.id, ids));

/** How the audit log names the contacts module's entities and reads its fields. */
export const contactsAudit = {
  names: {
    central_household: centralNames,
    contact_proposal: communityNames,
    contact_settings: communityNames,
    contact_assignment: assignmentNames,
  },
  fields: {
    // The demo seed's counts.
    centralHouseholds: { zh: '党员中心户', en: 'Party-member central households' },
    contactAssignments: { zh: '联系挂包户数', en: 'Household contact assignments' },
    maxLoad: { zh: '联系户数上限', en: 'Most households' },
    endReason: { zh: '撤销原因', en: 'Reason for ending' },
    householdsReleased: { zh: '解除联系的户数', en: 'Households released' },
    assigned: { zh: '新分配户数', en: 'Households assigned' },
    reassigned: { zh: '调整联系人户数', en: 'Households reassigned' },
    ended: { zh: '解除联系户数', en: 'Assignments ended' },
    leaderMaxLoad: { zh: '楼栋长联系户数上限', en: 'Households per leader, at most' },
    centralMaxLoad: { zh: '中心户默认联系户数', en: 'Default load of a central household' },
    maxDistance: { zh: '最远距离（米）', en: 'Farthest distance (m)' },
    previousPersonId: { zh: '原联系人', en: 'Previous contact', entity: 'person' },
    overLoad: { zh: '超出联系户数上限（已确认）', en: 'Above the load (confirmed)' },
  },
  entityFields: {
    contact_proposal: {
      kind: { zh: '联系人类型', en: 'Contact kind', values: kindValues },
    },
    contact_assignment: {
      kind: { zh: '联系人类型', en: 'Contact kind', values: kindValues },
      source: {
        zh: '分配方式',
        en: 'Assigned by',
        values: {
          proposal: { zh: '自动方案', en: 'Proposal' },
          manual: { zh: '手动指定', en: 'Hand' },
        },
      },
    },
  },
} satisfies AuditDeclaration;
