import { z } from '@hono/zod-openapi';
import { actorOf, requireAuth } from '../http/context.ts';
import { createRouter, errorResponses, jsonContent, route } from '../http/openapi.ts';
import type { ModuleDeps } from '../kit/module.ts';
import {
  listPreferences,
  preferenceKeySchema,
  preferenceValueSchema,
  writePreference,
} from './preferences.ts';

const keyParam = z.object({
  key: preferenceKeySchema.openapi({
    param: { name: 'key', in: 'path' },
    description: 'The preference, e.g. columns.residents',
  }),
});

const valueBody = z
  .strictObject({
    value: preferenceValueSchema.openapi({ description: 'Any JSON value up to 4 KB once serialised' }),
  })
  .openapi('PreferenceValue');

const preferencesSchema = z
  .record(z.string(), z.unknown())
  .openapi('Preferences', { description: 'The caller’s preferences by key' });

/** GET /me/preferences and PUT /me/preferences/{key}: the signed-in account's own preferences, nobody else's. */
export function preferencesRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('signed-in', {
        method: 'get',
        path: '/me/preferences',
        tags: ['auth'],
        summary: 'The caller’s own preferences (column settings …), by key',
        responses: {
          200: { description: 'Preferences', content: jsonContent(z.object({ data: preferencesSchema })) },
          ...errorResponses(401),
        },
      }),
      async (c) => c.json({ data: await listPreferences(deps.db, requireAuth(c).user.id) }, 200),
    )
    .openapi(
      route('signed-in', {
        method: 'put',
        path: '/me/preferences/{key}',
        tags: ['auth'],
        summary: 'Set one of the caller’s own preferences (at most 4 KB, 50 keys)',
        request: { params: keyParam, body: { content: jsonContent(valueBody), required: true } },
        responses: {
          200: {
            description: 'The value stored',
            content: jsonContent(z.object({ data: z.object({ key: z.string(), value: z.unknown() }) })),
          },
          ...errorResponses(400, 401),
        },
      }),
      async (c) => {
        const { key } = c.req.valid('param');
        const value = await writePreference(
          deps.db,
          actorOf(c),
          requireAuth(c).user.id,
          key,
          c.req.valid('json').value,
        );
        return c.json({ data: { key, value } }, 200);
      },
    );
}
