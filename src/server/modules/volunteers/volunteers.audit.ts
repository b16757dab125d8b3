import { eq, inArray } from 'drizzle-orm';
import { maskPersonName } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { persons } from '../people/people.public.ts';
import { volunteerTeams, volunteers } from './volunteers.tables.ts';

/** A volunteer by the person's masked name, where they serve. */
const volunteerNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({ id: volunteers.id, name: persons.name, territoryCode: volunteers.territoryCode })
      .from(volunteers)
      .innerJoin(persons, eq(persons.id, volunteers.personId))
      .where(inArray(volunteers.id, ids))
  ).map((v) => ({ ...v, name: maskPersonName(v.name) }));

const teamNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: volunteerTeams.id, name: volunteerTeams.name, territoryCode: volunteerTeams.territoryCode })
    .from(volunteerTeams)
    .where(inArray(volunteerTeams.id, ids));

/** How the audit log names volunteers and teams and reads the volunteers module's fields. */
export const volunteersAudit = {
  names: { volunteer: volunteerNames, volunteer_team: teamNames },
  fields: {
    volunteerId: { zh: '志愿者', en: 'Volunteer', entity: 'volunteer' },
    teamsLeft: { zh: '退出的服务队', en: 'Teams left', entity: 'volunteer_team' },
    availability: {
      zh: '服务时间',
      en: 'Availability',
      values: {
        weekdays: { zh: '工作日', en: 'Weekdays' },
        weekends: { zh: '周末', en: 'Weekends' },
        evenings: { zh: '晚间', en: 'Evenings' },
        anytime: { zh: '随时', en: 'Any time' },
      },
    },
    volunteers: { zh: '志愿者人数', en: 'Volunteers' },
    volunteerCorps: { zh: '服务队', en: 'Volunteer corps' },
    volunteerSubTeams: { zh: '分队', en: 'Sub-teams' },
    volunteerMemberships: { zh: '入队人次', en: 'Team memberships' },
  },
  entityFields: {
    volunteer_team: {
      kind: {
        zh: '队伍类型',
        en: 'Kind',
        values: { corps: { zh: '服务队', en: 'Corps' }, team: { zh: '分队', en: 'Sub-team' } },
      },
      parentId: { zh: '所属服务队', en: 'Corps', entity: 'volunteer_team' },
    },
  },
} satisfies AuditDeclaration;
