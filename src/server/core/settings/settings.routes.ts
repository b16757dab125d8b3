import { z } from '@hono/zod-openapi';
import { actorOf } from '../http/context.ts';
import { errors } from '../http/errors.ts';
import { createRouter, errorResponses, jsonContent, route } from '../http/openapi.ts';
import type { ModuleDeps } from '../kit/module.ts';
import { listSettings, writeSetting } from './settings.ts';

const text = z.object({ zh: z.string(), en: z.string() });

const settingSchema = z
  .object({
    key: z.string(),
    label: text,
    help: text.nullable(),
    input: z.union([
      z.object({
        kind: z.literal('integer'),
        min: z.number(),
        max: z.number(),
        unit: text.optional(),
      }),
      z.object({
        kind: z.literal('text'),
        maxLength: z.number(),
        pattern: z.object({ source: z.string(), hint: text }).optional(),
      }),
      z.object({ kind: z.literal('choice'), options: z.record(z.string(), text) }),
    ]),
    default: z.union([z.number(), z.string()]),
    value: z.union([z.number(), z.string()]),
    updatedAt: z.string().nullable().openapi({ description: 'Last change; null while the default applies' }),
  })
  .openapi('Setting');

const keyParam = z.object({
  key: z
    .string()
    .max(100)
    .openapi({
      param: { name: 'key', in: 'path' },
      description: 'The setting, e.g. organisation.maxWorkerLoad',
    }),
});

const valueBody = z
  .object({ value: z.union([z.number(), z.string().max(2000)]) })
  .strict()
  .openapi('SettingValue');

/** GET /settings (every signed-in user: pages read them) and PUT /settings/{key} (settings:manage, audited). */
export function settingsRoutes(deps: ModuleDeps) {
  const definitions = () => [...deps.kit.settings.values()];
  return createRouter()
    .openapi(
      route('signed-in', {
        method: 'get',
        path: '/settings',
        tags: ['settings'],
        summary: 'The county’s settings with their values (the default where none was set)',
        responses: {
          200: {
            description: 'Every setting',
            content: jsonContent(z.object({ data: z.array(settingSchema) })),
          },
          ...errorResponses(401),
        },
      }),
      async (c) => c.json({ data: await listSettings(deps.db, definitions()) }, 200),
    )
    .openapi(
      route('settings:manage', {
        method: 'put',
        path: '/settings/{key}',
        tags: ['settings'],
        summary: 'Change a county setting (audited)',
        request: {
          params: keyParam,
          body: { content: jsonContent(valueBody), required: true },
        },
        responses: {
          200: {
            description: 'The setting as changed',
            content: jsonContent(z.object({ data: settingSchema })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const definition = deps.kit.settings.get(c.req.valid('param').key);
        if (!definition) throw errors.notFound();
        await writeSetting(deps.db, actorOf(c), definition, c.req.valid('json').value);
        const [row] = await listSettings(deps.db, [definition]);
        return c.json({ data: row! }, 200);
      },
    );
}
