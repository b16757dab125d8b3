import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { isPermission } from '../auth/catalogue.ts';
import type { Permission } from '../auth/roles.ts';
import { requirePermission, type Scope } from '../auth/scope.ts';
import { requireAuth, type AppEnv } from './context.ts';
import { inputCheck } from './input.ts';
import { validationError } from './validation.ts';

/**
 * Who may call a route: anyone (`public`), any signed-in caller (`signed-in`), or a caller holding a permission (or
 * every permission of a list) in some scope. Where the permissions reach (which records) is the service's to check:
 * out of scope answers 404.
 */
export type Access = 'public' | 'signed-in' | Permission | readonly [Permission, ...Permission[]];

/** The OpenAPI extension naming a route's access; the authorisation matrix test reads it from the document. */
export const ACCESS_EXTENSION = 'x-access';

function permissionsOf(access: Access): readonly Permission[] {
  if (access === 'public' || access === 'signed-in') return [];
  return typeof access === 'string' ? [access] : access;
}

/** Checks the access and keeps the caller's scope of each permission for the handler (routeScope). */
function accessGuard(access: Access): MiddlewareHandler<AppEnv> {
  const needed = permissionsOf(access);
  return async (c, next) => {
    if (access !== 'public') {
      const auth = requireAuth(c);
      const scopes = new Map<Permission, Scope>();
      for (const p of needed) scopes.set(p, requirePermission(auth, p));
      c.set('scopes', scopes);
    }
    await next();
  };
}

/**
 * The caller's scope for the route's permission, checked before the handler ran: the route's only (or first)
 * permission, or the one named from its list. Where the scope reaches is the service's to apply.
 */
export function routeScope(c: Context<AppEnv>, permission?: Permission): Scope {
  const scopes = c.get('scopes');
  const scope = permission ? scopes?.get(permission) : scopes?.values().next().value;
  if (!scope) {
    throw new Error(`routeScope: the route does not declare ${permission ?? 'a permission'} in its access`);
  }
  return scope;
}

/** One instance for every route: it keeps no state. */
const checkInput = inputCheck();

/**
 * A route definition with the access it requires. The access is checked first, then the text of the request at the
 * boundary (http/input.ts), then the route's parameters and body: a caller without the permission learns nothing
 * from validation (401/403, never 400), and the document names the access of every operation (`x-access`).
 */
export function route<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(
  access: Access,
  config: R,
) {
  for (const p of permissionsOf(access)) {
    if (!isPermission(p)) {
      throw new Error(
        `module kit: route ${String(config.method).toUpperCase()} ${String(config.path)} needs unknown permission "${String(p)}" (declare it in a module's permissions)`,
      );
    }
  }
  return createRoute({
    ...config,
    [ACCESS_EXTENSION]: access,
    middleware: [accessGuard(access), checkInput] as const,
  });
}

/** A module router whose request validation failures become the catalogue's VALIDATION_FAILED. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw validationError(result.error, result.target === 'json' ? undefined : result.target);
      }
    },
  });
}

const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

/** Standard error responses for the OpenAPI document. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Not signed in or session expired',
    403: 'Permission missing or cross-site request',
    404: 'Not found or outside the caller’s scope',
    409: 'Conflicts with existing data',
    413: 'Body too large',
    415: 'Body must be JSON',
    429: 'Too many attempts',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s]!, content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).openapi({ example: 20 }),
});

export const pageInfo = z.object({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  totalCapped: z
    .boolean()
    .optional()
    .openapi({ description: 'True when more rows match than were counted: `total` is then a lower bound' }),
});

export const uuidParam = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '0192f7a0-0000-7000-8000-000000000000' }),
});

/** `content` of a JSON request or response in a route definition. */
export function jsonContent<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } };
}
