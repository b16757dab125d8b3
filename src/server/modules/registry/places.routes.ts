import { z } from '@hono/zod-openapi';
import { scopeFor } from '../../core/auth/scope.ts';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { requireAuth } from '../../core/http/context.ts';
import {
  createRouter,
  route,
  errorResponses,
  jsonContent,
  uuidParam,
  routeScope,
} from '../../core/http/openapi.ts';
import { factSheet } from './fact-sheet.service.ts';
import { territoryMap } from './map.service.ts';
import { factSheetSchema, territoryMapQuery, territoryMapSchema } from './places.schemas.ts';

/** A place with what the registry knows of it: the grid fact sheet (一口清) and the map with buildings and counts. */
export function placesRoutes({ db }: ModuleDeps) {
  return createRouter()
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/territories/{id}/fact-sheet',
        tags: ['territory'],
        summary:
          'The grid fact sheet (一口清): households, residents, age pyramid, key populations, buildings',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The fact sheet', content: jsonContent(z.object({ data: factSheetSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'territory:read');
        return c.json({ data: await factSheet(db, scope, c.req.valid('param').id) }, 200);
      },
    )
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/territories/{id}/map',
        tags: ['territory'],
        summary:
          'Everything the map draws for a place: its outline, its areas (GeoJSON) with counts, its building points',
        request: { params: uuidParam, query: territoryMapQuery },
        responses: {
          200: {
            description: 'The map of the place',
            content: jsonContent(z.object({ data: territoryMapSchema })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const scope = routeScope(c, 'territory:read');
        // Buildings follow the registry permission: without it the map still draws areas and counts.
        const scopes = { territory: scope, registry: scopeFor(auth, 'resident:read') };
        const { id } = c.req.valid('param');
        return c.json({ data: await territoryMap(db, scopes, id, c.req.valid('query').areas) }, 200);
      },
    );
}
