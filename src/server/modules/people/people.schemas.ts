import { z } from '@hono/zod-openapi';
import { mobilePattern } from '../../core/auth/personal-data.ts';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { personGenders } from './people.tables.ts';

const personName = z
  .string()
  .trim()
  .min(1, bi('请填写姓名', 'The name is required'))
  .max(40, bi('姓名最多 40 个字', 'The name is at most 40 characters'))
  .regex(
    /^[^<>"'`\\\d]*$/,
    bi('姓名不能包含数字或 < > " \' ` \\ 等字符', 'The name must not contain digits or < > " \' ` \\'),
  );

const mobileSchema = z
  .string()
  .trim()
  .regex(
    mobilePattern,
    bi('手机号须为 11 位、以 1 开头的大陆手机号', 'The mobile number must be 11 digits starting with 1'),
  );

const fromResident = bi('由居民信息带出，不能填写', 'Taken from the resident; leave it out');
const required = bi('未选择居民时此项必填', 'Required when no resident is chosen');

/**
 * A new person: either a resident of the registry (`residentId`: name, gender and place come from the resident) or
 * a person standing alone (`name` and the grid or community they live or serve in, `territoryId`).
 */
export const createPersonBody = z
  .strictObject({
    residentId: z.uuid().optional().openapi({ description: 'A resident inside the caller’s scope' }),
    name: personName.optional(),
    gender: z.enum(personGenders).optional(),
    mobile: mobileSchema.nullable().optional(),
    territoryId: z
      .uuid()
      .optional()
      .openapi({ description: 'A grid or community inside the caller’s scope (without residentId)' }),
  })
  .superRefine((body, ctx) => {
    const fields = ['name', 'gender', 'territoryId'] as const;
    if (body.residentId !== undefined) {
      for (const field of fields) {
        if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: fromResident });
      }
      return;
    }
    for (const field of ['name', 'territoryId'] as const) {
      if (body[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: required });
    }
  })
  .openapi('CreatePersonRequest');
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const linkAccountBody = z
  .strictObject({
    userId: z.uuid().nullable().openapi({ description: 'The account to link; null unlinks the current one' }),
  })
  .openapi('LinkPersonAccountRequest');

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(personGenders).nullable(),
    mobile: z.string().nullable().openapi({ description: 'Masked (138****5678)' }),
    residentId: z.string().nullable().openapi({ description: 'The resident this person is, if registered' }),
    territoryCode: z
      .string()
      .openapi({ description: 'Where the person lives or serves (grid or community)' }),
    territoryName: z.string().nullable(),
    account: z
      .object({ id: z.string(), displayName: z.string() })
      .nullable()
      .openapi({ description: 'The account linked to this person' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Person');
export type PersonView = z.infer<typeof personSchema>;

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional().openapi({ description: 'Part of a name' }),
  territoryId: z.uuid().optional().openapi({ description: 'Only persons in this place (inside the scope)' }),
  account: z
    .enum(['linked', 'unlinked'])
    .optional()
    .openapi({ description: 'Only persons with (or without) an account' }),
});
export type PersonFilter = z.infer<typeof personListQuery>;

export const personListSchema = z.object({ data: z.array(personSchema), page: pageInfo });
