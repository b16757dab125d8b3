import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { permissionsOfRole } from '../../core/auth/catalogue.ts';
import { roleCodes, roles } from '../../core/auth/roles.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import { createRouter, route, errorResponses, jsonContent, uuidParam } from '../../core/http/openapi.ts';
import {
  accountListQuery,
  accountListSchema,
  accountSchema,
  createAccountBody,
  resetPasswordBody,
  roleCatalogueSchema,
  setRolesBody,
  updateAccountBody,
} from './accounts.schemas.ts';
import {
  canGrant,
  createAccount,
  getAccount,
  listAccounts,
  resetPassword,
  revealMobile,
  setRoles,
  updateAccount,
} from './accounts.service.ts';

const accountResponse = jsonContent(z.object({ data: accountSchema }));

export function accountRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('signed-in', {
        method: 'get',
        path: '/roles',
        tags: ['accounts'],
        summary: 'The role catalogue, with which roles the caller may grant',
        responses: {
          200: { description: 'Roles', content: jsonContent(roleCatalogueSchema) },
          ...errorResponses(401),
        },
      }),
      (c) => {
        const auth = requireAuth(c);
        const data = roleCodes.map((code) => ({
          code,
          name: roles[code].name,
          permissions: permissionsOfRole(code),
          scopeKinds: [...roles[code].scopeKinds],
          grantable: canGrant(auth, code),
        }));
        return c.json({ data }, 200);
      },
    )
    .openapi(
      route('account:read', {
        method: 'get',
        path: '/accounts',
        tags: ['accounts'],
        summary: 'Accounts within the caller’s scope',
        request: { query: accountListQuery },
        responses: {
          200: { description: 'A page', content: jsonContent(accountListSchema) },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const { rows, total } = await listAccounts(deps, requireAuth(c), query);
        return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
      },
    )
    .openapi(
      route('account:write', {
        method: 'post',
        path: '/accounts',
        tags: ['accounts'],
        summary: 'Create an account with roles; the user must change the password at first sign-in',
        request: { body: { content: jsonContent(createAccountBody), required: true } },
        responses: {
          201: { description: 'Created', content: accountResponse },
          ...errorResponses(400, 401, 403, 409, 429),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const id = await createAccount(deps, auth, actorOf(c), c.req.valid('json'));
        return c.json({ data: await getAccount(deps, auth, id) }, 201);
      },
    )
    .openapi(
      route('account:read', {
        method: 'get',
        path: '/accounts/{id}',
        tags: ['accounts'],
        summary: 'One account',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The account', content: accountResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await getAccount(deps, requireAuth(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('account:write', {
        method: 'patch',
        path: '/accounts/{id}',
        tags: ['accounts'],
        summary: 'Change name or mobile number, or disable / enable the account',
        request: { params: uuidParam, body: { content: jsonContent(updateAccountBody), required: true } },
        responses: {
          200: { description: 'Updated', content: accountResponse },
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const { id } = c.req.valid('param');
        await updateAccount(deps, auth, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await getAccount(deps, auth, id) }, 200);
      },
    )
    .openapi(
      route('account:write', {
        method: 'post',
        path: '/accounts/{id}/password-reset',
        tags: ['accounts'],
        summary:
          'Set a new password; the account’s sessions end and it must change the password at next sign-in',
        request: { params: uuidParam, body: { content: jsonContent(resetPasswordBody), required: true } },
        responses: { 204: { description: 'Reset' }, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        await resetPassword(
          deps,
          requireAuth(c),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json').newPassword,
        );
        return c.body(null, 204);
      },
    )
    .openapi(
      route('account:write', {
        method: 'put',
        path: '/accounts/{id}/roles',
        tags: ['accounts'],
        summary: 'Replace the account’s role assignments and their scopes',
        request: { params: uuidParam, body: { content: jsonContent(setRolesBody), required: true } },
        responses: {
          200: { description: 'Updated', content: accountResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const { id } = c.req.valid('param');
        await setRoles(deps, auth, actorOf(c), id, c.req.valid('json').roles);
        return c.json({ data: await getAccount(deps, auth, id) }, 200);
      },
    )
    .openapi(
      route(['account:read', 'personal:reveal'], {
        method: 'post',
        path: '/accounts/{id}/reveal',
        tags: ['accounts'],
        summary: 'Show the account’s full mobile number (audited)',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'Clear values',
            content: jsonContent(z.object({ data: z.object({ mobile: z.string().nullable() }) })),
          },
          ...errorResponses(401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await revealMobile(deps, requireAuth(c), actorOf(c), c.req.valid('param').id) }, 200),
    );
}
