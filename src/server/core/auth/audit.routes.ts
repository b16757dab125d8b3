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
import { boundedDateTime, FIRST_YEAR, LAST_YEAR } from '../http/datetime.ts';
import { presentAuditPage } from './audit-present.ts';
import { listAudit, listAuditActors } from './audit.ts';
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
    actionLabel: textSchema.openapi({
      description: 'The action in plain words (its code when no module names it)',
    }),
    entityTypeLabel: textSchema,
    entityName: z.string().nullable().openapi({
      description:
        'The object’s name now: a resident’s masked name, a household’s address …; null when unknown',
    }),
    actor: z.object({
      kind: z.enum(['user', 'system', 'anonymous']),
      name: textSchema,
      roles: z.array(textSchema),
    }),
    changeList: z
      .array(
        z.object({
          field: z.string(),
          label: textSchema.openapi({ description: 'The field’s name (its key when no module names it)' }),
          changed: z.boolean().openapi({ description: 'true: from → to; false: the value written, in `to`' }),
          from: textSchema.nullable(),
          to: textSchema.nullable(),
        }),
      )
      .openapi({ description: 'Changed fields in plain words, personal data masked' }),
  })
  .openapi('AuditRow');

const auditActorSchema = z
  .object({ id: z.string(), name: z.string(), username: z.string() })
  .openapi('AuditActor');

const auditQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().openapi({ description: 'Part of actor name, action or address' }),
  actorId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: boundedDateTime()
    .optional()
    .openapi({
      description: `Entries at or after this moment (ISO 8601 with an offset, ${FIRST_YEAR}–${LAST_YEAR})`,
    }),
  to: boundedDateTime()
    .optional()
    .openapi({
      description: `Entries at or before this moment (ISO 8601 with an offset, ${FIRST_YEAR}–${LAST_YEAR})`,
    }),
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
        path: '/audit/actors',
        tags: ['audit'],
        summary: 'Accounts with entries the caller may read, by part of their name (the actor filter)',
        request: { query: z.object({ q: z.string().trim().max(50).optional() }) },
        responses: {
          200: {
            description: 'Up to 20 accounts',
            content: jsonContent(z.object({ data: z.array(auditActorSchema) })),
          },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'audit:read');
        const { q } = c.req.valid('query');
        return c.json({ data: await listAuditActors(db, scope, q || undefined) }, 200);
      },
    )
    .openapi(
      route('audit:read', {
        method: 'get',
        path: '/audit',
        tags: ['audit'],
        summary: 'Who did what to which object, when and from where, in plain words, newest first',
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
        const presented = await presentAuditPage(db, kit.audit, scope, rows);
        return c.json(
          {
            data: presented.map((r) => ({ ...r, at: r.at.toISOString() })),
            page: { page: query.page, pageSize: query.pageSize, total },
          },
          200,
        );
      },
    );
}
