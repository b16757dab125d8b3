import { defineModule } from '../../core/kit/module.ts';
import { volunteersAudit } from './volunteers.audit.ts';
import { generateVolunteersDemo } from './volunteers.demo.ts';
import { volunteersRoutes } from './volunteers.routes.ts';
import { countVolunteers } from './volunteers.service.ts';

/**
 * Volunteers (志愿者): a person's profile (skills, availability, where they serve), the pioneer volunteer corps
 * (先锋志愿服务队) and their sub-teams (分队) with their members. A person holding a `self` role (volunteer,
 * resident, party member) registers themself and sees their own profile.
 */
export const volunteersModule = defineModule({
  name: 'volunteers',
  routes: volunteersRoutes,
  permissions: {
    'volunteer:read': { zh: '查看志愿者和志愿服务队', en: 'Read volunteers and volunteer teams' },
    'volunteer:write': { zh: '管理志愿者和志愿服务队', en: 'Manage volunteers and volunteer teams' },
    'volunteer:self': { zh: '登记本人为志愿者', en: 'Register oneself as volunteer' },
  },
  grants: {
    street_admin: ['volunteer:read', 'volunteer:write'],
    inspector: ['volunteer:read'],
    community_secretary: ['volunteer:read', 'volunteer:write'],
    community_worker: ['volunteer:read', 'volunteer:write'],
    branch_secretary: ['volunteer:read'],
    grid_worker: ['volunteer:read'],
    volunteer: ['volunteer:self'],
    resident: ['volunteer:self'],
    party_member: ['volunteer:self'],
  },
  audit: {
    actions: {
      'volunteer.registered': { zh: '登记志愿者', en: 'Volunteer registered' },
      'volunteer.ended': { zh: '注销志愿者', en: 'Volunteer ended' },
      'volunteer_team.created': { zh: '成立志愿服务队', en: 'Volunteer team created' },
      'volunteer_team.renamed': { zh: '志愿服务队更名', en: 'Volunteer team renamed' },
      'volunteer_team.dissolved': { zh: '解散志愿服务队', en: 'Volunteer team dissolved' },
      'volunteer_team.member_joined': { zh: '志愿者入队', en: 'Volunteer joined a team' },
      'volunteer_team.member_left': { zh: '志愿者退队', en: 'Volunteer left a team' },
    },
    entityTypes: {
      volunteer: { zh: '志愿者', en: 'Volunteer' },
      volunteer_team: { zh: '志愿服务队', en: 'Volunteer team' },
    },
    ...volunteersAudit,
  },
  figures: [
    {
      keys: { volunteers: { zh: '志愿者', en: 'Volunteers' } },
      compute: ({ db, scope, code, asOf }) => countVolunteers(db, scope, code, asOf),
    },
  ],
  maintain: ['volunteers', 'volunteer_teams', 'volunteer_team_members'],
  demo: { after: ['territory', 'registry', 'accounts', 'people'], generate: generateVolunteersDemo },
});
