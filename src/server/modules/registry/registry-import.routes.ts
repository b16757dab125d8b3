import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { scopeFor } from '../../core/auth/scope.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import {
  createRouter,
  route,
  errorResponses,
  jsonContent,
  uuidParam,
  routeScope,
} from '../../core/http/openapi.ts';
import {
  commitImportBody,
  importDetailSchema,
  importErrorQuery,
  importSchema,
  uploadImportBody,
} from './registry-import.schemas.ts';
import { claimCommit } from './registry-import.commit.ts';
import {
  createImport,
  discardImport,
  importDetail,
  importReport,
  listImports,
} from './registry-import.service.ts';
import { importTemplate } from './registry-import.template.ts';
import { attachment, XLSX_TYPE } from './xlsx.ts';

const xlsxContent = {
  [XLSX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
};
const detailResponse = jsonContent(z.object({ data: importDetailSchema }));
const firstErrors = { page: 1, pageSize: 100 };

/** Excel import of households and residents (template, upload → validate → commit); exports: registry-export.routes.ts. */
export function registryImportRoutes(deps: ModuleDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(
      route('resident:import', {
        method: 'get',
        path: '/registry/import-template',
        tags: ['registry import'],
        summary: 'The .xlsx import template, with drop-downs and the buildings the caller may import into',
        responses: {
          200: { description: 'The template', content: xlsxContent },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:import');
        const body = await importTemplate(db, scope);
        return c.body(new Uint8Array(body), 200, {
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': attachment('居民信息导入模板.xlsx'),
        });
      },
    )
    .openapi(
      route('resident:import', {
        method: 'post',
        path: '/registry/imports',
        tags: ['registry import'],
        summary:
          'Upload a filled-in template; every row is checked in the background and nothing is written yet',
        request: {
          body: { content: { 'multipart/form-data': { schema: uploadImportBody } }, required: true },
        },
        responses: {
          202: { description: 'Stored; validation started (poll the import)', content: detailResponse },
          ...errorResponses(400, 401, 403, 413),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const scope = routeScope(c, 'resident:import');
        const { file } = c.req.valid('form');
        const bytes = Buffer.from(await file.arrayBuffer());
        // Validation is queued with the import (the registry.import.validate job).
        const id = await createImport(
          deps,
          auth.user.id,
          scope,
          { name: file.name, bytes },
          { actor: actorOf(c), revealsCounty: scopeFor(auth, 'personal:reveal')?.all === true },
        );
        return c.json({ data: await importDetail(db, auth.user.id, id, firstErrors) }, 202);
      },
    )
    .openapi(
      route('resident:import', {
        method: 'get',
        path: '/registry/imports',
        tags: ['registry import'],
        summary: 'The caller’s latest imports',
        responses: {
          200: {
            description: 'Latest first',
            content: jsonContent(z.object({ data: z.array(importSchema) })),
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        return c.json({ data: await listImports(db, auth.user.id) }, 200);
      },
    )
    .openapi(
      route('resident:import', {
        method: 'get',
        path: '/registry/imports/{id}',
        tags: ['registry import'],
        summary: 'Status, progress, counts and a page of row errors of one of the caller’s imports',
        request: { params: uuidParam, query: importErrorQuery },
        responses: {
          200: { description: 'The import', content: detailResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const data = await importDetail(db, auth.user.id, c.req.valid('param').id, c.req.valid('query'));
        return c.json({ data }, 200);
      },
    )
    .openapi(
      route('resident:import', {
        method: 'get',
        path: '/registry/imports/{id}/report.xlsx',
        tags: ['registry import'],
        summary: 'The bad rows as uploaded, each with its reasons, as .xlsx',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The report', content: xlsxContent },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const report = await importReport(deps, auth.user.id, c.req.valid('param').id);
        return c.body(report.body, 200, {
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': attachment(report.fileName),
          'Cache-Control': 'no-store',
        });
      },
    )
    .openapi(
      route('resident:import', {
        method: 'post',
        path: '/registry/imports/{id}/commit',
        tags: ['registry import'],
        summary:
          'Write the valid rows (or all rows, only if none is bad) in one transaction; a repeat does nothing',
        request: { params: uuidParam, body: { content: jsonContent(commitImportBody), required: true } },
        responses: {
          202: { description: 'Committing (poll the import) or already committed', content: detailResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const scope = routeScope(c, 'resident:import');
        const { id } = c.req.valid('param');
        const { mode } = c.req.valid('json');
        // Queues the registry.import.commit job with the claim, unless it is committing or committed already.
        await claimCommit(db, auth.user.id, id, mode, { scope, actor: actorOf(c) });
        return c.json({ data: await importDetail(db, auth.user.id, id, firstErrors) }, 202);
      },
    )
    .openapi(
      route('resident:import', {
        method: 'post',
        path: '/registry/imports/{id}/discard',
        tags: ['registry import'],
        summary: 'Drop the stored upload; an import not yet committed can no longer be',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Discarded', content: detailResponse },
          ...errorResponses(401, 403, 404, 409),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const { id } = c.req.valid('param');
        await discardImport(db, auth.user.id, id);
        return c.json({ data: await importDetail(db, auth.user.id, id, firstErrors) }, 200);
      },
    );
}
