import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { actorOf } from '../../core/http/context.ts';
import {
  createRouter,
  route,
  errorResponses,
  jsonContent,
  uuidParam,
  routeScope,
} from '../../core/http/openapi.ts';
import {
  createTerritoryBody,
  territoryDetailSchema,
  territoryListQuery,
  territoryListSchema,
  territoryTreeNodeSchema,
  updateTerritoryBody,
} from './territory.schemas.ts';
import {
  createTerritory,
  searchTerritories,
  territoryDetail,
  territoryTreeJson,
  updateTerritory,
} from './territory.service.ts';

export function territoryRoutes({ db }: ModuleDeps) {
  return createRouter()
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/territories/tree',
        tags: ['territory'],
        summary: 'The territory tree within the caller’s scope, with counts per node',
        responses: {
          200: {
            description: 'Tree roots',
            content: jsonContent(z.object({ data: z.array(territoryTreeNodeSchema) })),
          },
          ...errorResponses(401, 403),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        // The body is serialised once per data version: a county tree is ~80 KB of JSON.
        return c.body(await territoryTreeJson(db, scope), 200, {
          'Content-Type': 'application/json',
        }) as never;
      },
    )
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/territories',
        tags: ['territory'],
        summary: 'Search territory nodes by name or code',
        request: { query: territoryListQuery },
        responses: {
          200: { description: 'A page of nodes', content: jsonContent(territoryListSchema) },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        const query = c.req.valid('query');
        const { rows, total } = await searchTerritories(db, scope, query);
        return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
      },
    )
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/territories/{id}',
        tags: ['territory'],
        summary: 'One node with boundary, ancestors and children',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The node', content: jsonContent(z.object({ data: territoryDetailSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        return c.json({ data: await territoryDetail(db, scope, c.req.valid('param').id) }, 200);
      },
    )
    .openapi(
      route('territory:write', {
        method: 'post',
        path: '/territories',
        tags: ['territory'],
        summary: 'Add a street, community or grid under a parent node; its code is derived from the parent',
        request: { body: { content: jsonContent(createTerritoryBody), required: true } },
        responses: {
          201: { description: 'Created', content: jsonContent(z.object({ data: territoryDetailSchema })) },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:write');
        const id = await createTerritory(db, scope, actorOf(c), c.req.valid('json'));
        return c.json({ data: await territoryDetail(db, scope, id) }, 201);
      },
    )
    .openapi(
      route('territory:write', {
        method: 'patch',
        path: '/territories/{id}',
        tags: ['territory'],
        summary: 'Rename a node or set its boundary',
        request: { params: uuidParam, body: { content: jsonContent(updateTerritoryBody), required: true } },
        responses: {
          200: { description: 'Updated', content: jsonContent(z.object({ data: territoryDetailSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:write');
        const { id } = c.req.valid('param');
        await updateTerritory(db, scope, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await territoryDetail(db, scope, id) }, 200);
      },
    );
}
