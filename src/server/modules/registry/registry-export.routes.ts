import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { revealCovers, scopeFor } from '../../core/auth/scope.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import { errors } from '../../core/http/errors.ts';
import {
  createRouter,
  route,
  errorResponses,
  jsonContent,
  uuidParam,
  routeScope,
} from '../../core/http/openapi.ts';
import { residentExportQuery, residentExportSchema } from './registry-import.schemas.ts';
import { exportStatus, listExports, openExportDownload, requestExport } from './registry-export.service.ts';
import { territoryCodeInScope } from './registry.common.ts';
import { isWholeNumber, searchResidents } from './registry.residents.ts';
import { attachment, XLSX_TYPE } from './xlsx.ts';

const exportResponse = jsonContent(z.object({ data: residentExportSchema }));

/** Exports of the resident list: asked for, made in the background, watched, downloaded once by the one who asked. */
export function registryExportRoutes(deps: ModuleDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(
      route('resident:export', {
        method: 'post',
        path: '/residents/exports',
        tags: ['registry import'],
        summary:
          'Export the filtered resident list (filters of GET /residents) as .xlsx in the background; ID card and phone masked unless reveal=true with personal:reveal; audited when made',
        request: { query: residentExportQuery },
        responses: {
          202: { description: 'Queued: poll the export, then download its file', content: exportResponse },
          ...errorResponses(400, 401, 403, 404, 429),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const scope = routeScope(c, 'resident:export');
        const filter = c.req.valid('query');
        const revealScope = filter.reveal ? scopeFor(auth, 'personal:reveal') : null;
        if (filter.reveal && !revealScope) throw errors.forbidden();
        // A whole ID-card or mobile number makes the export a lookup: throttled and audited like the list's.
        // Free only where the caller could reveal every resident the export might hold.
        if (isWholeNumber(filter.q) && !revealCovers(auth, 'resident:export')) {
          await searchResidents(
            deps,
            scope,
            { ...filter, page: 1, pageSize: 1, sort: 'name', order: 'asc' },
            actorOf(c),
          );
        }
        // A place outside the scope is 404 now, not a failed job later.
        if (filter.territoryId) await territoryCodeInScope(db, scope, filter.territoryId);
        const data = await requestExport(
          deps,
          auth.user.id,
          { scope, revealScope, actor: actorOf(c) },
          filter,
        );
        return c.json({ data }, 202);
      },
    )
    .openapi(
      route('resident:export', {
        method: 'get',
        path: '/residents/exports',
        tags: ['registry import'],
        summary: 'The caller’s latest exports',
        responses: {
          200: {
            description: 'Latest first',
            content: jsonContent(z.object({ data: z.array(residentExportSchema) })),
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ data: await listExports(db, requireAuth(c).user.id) }, 200),
    )
    .openapi(
      route('resident:export', {
        method: 'get',
        path: '/residents/exports/{id}',
        tags: ['registry import'],
        summary: 'Status and progress of one of the caller’s exports',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The export', content: exportResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        return c.json({ data: await exportStatus(db, auth.user.id, c.req.valid('param').id) }, 200);
      },
    )
    .openapi(
      route('resident:export', {
        method: 'get',
        path: '/residents/exports/{id}/file',
        tags: ['registry import'],
        summary: 'The ready .xlsx of one of the caller’s exports; removed once downloaded',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'The list',
            content: { [XLSX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
          },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const file = await openExportDownload(deps, auth.user.id, c.req.valid('param').id);
        return c.body(file.body, 200, {
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': attachment(file.fileName),
          'Cache-Control': 'no-store',
        });
      },
    );
}
