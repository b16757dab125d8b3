import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import {
  createRouter,
  errorResponses,
  jsonContent,
  route,
  routeScope,
  uuidParam,
} from '../../core/http/openapi.ts';
import { coverageBoard } from './coverage.service.ts';
import {
  buildingServantsSchema,
  coverageQuery,
  coverageSchema,
  pageTokenParam,
  placeServiceCardsSchema,
  placeServantsSchema,
  serviceCardsSchema,
} from './organisation.schemas.ts';
import { placeServiceCards, publicBuildingPage, serviceCards } from './service-cards.service.ts';
import { placeServants } from './servants.service.ts';

export function organisationRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('coverage:read', {
        method: 'get',
        path: '/coverage',
        tags: ['organisation'],
        summary:
          'The coverage board of a place today: buildings without a leader, grids without a worker or a branch, branches without a secretary, terms ending within 30 days, overloaded workers',
        request: { query: coverageQuery },
        responses: {
          200: { description: 'The board', content: jsonContent(z.object({ data: coverageSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await coverageBoard(deps.db, routeScope(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      route('territory:read', {
        method: 'get',
        path: '/territories/{id}/servants',
        tags: ['organisation'],
        summary:
          'Who serves a place today (its fact sheet and map): each grid’s workers and branch secretary, each building’s leaders, with published phones',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'Who serves the place',
            content: jsonContent(z.object({ data: placeServantsSchema })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          { data: await placeServants(deps.db, deps.keys, routeScope(c), c.req.valid('param').id) },
          200,
        ),
    )
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/buildings/{id}/service-cards',
        tags: ['organisation'],
        summary:
          'The contact cards of a building (楼长联系服务卡): who serves it with published phones, and one card per household',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The cards', content: jsonContent(z.object({ data: serviceCardsSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await serviceCards(deps.db, deps.keys, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/territories/{id}/service-cards',
        tags: ['organisation'],
        summary:
          'The contact cards of every building of a grid or a community, as one print set (up to 6,000 households)',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'The cards, building by building',
            content: jsonContent(z.object({ data: placeServiceCardsSchema })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          { data: await placeServiceCards(deps.db, deps.keys, routeScope(c), c.req.valid('param').id) },
          200,
        ),
    )
    .openapi(
      route('public', {
        method: 'get',
        path: '/public/buildings/{token}',
        tags: ['organisation'],
        summary:
          'A building’s public page (behind the QR code on its cards and placard): who serves it and how to reach them',
        request: { params: pageTokenParam },
        responses: {
          200: {
            description: 'Who serves the building',
            content: jsonContent(z.object({ data: buildingServantsSchema })),
          },
          ...errorResponses(400, 404),
        },
      }),
      async (c) =>
        c.json({ data: await publicBuildingPage(deps.db, deps.keys, c.req.valid('param').token) }, 200),
    );
}
