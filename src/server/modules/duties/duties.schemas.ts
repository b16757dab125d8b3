import { z } from '@hono/zod-openapi';
import { bi } from '../../core/http/validation.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { photoField, photoTypes } from '../../core/photos/photos.ts';
import {
  dutyEvidence,
  dutyFrequencies,
  dutyModes,
  roleGroups,
  sharedGroups,
  taskStatuses,
} from './duties.tables.ts';

/** A day (YYYY-MM-DD) between 2000 and 2099. */
const day = z.iso
  .date(bi('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'))
  .refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    bi('日期须在 2000 年至 2099 年之间', 'The date must lie between 2000 and 2099'),
  );

const title = z
  .string()
  .trim()
  .min(1, bi('请填写事项名称', 'The title is required'))
  .max(100, bi('最多 100 个字', 'At most 100 characters'));
const description = z.string().trim().max(500, bi('最多 500 个字', 'At most 500 characters'));

type ItemFields = {
  roleGroup?: (typeof roleGroups)[number];
  shared?: boolean;
  startsOn?: string;
  endsOn?: string | null;
};

function checkItem(body: ItemFields, ctx: z.RefinementCtx) {
  if (body.shared && body.roleGroup && !sharedGroups.includes(body.roleGroup)) {
    ctx.addIssue({
      code: 'custom',
      path: ['shared'],
      message: bi(
        '只有网格党支部书记和网格员的事项可设为共同责任',
        'Only a branch secretary’s or a grid worker’s item can be a shared duty',
      ),
    });
  }
  if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: bi('停用日期不能早于启用日期', 'The last day cannot come before the first'),
    });
  }
}

export const createItemBody = z
  .strictObject({
    communityId: z.uuid().optional().openapi({
      description:
        'A community adding its own item (inside the caller’s scope); absent: the county’s template',
    }),
    roleGroup: z.enum(roleGroups),
    title,
    description: description.optional(),
    mode: z.enum(dutyModes).optional().openapi({ description: 'normal (平时) or emergency (应急); normal' }),
    frequency: z.enum(dutyFrequencies),
    evidence: z.enum(dutyEvidence).optional().openapi({ description: 'What completing it needs; none' }),
    shared: z.boolean().optional().openapi({
      description:
        'A duty shared by the grid’s branch secretary and grid workers (共同责任): one task per grid',
    }),
    sortOrder: z.number().int().min(0).max(999).optional(),
    startsOn: day.optional().openapi({ description: 'First day in force; today when absent' }),
    endsOn: day.optional().openapi({ description: 'Last day in force (retired after it)' }),
  })
  .superRefine(checkItem)
  .openapi('CreateDutyItemRequest');
export type CreateItemInput = z.infer<typeof createItemBody>;

export const updateItemBody = z
  .strictObject({
    title: title.optional(),
    description: description.nullable().optional(),
    mode: z.enum(dutyModes).optional(),
    frequency: z.enum(dutyFrequencies).optional(),
    evidence: z.enum(dutyEvidence).optional(),
    shared: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(999).optional(),
    endsOn: day.nullable().optional().openapi({
      description: 'Retire the item after this day (null: in force again); items are never deleted',
    }),
  })
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: bi('没有要修改的内容', 'Nothing to change') });
    }
  })
  .openapi('UpdateDutyItemRequest');
export type UpdateItemInput = z.infer<typeof updateItemBody>;

export const itemListQuery = z.object({
  roleGroup: z.enum(roleGroups).optional(),
  mode: z.enum(dutyModes).optional(),
  retired: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: retired items too (default: only those in force today or later)' }),
});

export const itemSchema = z
  .object({
    id: z.uuid(),
    communityId: z.uuid().nullable(),
    communityName: z.string().nullable(),
    roleGroup: z.enum(roleGroups),
    title: z.string(),
    description: z.string().nullable(),
    mode: z.enum(dutyModes),
    frequency: z.enum(dutyFrequencies),
    evidence: z.enum(dutyEvidence),
    shared: z.boolean(),
    sortOrder: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    retired: z.boolean(),
    /** Whether the caller may edit it (the template: the county; a community's item: that community). */
    editable: z.boolean(),
  })
  .openapi('DutyItem');
export type ItemView = z.infer<typeof itemSchema>;

