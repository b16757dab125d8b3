import { defineModule } from '../../core/kit/module.ts';
import { schedule } from '../../core/jobs/schedules.ts';
import { leadersAudit } from './leaders.audit.ts';
import { generateLeadersDemo } from './leaders.demo.ts';
import { leaderErrors } from './leaders.errors.ts';
import { leadersRoutes } from './leaders.routes.ts';
import { countLeaderFigures, remindExpiringTerms } from './leaders.service.ts';

export const LEADERS_REMIND = 'leaders.remind';

/**
 * Building and unit leaders (一楼一长, 一年一聘): nominations the community reviews, one-year terms that give the
 * leader access to their buildings while they run, renewals and the daily reminder 30 days before a term ends; the
 * buildings' residents' WeChat groups; the leader's phone pages (my buildings, my households, tap to call).
 */
export const leadersModule = defineModule({
  name: 'leaders',
  routes: leadersRoutes,
  permissions: {
    'leader:read': { zh: '查看楼栋长', en: 'Read building leaders' },
    'leader:write': { zh: '提名楼栋长', en: 'Nominate building leaders' },
    'leader:review': { zh: '审核、续聘和解聘楼栋长', en: 'Review, renew and end building leaders' },
    'leader:chat': { zh: '维护楼栋微信群', en: 'Record building WeChat groups' },
    'leader:call': { zh: '楼栋长联系本楼住户', en: 'Call the households of one’s buildings' },
  },
  grants: {
    street_admin: ['leader:read', 'leader:write', 'leader:review', 'leader:chat'],
    inspector: ['leader:read'],
    community_secretary: ['leader:read', 'leader:write', 'leader:review', 'leader:chat'],
    community_worker: ['leader:read', 'leader:write', 'leader:review', 'leader:chat'],
    branch_secretary: ['leader:read'],
    grid_worker: ['leader:read'],
    building_leader: ['leader:read', 'leader:chat', 'leader:call'],
  },
  errors: leaderErrors,
  audit: {
    actions: {
      'leader.nominated': { zh: '提名楼栋长', en: 'Building leader nominated' },
      'leader.approved': { zh: '批准楼栋长', en: 'Building leader approved' },
      'leader.rejected': { zh: '驳回楼栋长提名', en: 'Building leader nomination rejected' },
      'leader.withdrawn': { zh: '撤回楼栋长提名', en: 'Building leader nomination withdrawn' },
      'leader.ended': { zh: '楼栋长提前解聘', en: 'Building leader term ended early' },
      'leader.renewed': { zh: '楼栋长续聘', en: 'Building leader term renewed' },
      'leader.term_expiring': { zh: '楼栋长任期即将到期', en: 'Building leader term ending soon' },
      'leader.chat_updated': { zh: '更新楼栋微信群', en: 'Building WeChat group updated' },
      'leader.resident_called': { zh: '楼栋长查看住户电话', en: 'Resident’s phone shown to their leader' },
    },
    entityTypes: {
      leader_term: { zh: '楼栋长任期', en: 'Building leader term' },
      building_chat: { zh: '楼栋微信群', en: 'Building WeChat group' },
    },
    ...leadersAudit,
    systemActors: {
      // The daily reminder of terms ending soon (remindExpiringTerms).
      'leaders.remind': { zh: '系统（楼栋长任期提醒）', en: 'System (leader term reminders)' },
    },
  },
  figures: [
    {
      keys: {
        buildingLeaders: { zh: '红色楼长（单元长）', en: 'Building and unit leaders' },
        buildingsWithoutLeader: { zh: '无楼栋长的楼栋', en: 'Buildings without a leader' },
      },
      compute: ({ db, scope, code, asOf }) => countLeaderFigures(db, scope, code, asOf),
    },
  ],
  jobs: ({ db, logger }) => ({
    handlers: {
      [LEADERS_REMIND]: async () => {
        const reminded = await remindExpiringTerms(db);
        logger.info({ reminded }, 'building leader terms ending within 30 days reminded');
      },
    },
    schedules: [schedule(LEADERS_REMIND, '5 8 * * *', LEADERS_REMIND)],
  }),
  maintain: ['leader_terms', 'building_chats'],
  demo: { after: ['territory', 'registry', 'accounts', 'people'], generate: generateLeadersDemo },
});
