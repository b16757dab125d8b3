import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { scopeFor } from '../../core/auth/scope.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import {
  createRouter,
  errorResponses,
  jsonContent,
  route,
  routeScope,
  uuidParam,
} from '../../core/http/openapi.ts';
import {
  commentBody,
  createVisitLogBody,
  followUpBody,
  updateVisitLogBody,
  visitLogDetailSchema,
  visitLogListQuery,
  visitLogListSchema,
  visitLogSchema,
  visitLogTagsSchema,
} from './visitlogs.schemas.ts';
import {
  commentOnVisitLog,
  createVisitLog,
  getVisitLogDetail,
  listVisitLogs,
  setFollowUp,
  updateVisitLog,
  visitLogTags,
} from './visitlogs.service.ts';

const logResponse = jsonContent(z.object({ data: visitLogSchema }));
const detailResponse = jsonContent(z.object({ data: visitLogDetailSchema }));

export function visitLogsRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('visitlog:read', {
        method: 'get',
        path: '/visit-logs',
        tags: ['visit-logs'],
        summary:
          'Visit logs (民情日志) inside the caller’s scope, newest first: words anywhere in the text, tag, kind, follow-up, author, place and period',
        request: { query: visitLogListQuery },
        responses: {
          200: { description: 'A page of logs', content: jsonContent(visitLogListSchema) },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await listVisitLogs(deps, routeScope(c), requireAuth(c).user.id, c.req.valid('query')), 200),
    )
    .openapi(
      route(['visitlog:read', 'visitlog:write'], {
        method: 'post',
        path: '/visit-logs',
        tags: ['visit-logs'],
        summary:
          'Write a log about households (of one grid), a building or a grid inside the caller’s scope (201); the same clientId again answers the stored log (200)',
        request: { body: { content: jsonContent(createVisitLogBody), required: true } },
        responses: {
          200: { description: 'Already stored (same clientId)', content: logResponse },
          201: { description: 'Written', content: logResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { log, created } = await createVisitLog(
          deps,
          routeScope(c, 'visitlog:write'),
          routeScope(c, 'visitlog:read'),
          actorOf(c),
          c.req.valid('json'),
        );
        return created ? c.json({ data: log }, 201) : c.json({ data: log }, 200);
      },
    )
    .openapi(
      route('visitlog:read', {
        method: 'get',
        path: '/visit-logs/tags',
        tags: ['visit-logs'],
        summary: 'Tags the form suggests, and those used in the caller’s scope with their counts',
        responses: {
          200: { description: 'Tags', content: jsonContent(visitLogTagsSchema) },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => c.json({ data: await visitLogTags(deps.db, routeScope(c)) }, 200),
    )
    .openapi(
      route('visitlog:read', {
        method: 'get',
        path: '/visit-logs/{id}',
        tags: ['visit-logs'],
        summary: 'One log with its comments (批注)',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The log', content: detailResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await getVisitLogDetail(
              deps,
              routeScope(c),
              requireAuth(c).user.id,
              c.req.valid('param').id,
            ),
          },
          200,
        ),
    )
    .openapi(
      route(['visitlog:read', 'visitlog:write'], {
        method: 'patch',
        path: '/visit-logs/{id}',
        tags: ['visit-logs'],
        summary: 'The author edits their log: within 7 days and while it has no comment',
        request: { params: uuidParam, body: { content: jsonContent(updateVisitLogBody), required: true } },
        responses: {
          200: { description: 'Edited', content: logResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await updateVisitLog(
              deps,
              routeScope(c, 'visitlog:write'),
              routeScope(c, 'visitlog:read'),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json'),
            ),
          },
          200,
        ),
    )
    .openapi(
      route(['visitlog:read', 'visitlog:comment'], {
        method: 'post',
        path: '/visit-logs/{id}/comments',
        tags: ['visit-logs'],
        summary: 'A supervisor comments (批注) on a log inside their scope; the author sees it',
        request: { params: uuidParam, body: { content: jsonContent(commentBody), required: true } },
        responses: {
          201: { description: 'Commented: the log with its comments', content: detailResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await commentOnVisitLog(
              deps,
              routeScope(c, 'visitlog:comment'),
              routeScope(c, 'visitlog:read'),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json').text,
            ),
          },
          201,
        ),
    )
    .openapi(
      route('visitlog:read', {
        method: 'post',
        path: '/visit-logs/{id}/follow-up',
        tags: ['visit-logs'],
        summary:
          'Set a log’s follow-up status (none / open / in progress / done): its author, or a supervisor who may comment on it',
        request: { params: uuidParam, body: { content: jsonContent(followUpBody), required: true } },
        responses: {
          200: { description: 'Set', content: logResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await setFollowUp(
              deps,
              routeScope(c),
              scopeFor(requireAuth(c), 'visitlog:comment'),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json').followUp,
            ),
          },
          200,
        ),
    );
}