export const taskSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    roleGroup: z.enum(roleGroups).nullable(),
    mode: z.enum(dutyModes),
    frequency: z.enum(dutyFrequencies).nullable(),
    evidence: z.enum(dutyEvidence),
    shared: z.boolean(),
    periodStart: z.string(),
    dueOn: z.string(),
    territoryCode: z.string(),
    territoryName: z.string().nullable(),
    status: z.enum(taskStatuses),
    overdue: z.boolean(),
    doneAt: z.string().nullable(),
    doneLate: z.boolean(),
    /** The evidence note (only to its assignees and to those holding duty:board in its place). */
    note: z.string().nullable(),
    /** Whether a photo is attached as evidence (GET /duties/tasks/{id}/photo). */
    photo: z.boolean(),
    assignees: z.array(z.object({ name: z.string(), roleGroup: z.enum(roleGroups).nullable() })),
  })
  .openapi('DutyTask');
export type TaskView = z.infer<typeof taskSchema>;

export const myTasksQuery = z.object({
  view: z.enum(['today', 'week', 'overdue', 'done']).optional().openapi({
    description:
      'today: open on today (default); week: due this week; overdue: past due and not done; done: the last 30 days',
  }),
});

export const taskListQuery = z
  .object({
    territoryId: z.uuid().optional(),
    status: z.enum(['open', 'done', 'overdue']).optional(),
    from: day.optional().openapi({ description: 'Due on or after this day' }),
    to: day.optional().openapi({ description: 'Due on or before this day' }),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .openapi('DutyTaskListQuery');

export const boardQuery = z.object({
  territoryId: z.uuid().optional(),
  from: day.optional().openapi({ description: 'Tasks due from this day; 28 days ago when absent' }),
  to: day.optional().openapi({ description: 'Tasks due up to this day; today when absent' }),
});

const boardCounts = {
  due: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  /** doneOnTime / tasks whose due day has passed or that are done (null when none). */
  rate: z.number().nullable(),
};

export const boardSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.object(boardCounts),
    people: z.array(
      z.object({
        holderKey: z.uuid(),
        name: z.string(),
        roleGroup: z.enum(roleGroups).nullable(),
        territoryName: z.string().nullable(),
        ...boardCounts,
      }),
    ),
  })
  .openapi('DutyBoard');

export const completeBody = z
  .strictObject({
    note: z
      .string()
      .trim()
      .max(500, bi('最多 500 个字', 'At most 500 characters'))
      .optional()
      .openapi({ description: 'The evidence: required when the item asks for a note or a visit record' }),
    clientId: z.uuid(bi('须为 UUID', 'Must be a UUID')).optional().openapi({
      description:
        'Generated by the client (a phone’s queue): the same completion sent again answers the done task (200) instead of 409',
    }),
    doneAt: z.iso
      .datetime({ offset: true, message: bi('时间格式不正确', 'The time must be an ISO date-time') })
      .optional()
      .openapi({
        description:
          'When the task was done (the phone’s clock, for a completion queued offline and sent later): not before the task’s first day nor in the future; now when absent',
      }),
  })
  .openapi('CompleteDutyTaskRequest');
export type CompleteInput = z.infer<typeof completeBody>;

export const taskPhotoBody = z.object({
  taskId: z.uuid(bi('须为任务的 UUID', 'Must be the UUID of a task')),
  photo: photoField,
});

export const taskPhotoSchema = z
  .object({
    taskId: z.uuid(),
    contentType: z.enum(photoTypes),
    width: z.number().int(),
    height: z.number().int(),
  })
  .openapi('DutyTaskPhoto');

export const generateBody = z
  .strictObject({
    from: day.optional().openapi({ description: 'First day; today when absent' }),
    to: day.optional().openapi({ description: 'Last day; `from` when absent (at most 62 days)' }),
    emergency: z.boolean().optional().openapi({ description: 'Also the emergency items (应急状态)' }),
  })
  .superRefine((body, ctx) => {
    // Either day may be absent: `from` is then today, and the range is checked against it all the same.
    if (body.to) {
      const days = (Date.parse(body.to) - Date.parse(body.from ?? shanghaiDay())) / 86_400_000;
      if (days < 0 || days > 62) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: bi(
            '结束日期须在开始日期之后 62 天以内',
            'The last day must lie within 62 days after the first',
          ),
        });
      }
    }
  })
  .openapi('GenerateDutyTasksRequest');
