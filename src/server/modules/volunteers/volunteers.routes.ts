import { z } from '@hono/zod-openapi';
import { scopeFor } from '../../core/auth/scope.ts';
import type { ModuleDeps } from '../../core/kit/module.ts';
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
  createTeamBody,
  endBody,
  memberBody,
  registerMyselfBody,
  registerVolunteerBody,
  renameTeamBody,
  teamDetailSchema,
  teamListQuery,
  teamSchema,
  volunteerListQuery,
  volunteerListSchema,
  volunteerSchema,
} from './volunteers.schemas.ts';
import {
  createTeam,
  dissolveTeam,
  endVolunteer,
  getTeam,
  getVolunteer,
  joinTeam,
  leaveTeam,
  listTeams,
  listVolunteers,
  myVolunteer,
  registerMyself,
  registerVolunteer,
  renameTeam,
} from './volunteers.service.ts';

const volunteerResponse = jsonContent(z.object({ data: volunteerSchema }));
const teamResponse = jsonContent(z.object({ data: teamDetailSchema }));
const body = <T extends z.ZodType>(schema: T) => ({ content: jsonContent(schema), required: true });

export function volunteersRoutes(deps: ModuleDeps) {
  return (
    createRouter()
      // Before /volunteers/{id}: both match these paths, and the first registered answers.
      .openapi(
        route('volunteer:self', {
          method: 'get',
          path: '/volunteers/me',
          tags: ['volunteers'],
          summary: 'My volunteer profile (of the person my account is linked to), or null',
          responses: {
            200: {
              description: 'My profile',
              content: jsonContent(z.object({ data: volunteerSchema.nullable() })),
            },
            ...errorResponses(401, 403),
          },
        }),
        async (c) => c.json({ data: await myVolunteer(deps, requireAuth(c).user.id) }, 200),
      )
      .openapi(
        route('volunteer:self', {
          method: 'post',
          path: '/volunteers/me',
          tags: ['volunteers'],
          summary: 'Register myself (my person) as volunteer',
          request: { body: body(registerMyselfBody) },
          responses: {
            201: { description: 'Registered', content: volunteerResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const userId = requireAuth(c).user.id;
          await registerMyself(deps, userId, actorOf(c), c.req.valid('json'));
          return c.json({ data: (await myVolunteer(deps, userId))! }, 201);
        },
      )
      .openapi(
        route('volunteer:read', {
          method: 'get',
          path: '/volunteers',
          tags: ['volunteers'],
          summary: 'Volunteers serving inside the caller’s scope',
          request: { query: volunteerListQuery },
          responses: {
            200: { description: 'A page', content: jsonContent(volunteerListSchema) },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const query = c.req.valid('query');
          const { rows, total } = await listVolunteers(deps, routeScope(c), query);
          return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
        },
      )
      .openapi(
        route('volunteer:read', {
          method: 'get',
          path: '/volunteers/{id}',
          tags: ['volunteers'],
          summary: 'One volunteer profile',
          request: { params: uuidParam },
          responses: {
            200: { description: 'The profile', content: volunteerResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => c.json({ data: await getVolunteer(deps, routeScope(c), c.req.valid('param').id) }, 200),
      )
      .openapi(
        route('volunteer:write', {
          method: 'post',
          path: '/volunteers',
          tags: ['volunteers'],
          summary: 'Register a person (existing, or recorded now) as volunteer',
          request: { body: body(registerVolunteerBody) },
          responses: {
            201: { description: 'Registered', content: volunteerResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const residents = scopeFor(requireAuth(c), 'resident:read');
          const id = await registerVolunteer(
            deps,
            { write: scope, residents },
            actorOf(c),
            c.req.valid('json'),
          );
          return c.json({ data: await getVolunteer(deps, scope, id) }, 201);
        },
      )
      .openapi(
        route('volunteer:write', {
          method: 'post',
          path: '/volunteers/{id}/end',
          tags: ['volunteers'],
          summary: 'End a volunteer’s profile (and their memberships)',
          request: { params: uuidParam, body: body(endBody) },
          responses: {
            200: { description: 'The profile', content: volunteerResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await endVolunteer(deps, scope, actorOf(c), id, c.req.valid('json'));
          return c.json({ data: await getVolunteer(deps, scope, id) }, 200);
        },
      )
      .openapi(
        route('volunteer:read', {
          method: 'get',
          path: '/volunteer-teams',
          tags: ['volunteers'],
          summary: 'Volunteer corps and sub-teams serving inside the scope, with their counts',
          request: { query: teamListQuery },
          responses: {
            200: { description: 'Teams', content: jsonContent(z.object({ data: z.array(teamSchema) })) },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => c.json({ data: await listTeams(deps.db, routeScope(c), c.req.valid('query')) }, 200),
      )
      .openapi(
        route('volunteer:read', {
          method: 'get',
          path: '/volunteer-teams/{id}',
          tags: ['volunteers'],
          summary: 'One team with its members and sub-teams',
          request: { params: uuidParam },
          responses: {
            200: { description: 'The team', content: teamResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => c.json({ data: await getTeam(deps.db, routeScope(c), c.req.valid('param').id) }, 200),
      )
      .openapi(
        route('volunteer:write', {
          method: 'post',
          path: '/volunteer-teams',
          tags: ['volunteers'],
          summary: 'Create a corps (服务队) or a sub-team (分队) of one',
          request: { body: body(createTeamBody) },
          responses: {
            201: { description: 'Created', content: teamResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const id = await createTeam(deps.db, scope, actorOf(c), c.req.valid('json'));
          return c.json({ data: await getTeam(deps.db, scope, id) }, 201);
        },
      )
      .openapi(
        route('volunteer:write', {
          method: 'patch',
          path: '/volunteer-teams/{id}',
          tags: ['volunteers'],
          summary: 'Rename a team',
          request: { params: uuidParam, body: body(renameTeamBody) },
          responses: {
            200: { description: 'The team', content: teamResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await renameTeam(deps.db, scope, actorOf(c), id, c.req.valid('json').name);
          return c.json({ data: await getTeam(deps.db, scope, id) }, 200);
        },
      )
      .openapi(
        route('volunteer:write', {
          method: 'post',
          path: '/volunteer-teams/{id}/dissolve',
          tags: ['volunteers'],
          summary: 'Dissolve a team (refused while it has active members or sub-teams)',
          request: { params: uuidParam, body: body(endBody) },
          responses: {
            200: { description: 'The team', content: teamResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await dissolveTeam(deps.db, scope, actorOf(c), id, c.req.valid('json'));
          return c.json({ data: await getTeam(deps.db, scope, id) }, 200);
        },
      )
      .openapi(
        route('volunteer:write', {
          method: 'post',
          path: '/volunteer-teams/{id}/join',
          tags: ['volunteers'],
          summary: 'A volunteer joins the team',
          request: { params: uuidParam, body: body(memberBody) },
          responses: {
            200: { description: 'The team', content: teamResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await joinTeam(deps.db, scope, actorOf(c), id, c.req.valid('json'));
          return c.json({ data: await getTeam(deps.db, scope, id) }, 200);
        },
      )
      .openapi(
        route('volunteer:write', {
          method: 'post',
          path: '/volunteer-teams/{id}/leave',
          tags: ['volunteers'],
          summary: 'A member leaves the team',
          request: { params: uuidParam, body: body(memberBody) },
          responses: {
            200: { description: 'The team', content: teamResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await leaveTeam(deps.db, scope, actorOf(c), id, c.req.valid('json'));
          return c.json({ data: await getTeam(deps.db, scope, id) }, 200);
        },
      )
  );
}
