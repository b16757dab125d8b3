import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { createRouter, route, errorResponses, jsonContent, routeScope } from '../../core/http/openapi.ts';
import {
  figuresQuery,
  figuresSchemaOf,
  overviewQuery,
  overviewResponseSchema,
  trendsQueryOf,
  trendsSchema,
} from './insights.schemas.ts';
import { figures, overview, trends } from './insights.service.ts';

export function insightsRoutes({ db, kit }: ModuleDeps) {
  const figuresSchema = figuresSchemaOf(kit.figures.keys);
  const trendsQuery = trendsQueryOf(kit.figures.keys);
  return createRouter()
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/insights/figures',
        tags: ['insights'],
        summary: 'The report’s figures computed from records, within the caller’s scope',
        request: { query: figuresQuery },
        responses: {
          200: { description: 'Figures', content: jsonContent(figuresSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        return c.json(await figures(db, kit.figures.sets, scope, c.req.valid('query')), 200);
      },
    )
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/insights/trends',
        tags: ['insights'],
        summary:
          'Chosen figures over consecutive months, quarters or years (flows over each period, stock as of its end)',
        request: { query: trendsQuery },
        responses: {
          200: { description: 'Trends', content: jsonContent(z.object({ data: trendsSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        return c.json({ data: await trends(db, kit.figures.sets, scope, c.req.valid('query')) }, 200);
      },
    )
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/insights/overview',
        tags: ['insights'],
        summary: 'County overview of a place: figures, age structure, key populations and each child area',
        request: { query: overviewQuery },
        responses: {
          200: { description: 'Overview', content: jsonContent(overviewResponseSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        return c.json({ data: await overview(db, scope, c.req.valid('query').territoryId) }, 200);
      },
    );
}
