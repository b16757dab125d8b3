import { z } from '@hono/zod-openapi';
import { roleAssignmentSchema, textSchema } from '../../core/auth/auth.schemas.ts';
import { mobilePattern } from '../../core/auth/personal-data.ts';
import { roleCodes, scopeKinds } from '../../core/auth/roles.ts';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';

export const usernameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
    bi(
      '用户名须以字母开头，3–32 位字母、数字或 _ . -',
      'The username must start with a letter and have 3–32 letters, digits or _ . -',
    ),
  );

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, bi('请填写姓名', 'The name is required'))
  .max(40, bi('姓名最多 40 个字', 'The name is at most 40 characters'))
  .regex(/^[^<>"'`\\]*$/, bi('姓名不能包含 < > " \' ` \\ 等字符', 'The name must not contain < > " \' ` \\'));

export const mobileSchema = z
  .string()
  .trim()
  .regex(
    mobilePattern,
    bi('手机号须为 11 位、以 1 开头的大陆手机号', 'The mobile number must be 11 digits starting with 1'),
  );

export const assignmentInput = z
  .strictObject({
    role: z.enum(roleCodes),
    scopeKind: z.enum(scopeKinds),
    scopeIds: z.array(z.uuid()).max(500).default([]),
  })
  .openapi('RoleAssignmentInput');
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const createAccountBody = z
  .strictObject({
    username: usernameSchema,
    displayName: displayNameSchema,
    mobile: mobileSchema.nullable().optional(),
    password: z.string().min(1).max(128),
    roles: z.array(assignmentInput).max(20).default([]),
  })
  .openapi('CreateAccountRequest');

export const updateAccountBody = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    mobile: mobileSchema.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .openapi('UpdateAccountRequest');

export const resetPasswordBody = z
  .strictObject({ newPassword: z.string().min(1).max(128) })
  .openapi('ResetPasswordRequest');

export const setRolesBody = z
  .strictObject({ roles: z.array(assignmentInput).max(20) })
  .openapi('SetRolesRequest');

export const accountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mobile: z.string().nullable().openapi({ description: 'Masked (138****5678)' }),
    status: z.enum(['active', 'disabled']),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    roles: z.array(roleAssignmentSchema),
  })
  .openapi('Account');
export type Account = z.infer<typeof accountSchema>;

export const accountListQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .max(50)
    .optional()
    .openapi({ description: 'Part of username or name, or a whole mobile number' }),
  status: z.enum(['active', 'disabled']).optional(),
  role: z.enum(roleCodes).optional(),
});

export const accountListSchema = z.object({ data: z.array(accountSchema), page: pageInfo });

export const roleCatalogueSchema = z.object({
  data: z.array(
    z.object({
      code: z.enum(roleCodes),
      name: textSchema,
      permissions: z.array(z.string().openapi({ example: 'resident:read' })),
      scopeKinds: z.array(z.enum(scopeKinds)),
      grantable: z.boolean().openapi({ description: 'Whether the caller may grant this role' }),
    }),
  ),
});
