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
  createPersonBody,
  linkAccountBody,
  personListQuery,
  personListSchema,
  personSchema,
} from './people.schemas.ts';
import { createPerson, getPerson, linkAccount, listPersons, myPerson } from './people.service.ts';

const personResponse = jsonContent(z.object({ data: personSchema }));

export function peopleRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      // Before /people/{id}: both match this path, and the first registered answers.
      route('signed-in', {
        method: 'get',
        path: '/people/me',
        tags: ['people'],
        summary: 'The person the caller’s account is linked to, or null',
        responses: {
          200: {
            description: 'My person',
            content: jsonContent(z.object({ data: personSchema.nullable() })),
          },
          ...errorResponses(401),
        },
      }),
      async (c) => c.json({ data: await myPerson(deps, requireAuth(c).user.id) }, 200),
    )
    .openapi(
      route('person:read', {
        method: 'get',
        path: '/people',
        tags: ['people'],
        summary: 'Persons within the caller’s scope, by name (mobile numbers masked)',
        request: { query: personListQuery },
        responses: {
          200: { description: 'A page', content: jsonContent(personListSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const { rows, total } = await listPersons(deps, routeScope(c), query);
        return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
      },
    )
    .openapi(
      route('person:read', {
        method: 'get',
        path: '/people/{id}',
        tags: ['people'],
        summary: 'One person',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The person', content: personResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await getPerson(deps, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('person:write', {
        method: 'post',
        path: '/people',
        tags: ['people'],
        summary:
          'Record a person: a resident of the registry, or a person standing alone on a grid or community',
        request: { body: { content: jsonContent(createPersonBody), required: true } },
        responses: {
          201: { description: 'Created', content: personResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        // The resident must be one the caller may read, as well as inside their person:write scope.
        const residentScope = scopeFor(requireAuth(c), 'resident:read');
        const id = await createPerson(
          deps,
          { write: scope, residents: residentScope },
          actorOf(c),
          c.req.valid('json'),
        );
        return c.json({ data: await getPerson(deps, scope, id) }, 201);
      },
    )
    .openapi(
      route(['person:write', 'account:write'], {
        method: 'put',
        path: '/people/{id}/account',
        tags: ['people'],
        summary: 'Link an account the caller manages to the person, or unlink it (userId null)',
        request: { params: uuidParam, body: { content: jsonContent(linkAccountBody), required: true } },
        responses: {
          200: { description: 'The person', content: personResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const scope = routeScope(c, 'person:write');
        const { id } = c.req.valid('param');
        await linkAccount(deps, scope, requireAuth(c), actorOf(c), id, c.req.valid('json').userId);
        return c.json({ data: await getPerson(deps, scope, id) }, 200);
      },
    );
}
