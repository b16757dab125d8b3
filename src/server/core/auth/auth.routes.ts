import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ModuleDeps } from '../kit/module.ts';
import { actorOf, requireAuth, type AppEnv } from '../http/context.ts';
import { AppError, errors } from '../http/errors.ts';
import { SESSION_COOKIE, USER_HINT_COOKIE } from '../http/middleware.ts';
import { createRouter, route, errorResponses, jsonContent } from '../http/openapi.ts';
import { changePasswordBody, loginBody, meSchema, type Me } from './auth.schemas.ts';
import { changeOwnPassword, hashToken, loadSession, login, logout, resolveSession } from './auth.service.ts';
import { allPermissions } from './catalogue.ts';
import { roles } from './roles.ts';
import { permissionsOf, type AuthContext } from './scope.ts';

/** What a session may still do while its account must change its password (first sign-in, or after a reset). */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  'GET /api/v1/me',
  'POST /api/v1/me/password',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/login',
]);

/**
 * Loads the caller from the session cookie; a bad or expired cookie is cleared and remembered for a clear 401.
 * A caller who must change their password gets 403 PASSWORD_CHANGE_REQUIRED on every other /api/v1 route, so
 * the forced change holds for API clients too, not only in the web app.
 */
export function sessionMiddleware(deps: ModuleDeps): MiddlewareHandler<AppEnv> {
  const policy = { idleMs: deps.config.sessionIdleMs, absoluteMs: deps.config.sessionAbsoluteMs };
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('auth', undefined);
    c.set('sessionExpired', false);
    if (token) {
      try {
        c.set('auth', await resolveSession(deps.db, policy, token));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        c.set('sessionExpired', true);
      }
    }
    if (!c.get('auth') && getCookie(c, USER_HINT_COOKIE) !== undefined) {
      deleteCookie(c, USER_HINT_COOKIE, { path: '/' });
    }
    if (
      c.get('auth')?.user.mustChangePassword &&
      c.req.path.startsWith('/api/v1/') &&
      !WHILE_PASSWORD_MUST_CHANGE.has(`${c.req.method} ${c.req.path}`)
    ) {
      throw errors.passwordChangeRequired();
    }
    await next();
  };
}

/** Names the signed-in user for the page (USER_HINT_COOKIE), expiring with the session cookie when given. */
function setUserHint(c: Context<AppEnv>, userId: string, secure: boolean, expires?: Date) {
  if (getCookie(c, USER_HINT_COOKIE) === userId && !expires) return;
  setCookie(c, USER_HINT_COOKIE, userId, {
    sameSite: 'Lax',
    secure,
    path: '/',
    ...(expires ? { expires } : {}),
  });
}

export function presentMe(auth: AuthContext): Me {
  const permissions = permissionsOf(auth);
  const held = new Set<string>(permissions);
  return {
    id: auth.user.id,
    username: auth.user.username,
    displayName: auth.user.displayName,
    mustChangePassword: auth.user.mustChangePassword,
    roles: auth.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      roleName: roles[a.role].name,
      scopeKind: a.scopeKind,
      scopeIds: a.scopeIds,
      territories: a.territories,
      sourceKind: a.sourceKind,
    })),
    permissions,
    permissionNames: Object.fromEntries(allPermissions().filter(([p]) => held.has(p))),
  };
}

export function authRoutes(deps: ModuleDeps) {
  const policy = { idleMs: deps.config.sessionIdleMs, absoluteMs: deps.config.sessionAbsoluteMs };
  return createRouter()
    .openapi(
      route('public', {
        method: 'post',
        path: '/auth/login',
        tags: ['auth'],
        summary: 'Sign in with username or mobile number and password; sets the session cookie',
        request: { body: { content: jsonContent(loginBody), required: true } },
        responses: {
          200: { description: 'Signed in', content: jsonContent(z.object({ data: meSchema })) },
          ...errorResponses(400, 401, 403, 429),
        },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const result = await login({ db: deps.db, keys: deps.keys, session: policy }, input, actorOf(c));
        setCookie(c, SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: deps.config.cookieSecure,
          path: '/',
          expires: result.expiresAt,
        });
        // Not cached: the first request of the new session loads it again, so nothing stale can linger.
        const auth = await loadSession(deps.db, policy, hashToken(result.token), { remember: false });
        setUserHint(c, auth.user.id, deps.config.cookieSecure, result.expiresAt);
        return c.json({ data: presentMe(auth) }, 200);
      },
    )
    .openapi(
      route('signed-in', {
        method: 'post',
        path: '/auth/logout',
        tags: ['auth'],
        summary: 'Sign out: revokes the session and clears the cookie',
        responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
      }),
      async (c) => {
        const auth = requireAuth(c);
        await logout(deps.db, auth, actorOf(c));
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        deleteCookie(c, USER_HINT_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    )
    .openapi(
      route('signed-in', {
        method: 'get',
        path: '/me',
        tags: ['auth'],
        summary: 'The signed-in user with roles, permissions and scopes',
        responses: {
          200: { description: 'The caller', content: jsonContent(z.object({ data: meSchema })) },
          ...errorResponses(401),
        },
      }),
      (c) => {
        const auth = requireAuth(c);
        // A session begun before the hint existed (or through the API) gets it here, lasting for the browser session.
        setUserHint(c, auth.user.id, deps.config.cookieSecure);
        return c.json({ data: presentMe(auth) }, 200);
      },
    )
    .openapi(
      route('signed-in', {
        method: 'post',
        path: '/me/password',
        tags: ['auth'],
        summary: 'Change the caller’s own password; other sessions are signed out',
        request: { body: { content: jsonContent(changePasswordBody), required: true } },
        responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 429) },
      }),
      async (c) => {
        const auth = requireAuth(c);
        await changeOwnPassword(deps.db, auth, c.req.valid('json'), actorOf(c));
        return c.body(null, 204);
      },
    );
}
