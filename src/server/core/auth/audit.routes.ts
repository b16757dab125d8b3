import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../kit/module.ts';
import {
  createRouter,
  route,
  errorResponses,
  jsonContent,
  pageInfo,
  pageQuery,
  routeScope,
} from '../http/openapi.ts';
import { listAudit, maskAuditChanges } from './audit.ts';
import { textSchema } from './auth.schemas.ts';

const auditRowSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    territoryCode: z.string().nullable(),
    changes: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi('AuditRow');

const auditQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().openapi({ description: 'Part of actor name, action or address' }),
  actorId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const auditLabelsSchema = z
  .object({
    actions: z.record(z.string(), textSchema),
    entityTypes: z.record(z.string(), textSchema),
  })
  .openapi('AuditLabels');

export function auditRoutes({ db, kit }: ModuleDeps) {
  return createRouter()
    .openapi(
      route('audit:read', {
        method: 'get',
        path: '/audit/labels',
        tags: ['audit'],
        summary: 'The name of every audit action and entity type the modules write, in Chinese and English',
        responses: {
          200: { description: 'Labels', content: jsonContent(auditLabelsSchema) },
          ...errorResponses(401, 403),
        },
      }),
      (c) => c.json(kit.auditLabels, 200),
    )
    .openapi(
      route('audit:read', {
        method: 'get',
        path: '/audit',
        tags: ['audit'],
        summary: 'Who did what, when and from where, newest first',
        request: { query: auditQuery },
        responses: {
          200: {
            description: 'A page',
            content: jsonContent(z.object({ data: z.array(auditRowSchema), page: pageInfo })),
          },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'audit:read');
        const query = c.req.valid('query');
        const { rows, total } = await listAudit(db, scope, {
          ...query,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        });
        return c.json(
          {
            data: rows.map((r) => ({
              ...r,
              at: r.at.toISOString(),
              changes: maskAuditChanges(r.changes) as typeof r.changes,
            })),
            page: { page: query.page, pageSize: query.pageSize, total },
          },
          200,
        );
      },
    );
}
