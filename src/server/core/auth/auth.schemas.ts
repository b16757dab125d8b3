import { z } from '@hono/zod-openapi';
import { roleCodes, scopeKinds } from './roles.ts';

export const textSchema = z.object({ zh: z.string(), en: z.string() });

export const loginBody = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .openapi({ description: 'Username or mobile number', example: 'admin' }),
    password: z.string().min(1).max(128).openapi({ example: 'wuwei-demo' }),
  })
  .openapi('LoginRequest');

export const changePasswordBody = z
  .strictObject({
    currentPassword: z.string().min(1).max(128),
    newPassword: z.string().min(1).max(128),
  })
  .openapi('ChangePasswordRequest');

export const scopeTerritorySchema = z.object({
  id: z.string(),
  level: z.string(),
  code: z.string(),
  name: z.string(),
});

export const roleAssignmentSchema = z
  .object({
    id: z.string(),
    role: z.enum(roleCodes),
    roleName: textSchema,
    scopeKind: z.enum(scopeKinds),
    scopeIds: z.array(z.string()),
    territories: z.array(scopeTerritorySchema),
    sourceKind: z.string().nullable().openapi({
      description:
        'The kind of position that gave this access (e.g. building_leader); null when granted by hand. Such roles end with the position and are not edited on the account.',
    }),
  })
  .openapi('RoleAssignment');

export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    roles: z.array(roleAssignmentSchema),
    permissions: z.array(z.string().openapi({ example: 'resident:read' })),
    permissionNames: z
      .record(z.string(), textSchema)
      .openapi({ description: 'The name of each of `permissions` in both languages' }),
  })
  .openapi('Me');

export type Me = z.infer<typeof meSchema>;
