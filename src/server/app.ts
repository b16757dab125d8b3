import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { except } from 'hono/combine';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { auditRoutes } from './core/auth/audit.routes.ts';
import { authRoutes, sessionMiddleware } from './core/auth/auth.routes.ts';
import type { DataKeys } from './core/auth/personal-data.ts';
import type { Config } from './config.ts';
import type { Db } from './core/db/client.ts';
import type { AppEnv } from './core/http/context.ts';
import { errors } from './core/http/errors.ts';
import { bodyLimit, csrfProtection, handleError, noStore, requestContext } from './core/http/middleware.ts';
import { MAX_IMPORT_BYTES } from './modules/registry/registry-import.common.ts';
import { accountRoutes } from './modules/accounts/accounts.routes.ts';
import { insightsRoutes } from './modules/insights/insights.routes.ts';
import { registryImportRoutes } from './modules/registry/registry-import.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { territoryRoutes } from './modules/territory/territory.routes.ts';

export type AppDeps = { db: Db; keys: DataKeys; config: Config; logger: Logger };

/** JSON bodies larger than this are refused before parsing. */
export const JSON_BODY_LIMIT = 256 * 1024;

export const webRoot = path.resolve(import.meta.dirname, '../../dist/web');
const swaggerRoot = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The whole HTTP application: middleware, every module's router, the API document and the built web app. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  app.use('*', requestContext(deps.logger, { trustProxy: deps.config.trustProxy }));
  // Security headers matter for what a browser renders: pages, assets and the API reference. JSON API answers get
  // none, which keeps them on @hono/node-server's fast path (see docs/decisions/api-response-headers.md).
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // Map tiles are the only images from elsewhere (src/web/features/map/tiles.ts).
      imgSrc: ["'self'", 'data:', 'blob:', ...deps.config.mapTileOrigins],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  });
  app.use(
    '*',
    except((c) => isJsonApi(c.req.path), pageHeaders),
  );
  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  // Answers under /api/ carry personal data: never stored by a browser or proxy (errors included).
  app.use(
    '/api/*',
    except((c) => c.req.path.startsWith('/api/docs'), noStore()),
  );
  // JSON bodies are small; a spreadsheet upload may be large. Each is refused above its limit before it is read.
  const jsonLimit = bodyLimit(JSON_BODY_LIMIT);
  const uploadLimit = bodyLimit(MAX_IMPORT_BYTES);
  app.use(
    '/api/*',
    except((c) => isUpload(c.req.method, c.req.path), jsonLimit),
  );
  app.use('/api/v1/registry/imports', uploadLimit);
  app.use('/api/*', csrfProtection(deps.config.allowedOrigins));
  app.use('/api/*', sessionMiddleware(deps));

  const api = new OpenAPIHono<AppEnv>()
    .route('/', authRoutes(deps))
    .route('/', territoryRoutes(deps))
    .route('/', registryImportRoutes(deps))
    .route('/', registryRoutes(deps))
    .route('/', insightsRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', auditRoutes(deps));
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

  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    const root = webRoot;
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('*', serveStatic({ root }));
    const indexHtml = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('/', (c) => c.text('The web app is not built: run `npm run build`. The API is at /api/docs.'));
  }
  return app;
}

function isUpload(method: string, path: string): boolean {
  return method === 'POST' && path === '/api/v1/registry/imports';
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
