import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Actor } from '../auth/audit.ts';
import { rolesOf } from '../auth/auth.service.ts';
import type { Permission } from '../auth/roles.ts';
import type { AuthContext, Scope } from '../auth/scope.ts';
import { errors, type Lang } from './errors.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    lang: Lang;
    ip: string | null;
    /** The signed-in caller, when the request carries a valid session. */
    auth: AuthContext | undefined;
    /** The request carried a session cookie that is revoked, expired or forged. */
    sessionExpired: boolean;
    /** The caller's scope of each permission the route requires, set by its access check (routeScope). */
    scopes: Map<Permission, Scope> | undefined;
    /** Origins the page's Content-Security-Policy allows images from besides its own, space-separated (app.ts). */
    imageSources: string | undefined;
  };
};

/** The signed-in caller; 401 UNAUTHENTICATED without a session, SESSION_EXPIRED with a dead one. */
export function requireAuth(c: Context<AppEnv>): AuthContext {
  const auth = c.get('auth');
  if (auth) return auth;
  throw c.get('sessionExpired') ? errors.sessionExpired() : errors.unauthenticated();
}

/** The actor that services write into audit rows. */
export function actorOf(c: Context<AppEnv>): Actor {
  const auth = c.get('auth');
  return {
    userId: auth?.user.id ?? null,
    name: auth?.user.displayName ?? null,
    role: auth ? rolesOf(auth.assignments) : null,
    requestId: c.get('requestId'),
    ip: c.get('ip'),
    userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
  };
}
