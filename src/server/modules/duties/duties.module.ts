import { shanghaiDay } from '../../core/db/periods.ts';
import { PHOTO_UPLOAD_MAX_BYTES } from '../../core/photos/photos.ts';
import { schedule } from '../../core/jobs/schedules.ts';
import { defineModule } from '../../core/kit/module.ts';
import { dutiesAudit } from './duties.audit.ts';
import { generateDutiesDemo } from './duties.demo.ts';
import { dutyErrors } from './duties.errors.ts';
import { countDutyFigures } from './duties.figures.ts';
import { dutiesRoutes, TASK_PHOTO_PATH } from './duties.routes.ts';
import { runGeneration } from './duties.service.ts';

export const DUTIES_GENERATE = 'duties.generate';

/**
 * Duty lists and tasks (微清单 · 职责任务清单): the county's template of duties for the five role groups (community
 * party secretary, grid branch secretary, registered cadres, grid workers, building leaders) in normal and emergency
 * mode, a community's own items, and the dated tasks generated from them every day (idempotent), completed with
 * their evidence; overdue tasks on the person's list and the community's board; the completion-rate figure.
 */
export const dutiesModule = defineModule({
  name: 'duties',
  routes: dutiesRoutes,
  // A photo of ≤ 2 MB and the multipart's few fields around it; bigger bodies get 413 before they are read.
  uploads: [{ path: TASK_PHOTO_PATH, maxBytes: PHOTO_UPLOAD_MAX_BYTES }],
  permissions: {
    'duty:read': { zh: '查看职责清单', en: 'Read duty lists' },
    'duty:manage': { zh: '维护职责清单', en: 'Edit duty lists' },
    'duty:task': { zh: '办理本人职责任务', en: 'Do one’s own duty tasks' },
    'duty:board': { zh: '查看任务完成情况', en: 'Read duty task completion' },
    'duty:generate': { zh: '生成职责任务', en: 'Generate duty tasks' },
  },
  grants: {
    street_admin: ['duty:read', 'duty:board'],
    inspector: ['duty:read', 'duty:board'],
    community_secretary: ['duty:read', 'duty:manage', 'duty:task', 'duty:board'],
    community_worker: ['duty:read', 'duty:manage', 'duty:board'],
    branch_secretary: ['duty:read', 'duty:task', 'duty:board'],
    grid_worker: ['duty:read', 'duty:task'],
    building_leader: ['duty:read', 'duty:task'],
    party_member: ['duty:read', 'duty:task'],
  },
  errors: dutyErrors,
  audit: {
    actions: {
      'duty_item.created': { zh: '新增职责事项', en: 'Duty item added' },
      'duty_item.updated': { zh: '修改职责事项', en: 'Duty item edited' },
      'duty_item.retired': { zh: '停用职责事项', en: 'Duty item retired' },
      'duty_task.completed': { zh: '完成职责任务', en: 'Duty task completed' },
      'duty_task.photo_attached': { zh: '上传任务照片', en: 'Duty task photo attached' },
      'duty_task.raised': { zh: '派发职责任务', en: 'Duty task raised' },
      'duty_tasks.generated': { zh: '生成职责任务', en: 'Duty tasks generated' },
    },
    entityTypes: {
      duty_item: { zh: '职责事项', en: 'Duty item' },
      duty_task: { zh: '职责任务', en: 'Duty task' },
      duty_generation: { zh: '任务生成', en: 'Task generation' },
    },
    ...dutiesAudit,
  },
  figures: [
    {
      keys: {
        dutyCompletionRate: { zh: '职责任务按时完成率', en: 'Duty tasks done on time (share)' },
        dutyTasksOverdue: { zh: '逾期未完成职责任务', en: 'Duty tasks overdue' },
      },
      compute: ({ db, scope, code, from, asOf }) => countDutyFigures(db, scope, code, from, asOf),
      // Tasks are generated daily and completed often: the duties' tables bump their own data set.
      dataSets: ['duties'],
    },
  ],
  jobs: ({ db, logger }) => ({
    handlers: {
      [DUTIES_GENERATE]: async () => {
        const { created } = await runGeneration(
          db,
          {
            userId: null,
            name: DUTIES_GENERATE,
            role: null,
            requestId: `job:${DUTIES_GENERATE}:${shanghaiDay()}`,
            ip: null,
            userAgent: null,
          },
          {},
        );
        logger.info({ created }, 'duty tasks generated');
      },
    },
    schedules: [schedule(DUTIES_GENERATE, '10 0 * * *', DUTIES_GENERATE)],
  }),
  maintain: ['duty_items', 'duty_tasks', 'duty_task_assignees'],
  demo: {
    deferred: true,
    after: ['territory', 'registry', 'accounts', 'people', 'leaders', 'party'],
    generate: generateDutiesDemo,
  },
});
