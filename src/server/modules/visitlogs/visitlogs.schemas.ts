import { z } from '@hono/zod-openapi';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { followUpStatuses, placeKinds, visitLogKinds } from './visitlogs.tables.ts';

/** Tags the form suggests (free tags are allowed too). */
export const suggestedTags = [
  '独居老人',
  '助餐',
  '就医',
  '养老服务',
  '残疾人',
  '低保困难',
  '未成年人',
  '就业',
  '停车',
  '噪音扰民',
  '楼道堆物',
  '环境卫生',
  '物业服务',
  '加装电梯',
  '违章搭建',
  '邻里纠纷',
  '家庭矛盾',
  '安全隐患',
  '燃气安全',
  '电动车充电',
  '房屋漏水',
  '供暖',
  '政策咨询',
  '表扬',
] as const;

/** A day (YYYY-MM-DD) between 2000 and 2099. */
const day = z.iso
  .date(bi('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'))
  .refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    bi('日期须在 2000 年至 2099 年之间', 'The date must lie between 2000 and 2099'),
  );

const logText = z
  .string()
  .trim()
  .min(2, bi('请填写日志内容（至少 2 个字）', 'Write what you learned (at least 2 characters)'))
  .max(2000, bi('最多 2000 个字', 'At most 2000 characters'));

/** Checked as stored: NFKC first (a compatibility comma "﹐" becomes ",", one ligature eighteen letters). */
const tag = z
  .string()
  .normalize('NFKC')
  .trim()
  .min(1, bi('标签不能为空', 'A tag cannot be empty'))
  .max(20, bi('标签最多 20 个字', 'A tag has at most 20 characters'))
  .refine((t) => !/[,，;；\s]/u.test(t), bi('标签不能含空格或逗号', 'A tag cannot hold spaces or commas'));

const tags = z
  .array(tag)
  .max(10, bi('最多 10 个标签', 'At most 10 tags'))
  .transform((list) => [...new Set(list)]);

const householdIds = z
  .array(z.uuid(bi('须为 UUID', 'Must be a UUID')))
  .max(20, bi('最多关联 20 户', 'At most 20 households'))
  .transform((list) => [...new Set(list)]);

export const createVisitLogBody = z
  .strictObject({
    kind: z.enum(visitLogKinds),
    text: logText,
    tags: tags.optional(),
    householdIds: householdIds.optional().openapi({
      description: 'Households the entry concerns (0..20, of one grid, inside the writer’s scope)',
    }),
    placeId: z.uuid(bi('须为 UUID', 'Must be a UUID')).optional().openapi({
      description: 'A building or a grid the entry concerns; required when no household is given',
    }),
    occurredOn: day.openapi({ description: 'The day it was learned (not in the future)' }),
    followUp: z.enum(followUpStatuses).optional(),
    clientId: z.uuid(bi('须为 UUID', 'Must be a UUID')).optional().openapi({
      description:
        'An id the phone gives a log written offline: the same id sent again answers the stored log (200)',
    }),
  })
  .superRefine((body, ctx) => {
    if (!body.placeId && !(body.householdIds && body.householdIds.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['placeId'],
        message: bi('请选择关联的住户、楼栋或网格', 'Choose the households, building or grid it concerns'),
      });
    }
  })
  .openapi('CreateVisitLogRequest');
export type CreateVisitLogInput = z.infer<typeof createVisitLogBody>;

export const updateVisitLogBody = z
  .strictObject({
    kind: z.enum(visitLogKinds).optional(),
    text: logText.optional(),
    tags: tags.optional(),
    occurredOn: day.optional(),
  })
  .openapi('UpdateVisitLogRequest');
export type UpdateVisitLogInput = z.infer<typeof updateVisitLogBody>;

export const commentBody = z
  .strictObject({
    text: z
      .string()
      .trim()
      .min(1, bi('请填写批注', 'Write the comment'))
      .max(1000, bi('最多 1000 个字', 'At most 1000 characters')),
  })
  .openapi('VisitLogCommentRequest');

export const followUpBody = z
  .strictObject({ followUp: z.enum(followUpStatuses) })
  .openapi('VisitLogFollowUpRequest');

export const visitLogListQuery = pageQuery
  .extend({
    q: z
      .string()
      .trim()
      .max(40, bi('最多 40 个字', 'At most 40 characters'))
      .optional()
      .openapi({ description: 'Words anywhere in the text (Chinese substring search)' }),
    kind: z.enum(visitLogKinds).optional(),
    tag: tag.optional(),
    followUp: z.enum(followUpStatuses).optional(),
    authorId: z.uuid().optional().openapi({ description: 'The author’s account' }),
    mine: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true')
      .openapi({ description: 'Only the caller’s own entries' }),
    territoryId: z.uuid().optional().openapi({ description: 'A street, community or grid' }),
    buildingId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    from: day.optional().openapi({ description: 'First day (occurredOn)' }),
    to: day.optional().openapi({ description: 'Last day (occurredOn)' }),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: bi('结束日期不能早于开始日期', 'The last day cannot come before the first'),
      });
    }
  });
export type VisitLogFilter = z.infer<typeof visitLogListQuery>;

const commentSchema = z
  .object({
    id: z.uuid(),
    authorUserId: z.uuid().nullable(),
    authorName: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .openapi('VisitLogComment');

const householdRef = z.object({ id: z.uuid(), address: z.string() });

export const visitLogSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(visitLogKinds),
    text: z.string(),
    tags: z.array(z.string()),
    placeKind: z.enum(placeKinds),
    placeName: z.string().openapi({ description: 'The grid, building or households’ building' }),
    territoryCode: z.string(),
    gridId: z.uuid(),
    buildingId: z.uuid().nullable(),
    households: z.array(householdRef),
    occurredOn: z.string(),
    followUp: z.enum(followUpStatuses),
    authorUserId: z.uuid().nullable(),
    authorName: z.string(),
    comments: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Whether the caller may still edit it (their own, within 7 days, no comment yet). */
    editable: z.boolean(),
  })
  .openapi('VisitLog');
export type VisitLogView = z.infer<typeof visitLogSchema>;

export const visitLogDetailSchema = visitLogSchema
  .extend({ commentList: z.array(commentSchema) })
  .openapi('VisitLogDetail');

export const visitLogListSchema = z.object({
  data: z.array(visitLogSchema),
  page: pageInfo,
});

export const visitLogTagsSchema = z.object({
  data: z.object({
    suggested: z.array(z.string()),
    used: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  }),
});
