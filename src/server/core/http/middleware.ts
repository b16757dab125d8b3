import type { ServerResponse } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { newId } from '../db/ids.ts';
import type { AppEnv } from './context.ts';
import { AppError, errorBody, errors, pickLang } from './errors.ts';

export const SESSION_COOKIE = 'wuwei_session';
/**
 * Which user the session cookie belongs to, readable by the page (the session cookie is HttpOnly): the phone
 * workbench draws the copy it keeps on the device before /me answers only when this names the user it was kept
 * for. Not a credential: set beside the session cookie (sign-in, /me), cleared with it (sign-out, an ended session).
 */
export const USER_HINT_COOKIE = 'wuwei_user';

/** Request id (echoed in error answers), language, client address and one JSON log line per request. */
export function requestContext(logger: Logger, options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : newId();
    c.set('requestId', requestId);
    c.set('lang', pickLang(c.req.header('accept-language')));
    c.set('ip', clientAddress(c, options.trustProxy));
    const log = logger.child({ requestId });
    c.set('logger', log);
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (c.res.status >= 500) {
      log.error({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
    } else log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  };
}

function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: a browser always sends Origin (or Sec-Fetch-Site) on a cross-site
 * POST, so a write whose origin is not this site, or not an allowed origin, is refused before anything runs.
 * (API writes must also be JSON, which a plain HTML form cannot send: the route validators answer 415.)
 */
export function csrfProtection(allowedOrigins: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin) {
      if (originHostOf(origin) !== host && !allowedOrigins.includes(origin)) throw errors.csrfRejected();
    } else if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw errors.csrfRejected();
    }
    return next();
  };
}

function originHostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** How much of an over-limit body is read and thrown away, so the client can read the 413 (see bodyLimit). */
export const DISCARD_LIMIT = { bytes: 256 * 1024 * 1024, ms: 30_000 };

/**
 * Refuses a body over `maxSize` with 413 BODY_TOO_LARGE, before anything parses it: at once when Content-Length
 * says so, else when the counted bytes pass the limit (chunked bodies are held in memory up to the limit only).
 *
 * A client still sending when the answer comes sees a connection reset rather than the 413 if the server closes
 * early (@hono/node-server drains only 64 MB or 500 ms after answering). So the rest of the body is read and
 * thrown away first, up to DISCARD_LIMIT; past that the 413 says Connection: close and the socket is closed.
 */
export function bodyLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      if (Number(declared) <= maxSize) return next();
      return refuse(body.getReader());
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) return refuse(reader);
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();

    async function refuse(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<never> {
      const until = Date.now() + DISCARD_LIMIT.ms;
      let discarded = 0;
      let ended = false;
      while (discarded <= DISCARD_LIMIT.bytes && Date.now() < until) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => (timer = setTimeout(resolve, until - Date.now(), null))),
        ]).catch(() => null);
        clearTimeout(timer);
        if (!chunk) break;
        if (chunk.done) {
          ended = true;
          break;
        }
        discarded += chunk.value.byteLength;
      }
      if (!ended) {
        c.header('Connection', 'close');
        void reader.cancel().catch(() => undefined);
      }
      throw errors.bodyTooLarge(maxSize);
    }
  };
}

/**
 * `Cache-Control: no-store` on API answers, which carry personal data. Under @hono/node-server it is set on the
 * node response itself, so Hono's answers keep their one-header fast path (docs/decisions/api-response-headers.md);
 * in process (tests) it goes on the answer.
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeader === 'function') outgoing.setHeader('Cache-Control', 'no-store');
    else c.header('Cache-Control', 'no-store');
    return next();
  };
}

/** Every thrown error becomes the catalogue's JSON shape; unknown errors are logged and answered as INTERNAL. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if (error instanceof HTTPException && error.status === 400 && /JSON/i.test(error.message)) {
    appError = errors.malformedJson();
  } else if (error instanceof HTTPException && error.status === 400 && /FormData/i.test(error.message)) {
    appError = errors.malformedForm();
  } else if (error instanceof HTTPException && error.status === 415) {
    appError = errors.unsupportedMediaType();
  } else {
    (c.get('logger') ?? console).error({ err: error }, 'unhandled error');
    appError = errors.internal();
  }
  const requestId = c.get('requestId') ?? newId();
  // Successful answers carry no extra headers (fast path); an error names its request for support and logs.
  c.header('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(appError.headers)) c.header(name, value);
  return c.json(errorBody(appError, c.get('lang') ?? 'zh', requestId), appError.status);
}
