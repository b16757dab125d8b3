import { defineModule } from '../../core/kit/module.ts';
import { visitLogsAudit } from './visitlogs.audit.ts';
import { generateVisitLogsDemo } from './visitlogs.demo.ts';
import { visitLogErrors } from './visitlogs.errors.ts';
import { countVisitLogFigures } from './visitlogs.figures.ts';
import { visitLogsRoutes } from './visitlogs.routes.ts';

/**
 * Visit logs (民情日志): grid workers and building leaders write what they learned (needs, conflicts, opinions)
 * about households or a place in their scope, tagged, with a follow-up status; community, street and county
 * officials read them and comment (批注). The text may name people: encrypted, and searchable anywhere in it through
 * blind-index tokens of its bigrams (docs/decisions/visit-log-search.md). The figure `visitLogs`: logs written.
 */
export const visitLogsModule = defineModule({
  name: 'visitlogs',
  routes: visitLogsRoutes,
  permissions: {
    'visitlog:read': { zh: '查看民情日志', en: 'Read visit logs' },
    'visitlog:write': { zh: '撰写民情日志', en: 'Write visit logs' },
    'visitlog:comment': { zh: '批注民情日志', en: 'Comment on visit logs' },
  },
  grants: {
    street_admin: ['visitlog:read', 'visitlog:comment'],
    inspector: ['visitlog:read'],
    community_secretary: ['visitlog:read', 'visitlog:comment'],
    community_worker: ['visitlog:read', 'visitlog:comment'],
    branch_secretary: ['visitlog:read'],
    grid_worker: ['visitlog:read', 'visitlog:write'],
    building_leader: ['visitlog:read', 'visitlog:write'],
  },
  errors: visitLogErrors,
  audit: {
    actions: {
      'visit_log.created': { zh: '撰写民情日志', en: 'Visit log written' },
      'visit_log.updated': { zh: '修改民情日志', en: 'Visit log edited' },
      'visit_log.commented': { zh: '批注民情日志', en: 'Visit log commented on' },
      'visit_log.follow_up_set': { zh: '更新民情日志跟进状态', en: 'Visit log follow-up set' },
    },
    entityTypes: {
      visit_log: { zh: '民情日志', en: 'Visit log' },
    },
    ...visitLogsAudit,
  },
  figures: [
    {
      keys: { visitLogs: { zh: '民情日志', en: 'Visit logs written' } },
      compute: ({ db, scope, code, from, asOf }) => countVisitLogFigures(db, scope, code, from, asOf),
      // Logs are frequent: their tables bump their own data set (migration 0025), not the registry's.
      dataSets: ['visitlogs'],
    },
  ],
  maintain: ['visit_logs', 'visit_log_comments'],
  demo: {
    deferred: true,
    after: ['territory', 'registry', 'accounts', 'people', 'leaders'],
    generate: generateVisitLogsDemo,
  },
});
