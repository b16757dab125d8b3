import { z } from '@hono/zod-openapi';
import { requireAuth } from '../http/context.ts';
import { createRouter, errorResponses, jsonContent, route, uuidParam } from '../http/openapi.ts';
import type { ModuleDeps } from '../kit/module.ts';
import {
  listNotifications,
  markAllRead,
  markRead,
  notificationSchema,
  notificationsQuery,
} from './notifications.ts';

const notificationsAnswer = z
  .object({
    data: z.array(notificationSchema),
    unread: z.number().openapi({ description: 'How many of the caller’s notifications are unread' }),
  })
  .openapi('Notifications');

/** The signed-in account's own notifications: read them, mark one or all read. Nobody sees another's. */
export function notificationsRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('signed-in', {
        method: 'get',
        path: '/me/notifications',
        tags: ['auth'],
        summary: 'The caller’s notifications (站内消息), newest first, and the unread count',
        request: { query: notificationsQuery },
        responses: {
          200: { description: 'Notifications', content: jsonContent(notificationsAnswer) },
          ...errorResponses(400, 401, 404),
        },
      }),
      async (c) =>
        c.json(await listNotifications(deps.db, requireAuth(c).user.id, c.req.valid('query')), 200),
    )
    .openapi(
      route('signed-in', {
        method: 'post',
        path: '/me/notifications/{id}/read',
        tags: ['auth'],
        summary: 'Mark one of the caller’s notifications read',
        request: { params: uuidParam },
        responses: { 204: { description: 'Read' }, ...errorResponses(400, 401, 404) },
      }),
      async (c) => {
        await markRead(deps.db, requireAuth(c).user.id, c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      route('signed-in', {
        method: 'post',
        path: '/me/notifications/read-all',
        tags: ['auth'],
        summary: 'Mark every unread notification of the caller read',
        responses: {
          200: {
            description: 'How many were marked',
            content: jsonContent(z.object({ data: z.object({ marked: z.number() }) })),
          },
          ...errorResponses(401),
        },
      }),
      async (c) => c.json({ data: { marked: await markAllRead(deps.db, requireAuth(c).user.id) } }, 200),
    );
}
