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
  buildingLeadersSchema,
  callSchema,
  chatBody,
  chatSchema,
  endBody,
  expiringQuery,
  myHouseholdSchema,
  myHouseholdsQuery,
  myLeaderSchema,
  nominateBody,
  openedSchema,
  renewBody,
  reviewBody,
  termListQuery,
  termListSchema,
  termSchema,
  withdrawBody,
} from './leaders.schemas.ts';
import {
  endTerm,
  expiringTerms,
  getTerm,
  listTerms,
  nominate,
  renew,
  review,
  withdraw,
} from './leaders.service.ts';
import { buildingLeaders, callResident, myHouseholds, myLeaderPage, putChat } from './leaders.buildings.ts';

const termResponse = jsonContent(z.object({ data: termSchema }));
const termWithOpened = jsonContent(z.object({ data: termSchema, opened: openedSchema }));

export function leadersRoutes(deps: ModuleDeps) {
  return (
    createRouter()
      // Static paths before /leaders/terms/{id} and /leaders/buildings/{id}.
      .openapi(
        route('signed-in', {
          method: 'get',
          path: '/leaders/me',
          tags: ['leaders'],
          summary:
            'The caller’s own leader terms and the buildings they lead today (the leader’s phone page)',
          responses: {
            200: {
              description: 'My terms and buildings',
              content: jsonContent(z.object({ data: myLeaderSchema })),
            },
            ...errorResponses(401),
          },
        }),
        async (c) => {
          const auth = requireAuth(c);
          const data = await myLeaderPage(deps, auth.user.id, scopeFor(auth, 'leader:call'));
          return c.json({ data }, 200);
        },
      )
      .openapi(
        route('leader:call', {
          method: 'get',
          path: '/leaders/me/households',
          tags: ['leaders'],
          summary:
            'Households of the buildings the caller leads, in building / unit / floor / room order (phones masked)',
          request: { query: myHouseholdsQuery },
          responses: {
            200: {
              description: 'My households',
              content: jsonContent(z.object({ data: z.array(myHouseholdSchema) })),
            },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const data = await myHouseholds(
            deps,
            requireAuth(c).user.id,
            routeScope(c),
            c.req.valid('query').buildingId,
          );
          return c.json({ data }, 200);
        },
      )
      .openapi(
        route('leader:call', {
          method: 'post',
          path: '/leaders/me/residents/{id}/call',
          tags: ['leaders'],
          summary: 'Tap to call: the phone of a resident of a building the caller leads, in clear (audited)',
          request: { params: uuidParam },
          responses: {
            200: { description: 'The phone', content: jsonContent(z.object({ data: callSchema })) },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const data = await callResident(
            deps,
            requireAuth(c).user.id,
            routeScope(c),
            actorOf(c),
            c.req.valid('param').id,
          );
          return c.json({ data }, 200);
        },
      )
      .openapi(
        route('leader:read', {
          method: 'get',
          path: '/leaders/expiring',
          tags: ['leaders'],
          summary:
            'Approved terms in force ending within N days (30 by default), not yet renewed, soonest first',
          request: { query: expiringQuery },
          responses: {
            200: {
              description: 'Expiring terms',
              content: jsonContent(z.object({ data: z.array(termSchema) })),
            },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => c.json({ data: await expiringTerms(deps, routeScope(c), c.req.valid('query')) }, 200),
      )
      .openapi(
        route('leader:read', {
          method: 'get',
          path: '/leaders/terms',
          tags: ['leaders'],
          summary: 'Leader terms within the caller’s scope, filtered',
          request: { query: termListQuery },
          responses: {
            200: { description: 'A page', content: jsonContent(termListSchema) },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const query = c.req.valid('query');
          const { rows, total } = await listTerms(deps, routeScope(c), query);
          return c.json({ data: rows, page: { page: query.page, pageSize: query.pageSize, total } }, 200);
        },
      )
      .openapi(
        route('leader:write', {
          method: 'post',
          path: '/leaders/terms',
          tags: ['leaders'],
          summary: 'Nominate a building (or unit) leader: a person, or a resident; the community reviews it',
          request: { body: { content: jsonContent(nominateBody), required: true } },
          responses: {
            201: { description: 'Submitted', content: termResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const id = await nominate(deps, scope, actorOf(c), c.req.valid('json'));
          return c.json({ data: await getTerm(deps, scope, id) }, 201);
        },
      )
      .openapi(
        route('leader:read', {
          method: 'get',
          path: '/leaders/terms/{id}',
          tags: ['leaders'],
          summary: 'One term',
          request: { params: uuidParam },
          responses: {
            200: { description: 'The term', content: termResponse },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => c.json({ data: await getTerm(deps, routeScope(c), c.req.valid('param').id) }, 200),
      )
      .openapi(
        route('leader:review', {
          method: 'post',
          path: '/leaders/terms/{id}/review',
          tags: ['leaders'],
          summary:
            'Approve (one leader per building or unit a day, no overlapping terms; gives the leader access) or reject with a reason',
          request: { params: uuidParam, body: { content: jsonContent(reviewBody), required: true } },
          responses: {
            200: {
              description: 'Reviewed; `opened` is the account opened for the leader',
              content: termWithOpened,
            },
            ...errorResponses(400, 401, 403, 404, 409, 429),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          const { opened } = await review(deps, scope, requireAuth(c), actorOf(c), id, c.req.valid('json'));
          return c.json({ data: await getTerm(deps, scope, id), opened }, 200);
        },
      )
      .openapi(
        route('leader:review', {
          method: 'post',
          path: '/leaders/terms/{id}/end',
          tags: ['leaders'],
          summary: 'End an approved term early (a reason); the access it gave ends at once',
          request: { params: uuidParam, body: { content: jsonContent(endBody), required: true } },
          responses: {
            200: { description: 'Ended', content: termResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await endTerm(deps, scope, actorOf(c), id, c.req.valid('json'));
          return c.json({ data: await getTerm(deps, scope, id) }, 200);
        },
      )
      .openapi(
        route('leader:review', {
          method: 'post',
          path: '/leaders/terms/{id}/renew',
          tags: ['leaders'],
          summary:
            'Renew an approved term: a new approved term from the day after it ends, access re-granted',
          request: { params: uuidParam, body: { content: jsonContent(renewBody), required: true } },
          responses: {
            201: { description: 'The new term', content: termWithOpened },
            ...errorResponses(400, 401, 403, 404, 409, 429),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const result = await renew(
            deps,
            scope,
            requireAuth(c),
            actorOf(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          );
          return c.json({ data: await getTerm(deps, scope, result.id), opened: result.opened }, 201);
        },
      )
      .openapi(
        route('leader:write', {
          method: 'post',
          path: '/leaders/terms/{id}/withdraw',
          tags: ['leaders'],
          summary: 'Withdraw a submitted nomination',
          request: { params: uuidParam, body: { content: jsonContent(withdrawBody), required: true } },
          responses: {
            200: { description: 'Withdrawn', content: termResponse },
            ...errorResponses(400, 401, 403, 404, 409),
          },
        }),
        async (c) => {
          const scope = routeScope(c);
          const { id } = c.req.valid('param');
          await withdraw(deps, scope, actorOf(c), id, c.req.valid('json').reason);
          return c.json({ data: await getTerm(deps, scope, id) }, 200);
        },
      )
      .openapi(
        route('leader:read', {
          method: 'get',
          path: '/leaders/buildings/{id}',
          tags: ['leaders'],
          summary: 'A building’s leaders: those in force today, every term, and its WeChat group',
          request: { params: uuidParam },
          responses: {
            200: {
              description: 'The building’s leaders',
              content: jsonContent(z.object({ data: buildingLeadersSchema })),
            },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) =>
          c.json({ data: await buildingLeaders(deps, routeScope(c), c.req.valid('param').id) }, 200),
      )
      .openapi(
        route('leader:chat', {
          method: 'put',
          path: '/leaders/buildings/{id}/chat',
          tags: ['leaders'],
          summary:
            'Record the building’s residents’ WeChat group: name, member count, QR image (PNG/JPEG data URL)',
          request: { params: uuidParam, body: { content: jsonContent(chatBody), required: true } },
          responses: {
            200: { description: 'The group', content: jsonContent(z.object({ data: chatSchema })) },
            ...errorResponses(400, 401, 403, 404),
          },
        }),
        async (c) => {
          const data = await putChat(
            deps,
            routeScope(c),
            actorOf(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          );
          return c.json({ data }, 200);
        },
      )
  );
}
