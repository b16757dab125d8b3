import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { except } from 'hono/combine';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { sessionMiddleware } from './core/auth/auth.routes.ts';
import type { DataKeys } from './core/auth/personal-data.ts';
import type { Config } from './config.ts';
import type { Db } from './core/db/client.ts';
import type { Kit, ModuleDeps } from './core/kit/module.ts';
import { kit as platformKit } from './modules.ts';
import type { AppEnv } from './core/http/context.ts';
import { compressJson, pickEncoding } from './core/http/compress.ts';
import { errors } from './core/http/errors.ts';
import { bodyLimit, csrfProtection, handleError, noStore, requestContext } from './core/http/middleware.ts';

/** What the app needs; the kit defaults to the platform's modules (src/server/modules.ts). */
export type AppDeps = { db: Db; keys: DataKeys; config: Config; logger: Logger; kit?: Kit };

/** JSON bodies larger than this are refused before parsing. */
export const JSON_BODY_LIMIT = 256 * 1024;

const swaggerRoot = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The whole HTTP application: middleware, every module's router, the API document and the built web app. */
export function createApp(appDeps: AppDeps) {
  const deps: ModuleDeps = { ...appDeps, kit: appDeps.kit ?? platformKit };
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  app.use('*', requestContext(deps.logger, { trustProxy: deps.config.trustProxy }));
  // Security headers matter for what a browser renders: pages and the API reference. JSON API answers get none,
  // which keeps them on @hono/node-server's fast path (see docs/decisions/api-response-headers.md); the web app's
  // scripts and styles get only those that apply to them (below), not ~800 bytes of page policy each.
  // Map tiles are the only images from elsewhere: the origins of the county's base map (a setting, read per page
  // through the settings cache, docs/decisions/base-map.md) and any the environment adds (WUWEI_MAP_TILE_ORIGINS).
  const imageSources = createMiddleware<AppEnv>(async (c, next) => {
    if (!isPage(c.req.path)) return next();
    const origins = await deps.kit.imageSources(deps.db).catch((error: unknown) => {
      c.get('logger').warn({ err: error }, 'image sources of the page policy not read');
      return [];
    });
    c.set('imageSources', [...new Set([...deps.config.mapTileOrigins, ...origins])].join(' '));
    await next();
  });
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:', (c) => String(c.get('imageSources') ?? '')],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  });
  app.use('*', imageSources);
  app.use(
    '*',
    except((c) => !isPage(c.req.path), pageHeaders),
  );
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // JSON answers of 1 KB or more go compressed to browsers; the built web app is compressed at build time.
  app.use('/api/*', compressJson());

  // Answers under /api/ carry personal data: never stored by a browser or proxy (errors included).
  app.use(
    '/api/*',
    except((c) => c.req.path.startsWith('/api/docs'), noStore()),
  );
  // JSON bodies are small; a spreadsheet upload may be large. Each is refused above its limit before it is read.
  const jsonLimit = bodyLimit(JSON_BODY_LIMIT);
  const uploads = new Map(deps.kit.uploads.map((u) => [`/api/v1${u.path}`, u.maxBytes]));
  app.use(
    '/api/*',
    except((c) => c.req.method === 'POST' && uploads.has(c.req.path), jsonLimit),
  );
  for (const [uploadPath, maxBytes] of uploads) app.use(uploadPath, bodyLimit(maxBytes));
  app.use('/api/*', csrfProtection(deps.config.allowedOrigins));
  app.use('/api/*', sessionMiddleware(deps));

  const api = new OpenAPIHono<AppEnv>();
  for (const module of deps.kit.modules) if (module.routes) api.route('/', module.routes(deps));
  app.route('/api/v1', api);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Wuwei 五微五联基层治理平台 API',
      version: '1',
      description:
        'Sign in with POST /api/v1/auth/login; the session cookie authenticates the rest. Errors are `{ error: { code, message, details, requestId } }`; send `Accept-Language: en` for English messages.',
    },
    servers: [{ url: '/' }],
  });
  app.get('/api/docs', (c) => c.html(apiDocsPage));
  app.get('/api/docs/init.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(
      "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });",
    );
  });
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }),
  );
  app.all('/api/*', () => {
    throw errors.routeNotFound();
  });

  const root = deps.config.webDir;
  if (fs.existsSync(path.join(root, 'index.html'))) {
    // Hashed file names: a new build makes new names, so a browser may keep these for good. The .br and .gz files
    // beside them (vite.config.ts) go to browsers that accept them, with Content-Encoding and Vary.
    app.use('/assets/*', async (c, next) => {
      await next();
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root, precompressed: true }));
    // A file of another build is missing, not the app: a 404, which the browser does not keep.
    app.get('/assets/*', (c) => c.text('Not found', 404));
    // The phone workbench's own entry (m/index.html, a build apart: vite.config.ts) for /m/; its other paths
    // (/m/leader) are pages of the desk app, like every other path.
    const phonePage = builtPage(path.join(root, 'm/index.html'));
    if (phonePage) for (const phonePath of ['/m', '/m/']) app.get(phonePath, phonePage);
    app.use('*', serveStatic({ root, precompressed: true }));
    // Every other path is a page of the app: index.html, compressed like the rest when the build made it so.
    app.get('*', builtPage(path.join(root, 'index.html'))!);
  } else {
    app.get('/', (c) => c.text('The web app is not built: run `npm run build`. The API is at /api/docs.'));
  }
  return app;
}

/**
 * The handler sending a built page (an entry's HTML), compressed like the rest when the build made it so, never
 * kept without asking again (a new build names new scripts); undefined when the build has no such page.
 */
function builtPage(file: string) {
  if (!fs.existsSync(file)) return undefined;
  const html = {
    identity: fs.readFileSync(file),
    br: fs.existsSync(`${file}.br`) ? fs.readFileSync(`${file}.br`) : null,
    gzip: fs.existsSync(`${file}.gz`) ? fs.readFileSync(`${file}.gz`) : null,
  };
  return (c: Context<AppEnv>) => {
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const body = (encoding && html[encoding]) || html.identity;
    c.header('Content-Type', 'text/html; charset=UTF-8');
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (body !== html.identity) c.header('Content-Encoding', encoding!);
    return c.body(new Uint8Array(body));
  };
}

/** A page (HTML, the API reference), not a JSON answer or a built script or style: it gets the page headers. */
function isPage(path: string): boolean {
  return !isJsonApi(path) && !path.startsWith('/assets/');
}

function isJsonApi(path: string): boolean {
  return path === '/healthz' || (path.startsWith('/api/') && !path.startsWith('/api/docs'));
}

const apiDocsPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Wuwei API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
