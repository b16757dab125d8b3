import { z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonContent, route } from '../http/openapi.ts';
import type { ModuleDeps } from '../kit/module.ts';
import { demoHistoryState } from './demo-history.ts';

const demoHistoryAnswer = z
  .object({
    data: z.object({
      state: z.enum(['none', 'loading', 'done']).openapi({
        description:
          'none: no demo history to load (not a demo county, or seeded in one go); loading: a first start opened the ' +
          'platform before the demo’s history (duty tasks, rounds, visit logs, contacts) and is loading it; done',
      }),
      rowsImported: z.number().int(),
    }),
  })
  .openapi('DemoHistory');

/** Whether the demo county's history is still loading after a first start (src/demo/deferred.ts), for a notice. */
export function demoRoutes(deps: ModuleDeps) {
  return createRouter().openapi(
    route('signed-in', {
      method: 'get',
      path: '/demo/history',
      tags: ['auth'],
      summary: 'Whether the demo county’s history is still loading after a first start',
      responses: {
        200: { description: 'The demo history’s state', content: jsonContent(demoHistoryAnswer) },
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ data: await demoHistoryState(deps.db) }, 200),
  );
}
