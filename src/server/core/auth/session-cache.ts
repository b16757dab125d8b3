import type { AuthContext } from './scope.ts';

/**
 * Resolved sessions, kept for a moment so that a burst of requests does not reload the same session and roles for
 * each one. This process forgets a user's entries as soon as it revokes their sessions or changes their roles;
 * another process sees such a change within TTL_MS (docs/decisions/session-cache.md).
 */
export const SESSION_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 20_000;

type Entry = { auth: AuthContext; until: number; expiresAt: number; idleUntil: number };
const entries = new Map<string, Entry>();

export function cachedSession(tokenHash: string, now: number): AuthContext | undefined {
  const entry = entries.get(tokenHash);
  if (!entry) return undefined;
  if (entry.until <= now || entry.expiresAt <= now || entry.idleUntil <= now) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.auth;
}

export function rememberSession(
  tokenHash: string,
  auth: AuthContext,
  limits: { expiresAt: number; idleUntil: number },
) {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(tokenHash, { auth, until: Date.now() + SESSION_CACHE_TTL_MS, ...limits });
}

/** Drops every cached session of a user (sign-out, revocation, disabled account, changed roles or password). */
export function forgetUser(userId: string) {
  for (const [key, entry] of entries) if (entry.auth.user.id === userId) entries.delete(key);
}
