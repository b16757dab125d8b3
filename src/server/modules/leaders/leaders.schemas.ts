import { z } from '@hono/zod-openapi';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { leaderNominations, leaderTags, leaderTermStatuses } from './leaders.tables.ts';

/** A day (YYYY-MM-DD) between 2000 and 2099: terms are appointed in this century. */
const day = z.iso
  .date(bi('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'))
  .refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    bi('日期须在 2000 年至 2099 年之间', 'The date must lie between 2000 and 2099'),
  );

const note = z.string().trim().max(500, bi('最多 500 个字', 'At most 500 characters'));
const reason = z
  .string()
  .trim()
  .min(1, bi('请填写原因', 'The reason is required'))
  .max(500, bi('最多 500 个字', 'At most 500 characters'));

export const nominateBody = z
  .strictObject({
    buildingId: z.uuid().openapi({ description: 'The building (inside the caller’s scope)' }),
    unitId: z
      .uuid()
      .nullable()
      .optional()
      .openapi({ description: 'A unit of the building: a unit leader instead of the building leader' }),
    personId: z.uuid().optional().openapi({ description: 'An existing person (or give residentId)' }),
    residentId: z
      .uuid()
      .optional()
      .openapi({ description: 'A resident: their person is found, or recorded, from the registry' }),
    nomination: z.enum(leaderNominations),
    note: note.optional(),
    startsOn: day.optional().openapi({ description: 'First day of the term; today when absent' }),
    endsOn: day
      .optional()
      .openapi({ description: 'Last day of the term; a year after the start less a day' }),
    tags: z.array(z.enum(leaderTags)).max(2).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.personId === undefined) === (body.residentId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['personId'],
        message: bi('请选择人员或居民（二选一）', 'Give either a person or a resident'),
      });
    }
    if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: bi('结束日期不能早于开始日期', 'The last day cannot come before the first'),
      });
    }
  })
  .openapi('NominateLeaderRequest');
export type NominateInput = z.infer<typeof nominateBody>;

export const reviewBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    reason: reason.optional().openapi({ description: 'Required when rejecting' }),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'reject' && !body.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: bi('驳回时请填写原因', 'Give a reason for the rejection'),
      });
    }
  })
  .openapi('ReviewLeaderRequest');
export type ReviewInput = z.infer<typeof reviewBody>;

export const endBody = z
  .strictObject({
    reason,
    lastDay: day.optional().openapi({ description: 'The term’s new last day; yesterday when absent' }),
  })
  .openapi('EndLeaderTermRequest');
export type EndInput = z.infer<typeof endBody>;

export const renewBody = z
  .strictObject({
    endsOn: day.optional().openapi({ description: 'Last day of the new term; one more year when absent' }),
    tags: z.array(z.enum(leaderTags)).max(2).optional(),
  })
  .openapi('RenewLeaderTermRequest');
export type RenewInput = z.infer<typeof renewBody>;

export const withdrawBody = z.strictObject({ reason: note.optional() }).openapi('WithdrawLeaderRequest');

/** A PNG or JPEG data URL of at most 128 KB of image (checked again by its magic bytes). */
export const QR_MAX_BYTES = 128 * 1024;
export const chatBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, bi('请填写群名称', 'The group name is required'))
      .max(60, bi('群名称最多 60 个字', 'The group name is at most 60 characters')),
    memberCount: z.number().int().min(0).max(5000),
    qrImage: z
      .string()
      .max(
        Math.ceil((QR_MAX_BYTES * 4) / 3) + 40,
        bi('二维码图片不能超过 128 KB', 'The QR image is at most 128 KB'),
      )
      .regex(
        /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/,
        bi('二维码须为 PNG 或 JPEG 图片', 'The QR image must be a PNG or JPEG image'),
      )
      .nullable()
      .optional(),
  })
  .openapi('BuildingChatRequest');
export type ChatInput = z.infer<typeof chatBody>;

export const termSchema = z
  .object({
    id: z.string(),
    buildingId: z.string(),
    buildingName: z.string(),
    buildingCode: z.string(),
    compound: z.string().nullable(),
    gridCode: z.string(),
    unitId: z.string().nullable(),
    unitNumber: z.number().nullable(),
    personId: z.string(),
    personName: z.string(),
    mobile: z.string().nullable().openapi({ description: 'Masked unless the person agreed to publish it' }),
    status: z.enum(leaderTermStatuses),
    nomination: z.enum(leaderNominations),
    nominationNote: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    tags: z.array(z.enum(leaderTags)),
    reason: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    renewalOf: z.string().nullable(),
    renewed: z.boolean().openapi({ description: 'A renewal of this term is submitted or approved' }),
    remindedAt: z.string().nullable(),
    active: z.boolean().openapi({ description: 'Approved and today lies within the term' }),
    createdAt: z.string(),
  })
  .openapi('LeaderTerm');
export type TermView = z.infer<typeof termSchema>;

export const openedSchema = z
  .object({ username: z.string(), password: z.string() })
  .nullable()
  .openapi({ description: 'The account opened for the leader, shown this once; null when they had one' });

export const termListQuery = pageQuery.extend({
  status: z.enum(leaderTermStatuses).optional(),
  buildingId: z
    .uuid()
    .optional()
    .openapi({ description: 'Only the terms of this building (inside the scope; 404 otherwise)' }),
  territoryId: z.uuid().optional().openapi({
    description: 'A street, community or grid inside the scope (a leader: one holding their buildings)',
  }),
  expiringWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .optional()
    .openapi({ description: 'Only approved terms in force whose last day is within this many days' }),
  active: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only approved terms in force today (true)' }),
});
export type TermFilter = z.infer<typeof termListQuery>;
export const termListSchema = z.object({ data: z.array(termSchema), page: pageInfo });

export const expiringQuery = z.object({
  days: z.coerce.number().int().min(0).max(366).default(30),
  territoryId: z.uuid().optional(),
});

export const chatSchema = z
  .object({
    buildingId: z.string(),
    name: z.string(),
    memberCount: z.number(),
    qrImage: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('BuildingChat');

export const buildingLeadersSchema = z
  .object({
    building: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      compound: z.string().nullable(),
      gridCode: z.string(),
    }),
    current: z.array(termSchema).openapi({ description: 'Approved terms in force today' }),
    history: z.array(termSchema).openapi({ description: 'Every term of the building, newest first' }),
    chat: chatSchema.nullable(),
  })
  .openapi('BuildingLeaders');

export const myLeaderSchema = z
  .object({
    terms: z.array(termSchema),
    buildings: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        compound: z.string().nullable(),
        households: z.number(),
        residents: z.number(),
        chat: chatSchema.nullable(),
      }),
    ),
  })
  .openapi('MyLeaderPage');

export const myHouseholdsQuery = z.object({ buildingId: z.uuid().optional() });
export const myHouseholdSchema = z
  .object({
    id: z.string(),
    buildingId: z.string(),
    buildingName: z.string(),
    unitNumber: z.number(),
    room: z.string(),
    members: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        relation: z.string(),
        phone: z.string().nullable().openapi({ description: 'Masked; call to get it in clear (audited)' }),
      }),
    ),
  })
  .openapi('LeaderHousehold');

export const callSchema = z.object({ phone: z.string().nullable() }).openapi('LeaderCall');
