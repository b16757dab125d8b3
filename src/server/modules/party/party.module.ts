import { defineModule } from '../../core/kit/module.ts';
import { partyAudit } from './party.audit.ts';
import { generatePartyDemo } from './party.demo.ts';
import { countPartyFigures } from './party.figures.ts';
import { partyRoutes } from './party.routes.ts';

/**
 * The four-level party organisation of each community (四级组织体系): the party-building alliance, grid branches,
 * building groups, their members and secretaries (a branch secretary's term gives them the branch_secretary role
 * over the branch's grids), the alliance's member units, and residence registrations of in-service members (双报到):
 * approved by the community, they give the member the party_member role over themself.
 */
export const partyModule = defineModule({
  name: 'party',
  routes: partyRoutes,
  permissions: {
    'party:read': { zh: '查看党组织', en: 'Read the party organisation' },
    'party:write': {
      zh: '管理党组织、党员和报到',
      en: 'Manage the party organisation, members and registrations',
    },
    'party:register': { zh: '在职党员到社区报到', en: 'Register with the community (双报到)' },
  },
  grants: {
    street_admin: ['party:read', 'party:write', 'party:register'],
    inspector: ['party:read'],
    community_secretary: ['party:read', 'party:write', 'party:register'],
    community_worker: ['party:read', 'party:register'],
    branch_secretary: ['party:read'],
    party_member: ['party:register'],
  },
  audit: {
    actions: {
      'party.org_created': { zh: '新建党组织', en: 'Party organisation created' },
      'party.org_updated': { zh: '修改党组织', en: 'Party organisation changed' },
      'party.org_merged': { zh: '合并党组织', en: 'Party organisation merged' },
      'party.org_dissolved': { zh: '撤销党组织', en: 'Party organisation dissolved' },
      'party.member_added': { zh: '添加党员', en: 'Party member added' },
      'party.member_changed': { zh: '调整党员', en: 'Party member changed' },
      'party.member_ended': { zh: '党员转出', en: 'Party membership ended' },
      'party.secretary_appointed': { zh: '任命书记', en: 'Secretary appointed' },
      'party.secretary_ended': { zh: '书记离任', en: 'Secretary’s term ended' },
      'party.alliance_unit_added': { zh: '共建单位加入', en: 'Alliance unit added' },
      'party.alliance_unit_ended': { zh: '共建单位退出', en: 'Alliance unit ended' },
      'party.work_unit_created': { zh: '新增工作单位', en: 'Work unit recorded' },
      'party.registration_submitted': { zh: '党员报到', en: 'Registration submitted' },
      'party.registration_approved': { zh: '通过报到', en: 'Registration approved' },
      'party.registration_rejected': { zh: '退回报到', en: 'Registration rejected' },
      'party.registration_deregistered': { zh: '注销报到', en: 'Registration ended' },
      'party.registration_transferred': { zh: '转移报到', en: 'Registration transferred' },
    },
    entityTypes: {
      party_org: { zh: '党组织', en: 'Party organisation' },
      party_member: { zh: '党员', en: 'Party member' },
      party_secretary: { zh: '书记', en: 'Secretary' },
      alliance_unit: { zh: '共建单位', en: 'Alliance unit' },
      work_unit: { zh: '工作单位', en: 'Work unit' },
      party_registration: { zh: '双报到', en: 'Registration' },
    },
    ...partyAudit,
  },
  figures: [
    {
      keys: {
        registeredPartyMembers: { zh: '报到在职党员', en: 'Registered in-service party members' },
        partyBranches: { zh: '网格党支部', en: 'Party branches' },
        buildingPartyGroups: { zh: '楼栋党小组', en: 'Building party groups' },
        cadreSecretaries: { zh: '在职党员干部任支部书记', en: 'Cadres serving as secretaries' },
      },
      compute: ({ db, scope, code, asOf }) => countPartyFigures(db, scope, code, asOf),
    },
  ],
  maintain: ['party_orgs', 'party_org_places', 'party_members', 'party_secretaries', 'party_registrations'],
  demo: { after: ['territory', 'registry', 'accounts', 'people'], generate: generatePartyDemo },
});
