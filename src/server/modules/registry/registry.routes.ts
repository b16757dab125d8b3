import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { revealCovers } from '../../core/auth/scope.ts';
import { actorOf, requireAuth } from '../../core/http/context.ts';
import {
  createRouter,
  route,
  errorResponses,
  jsonContent,
  uuidParam,
  routeScope,
} from '../../core/http/openapi.ts';
import {
  buildingListQuery,
  buildingListSchema,
  createHouseholdBody,
  createResidentBody,
  historySchema,
  householdCardSchema,
  householdListQuery,
  householdListSchema,
  moveOutBody,
  moveResidentBody,
  residentListQuery,
  residentListSchema,
  residentSchema,
  updateHouseholdBody,
  updateResidentBody,
} from './registry.schemas.ts';
import { searchBuildings } from './registry.buildings.ts';
import { householdCard, searchHouseholds } from './registry.households.ts';
import { residentDetail, revealResident, searchResidents } from './registry.residents.ts';
import {
  createHousehold,
  createResident,
  moveOutHousehold,
  moveOutResident,
  moveResident,
  updateHousehold,
  updateResident,
} from './registry.writes.ts';

const residentDetailResponse = jsonContent(
  z.object({ data: residentSchema.extend({ history: z.array(historySchema) }) }),
);
const householdResponse = jsonContent(z.object({ data: householdCardSchema }));

export function registryRoutes(deps: ModuleDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/buildings',
        tags: ['registry'],
        summary: 'Buildings within the scope, with current households and residents',
        request: { query: buildingListQuery },
        responses: {
          200: { description: 'A page', content: jsonContent(buildingListSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:read');
        const query = c.req.valid('query');
        const { rows, total } = await searchBuildings(db, scope, query);
        return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
      },
    )
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/households',
        tags: ['registry'],
        summary: 'Find households by address (building, unit, room) and filters',
        request: { query: householdListQuery },
        responses: {
          200: { description: 'A page', content: jsonContent(householdListSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:read');
        const query = c.req.valid('query');
        const { rows, total } = await searchHouseholds(deps, scope, query);
        return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'post',
        path: '/households',
        tags: ['registry'],
        summary: 'Register a household in a building',
        request: { body: { content: jsonContent(createHouseholdBody), required: true } },
        responses: {
          201: { description: 'Created', content: householdResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        const id = await createHousehold(deps, scope, actorOf(c), c.req.valid('json'));
        return c.json({ data: await householdCard(deps, scope, id) }, 201);
      },
    )
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/households/{id}',
        tags: ['registry'],
        summary: 'The household card: address, members (masked) and history',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The card', content: householdResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:read');
        return c.json({ data: await householdCard(deps, scope, c.req.valid('param').id) }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'patch',
        path: '/households/{id}',
        tags: ['registry'],
        summary: 'Change a household’s kind, tenure or note',
        request: { params: uuidParam, body: { content: jsonContent(updateHouseholdBody), required: true } },
        responses: {
          200: { description: 'Updated', content: householdResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        const { id } = c.req.valid('param');
        await updateHousehold(deps, scope, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await householdCard(deps, scope, id) }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'post',
        path: '/households/{id}/move-out',
        tags: ['registry'],
        summary: 'The household moves out with its members; records and history stay',
        request: { params: uuidParam, body: { content: jsonContent(moveOutBody), required: true } },
        responses: { 204: { description: 'Moved out' }, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        await moveOutHousehold(deps, scope, actorOf(c), c.req.valid('param').id, c.req.valid('json').note);
        return c.body(null, 204);
      },
    )
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/residents',
        tags: ['registry'],
        summary: 'Find residents by name, ID-card number, mobile number, key-population tag, age or place',
        request: { query: residentListQuery },
        responses: {
          200: { description: 'A page', content: jsonContent(residentListSchema) },
          ...errorResponses(400, 401, 403, 404, 429),
        },
      }),
      async (c) => {
        const auth = requireAuth(c);
        const scope = routeScope(c, 'resident:read');
        const query = c.req.valid('query');
        // A lookup by a whole number is free only where the caller could reveal every resident it might find.
        const unrevealed = revealCovers(auth, 'resident:read') ? null : actorOf(c);
        const { rows, total } = await searchResidents(deps, scope, query, unrevealed);
        return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'post',
        path: '/residents',
        tags: ['registry'],
        summary: 'Register a resident in a household; gender and birth date follow the ID-card number',
        request: { body: { content: jsonContent(createResidentBody), required: true } },
        responses: {
          201: { description: 'Created', content: residentDetailResponse },
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        const id = await createResident(deps, scope, actorOf(c), c.req.valid('json'));
        return c.json({ data: await residentDetail(deps, scope, id) }, 201);
      },
    )
    .openapi(
      route('resident:read', {
        method: 'get',
        path: '/residents/{id}',
        tags: ['registry'],
        summary: 'One resident (masked) with history',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The resident', content: residentDetailResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:read');
        return c.json({ data: await residentDetail(deps, scope, c.req.valid('param').id) }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'patch',
        path: '/residents/{id}',
        tags: ['registry'],
        summary: 'Edit a resident',
        request: { params: uuidParam, body: { content: jsonContent(updateResidentBody), required: true } },
        responses: {
          200: { description: 'Updated', content: residentDetailResponse },
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        const { id } = c.req.valid('param');
        await updateResident(deps, scope, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await residentDetail(deps, scope, id) }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'post',
        path: '/residents/{id}/move',
        tags: ['registry'],
        summary: 'Move a resident to another household; history keeps the previous one',
        request: { params: uuidParam, body: { content: jsonContent(moveResidentBody), required: true } },
        responses: {
          200: { description: 'Moved', content: residentDetailResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        const { id } = c.req.valid('param');
        await moveResident(deps, scope, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await residentDetail(deps, scope, id) }, 200);
      },
    )
    .openapi(
      route('resident:write', {
        method: 'post',
        path: '/residents/{id}/move-out',
        tags: ['registry'],
        summary: 'The resident moves out of the county’s registry; record and history stay',
        request: { params: uuidParam, body: { content: jsonContent(moveOutBody), required: true } },
        responses: { 204: { description: 'Moved out' }, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const scope = routeScope(c, 'resident:write');
        await moveOutResident(deps, scope, actorOf(c), c.req.valid('param').id, c.req.valid('json').note);
        return c.body(null, 204);
      },
    )
    .openapi(
      route(['resident:read', 'personal:reveal'], {
        method: 'post',
        path: '/residents/{id}/reveal',
        tags: ['registry'],
        summary: 'The clear ID-card number, phone and birth date (needs personal:reveal; audited)',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'Clear values',
            content: jsonContent(
              z.object({
                data: z.object({
                  idCard: z.string().nullable(),
                  phone: z.string().nullable(),
                  birthDate: z.string(),
                }),
              }),
            ),
          },
          ...errorResponses(401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'personal:reveal');
        return c.json({ data: await revealResident(deps, scope, actorOf(c), c.req.valid('param').id) }, 200);
      },
    );
}
