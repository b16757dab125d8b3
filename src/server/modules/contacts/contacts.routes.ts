import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { actorOf } from '../../core/http/context.ts';
import {
  createRouter,
  errorResponses,
  jsonContent,
  route,
  routeScope,
  uuidParam,
} from '../../core/http/openapi.ts';
import {
  applyBody,
  applyResultSchema,
  assignBody,
  assignmentCandidatesSchema,
  assignResultSchema,
  endAssignmentBody,
  kindQuery,
  candidateSchema,
  centralListQuery,
  centralSchema,
  communityQuery,
  coverageQuery,
  coverageSchema,
  designateBody,
  endCentralBody,
  householdContactsSchema,
  proposalQuery,
  proposalSchema,
  settingsBody,
  settingsSchema,
  uncoveredPage,
  uncoveredQuery,
} from './contacts.schemas.ts';
import { coverage, householdContacts, uncoveredHouseholds } from './contacts.coverage.ts';
import { assignContact, assignmentCandidates, endContact } from './contacts.manual.ts';
import { applyProposal, proposal } from './contacts.apply.ts';
import {
  centralCandidates,
  designateCentralHousehold,
  endCentralHousehold,
  listCentralHouseholds,
  readCommunitySettings,
  writeCommunitySettings,
} from './contacts.service.ts';

export function contactsRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('contact:read', {
        method: 'get',
        path: '/contacts/coverage',
        tags: ['contacts'],
        summary:
          'Contact coverage today inside the caller’s scope: per community, or per grid of one community (households without a leader, a central household, either; grids without a worker; central households)',
        request: { query: coverageQuery },
        responses: {
          200: { description: 'Coverage', content: jsonContent(z.object({ data: coverageSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await coverage(deps.db, routeScope(c), c.req.valid('query').communityId) }, 200),
    )
    .openapi(
      route('contact:read', {
        method: 'get',
        path: '/contacts/uncovered',
        tags: ['contacts'],
        summary:
          'Households of a community inside the caller’s scope without a contact of a kind, in stairwell order',
        request: { query: uncoveredQuery },
        responses: {
          200: { description: 'Households', content: jsonContent(uncoveredPage) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json(await uncoveredHouseholds(deps.db, routeScope(c), c.req.valid('query')), 200),
    )
    .openapi(
      route('contact:read', {
        method: 'get',
        path: '/contacts/settings',
        tags: ['contacts'],
        summary: 'A community’s loads and farthest distance (the county’s defaults until it sets its own)',
        request: { query: communityQuery },
        responses: {
          200: { description: 'Settings', content: jsonContent(z.object({ data: settingsSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          { data: await readCommunitySettings(deps.db, routeScope(c), c.req.valid('query').communityId) },
          200,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'put',
        path: '/contacts/settings',
        tags: ['contacts'],
        summary: 'Set a community’s loads and farthest distance',
        request: { body: { content: jsonContent(settingsBody), required: true } },
        responses: {
          200: { description: 'Saved', content: jsonContent(z.object({ data: settingsSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          { data: await writeCommunitySettings(deps, routeScope(c), actorOf(c), c.req.valid('json')) },
          200,
        ),
    )
    .openapi(
      route('contact:read', {
        method: 'get',
        path: '/contacts/central-households',
        tags: ['contacts'],
        summary:
          'Central households (党员中心户) of a community inside the caller’s scope, with their load today',
        request: { query: centralListQuery },
        responses: {
          200: {
            description: 'Central households',
            content: jsonContent(z.object({ data: z.array(centralSchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(
          { data: await listCentralHouseholds(deps.db, routeScope(c), q.communityId, q.status) },
          200,
        );
      },
    )
    .openapi(
      route('contact:manage', {
        method: 'get',
        path: '/contacts/central-households/candidates',
        tags: ['contacts'],
        summary: 'Party members living in the community whose household is not a central household yet',
        request: { query: communityQuery },
        responses: {
          200: {
            description: 'Candidates',
            content: jsonContent(z.object({ data: z.array(candidateSchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          { data: await centralCandidates(deps.db, routeScope(c), c.req.valid('query').communityId) },
          200,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'post',
        path: '/contacts/central-households',
        tags: ['contacts'],
        summary: 'Designate a party member’s household as a central household',
        request: { body: { content: jsonContent(designateBody), required: true } },
        responses: {
          201: {
            description: 'Designated',
            content: jsonContent(z.object({ data: z.object({ id: z.uuid() }) })),
          },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          {
            data: {
              id: await designateCentralHousehold(deps, routeScope(c), actorOf(c), c.req.valid('json')),
            },
          },
          201,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'post',
        path: '/contacts/central-households/{id}/end',
        tags: ['contacts'],
        summary: 'End a central household: the households it contacted are released (history kept)',
        request: { params: uuidParam, body: { content: jsonContent(endCentralBody), required: true } },
        responses: {
          200: {
            description: 'Ended',
            content: jsonContent(
              z.object({
                data: z.object({ id: z.uuid(), endsOn: z.string(), householdsReleased: z.number().int() }),
              }),
            ),
          },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await endCentralHousehold(
              deps,
              routeScope(c),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json'),
            ),
          },
          200,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'get',
        path: '/contacts/proposal',
        tags: ['contacts'],
        summary:
          'The automatic proposal of one kind over a community: by building proximity within the loads; the households whose contact changes, with the proposed and current contact and the distance',
        request: { query: proposalQuery },
        responses: {
          200: { description: 'The proposal', content: jsonContent(z.object({ data: proposalSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json({ data: await proposal(deps.db, routeScope(c), q.communityId, q.kind) }, 200);
      },
    )
    .openapi(
      route('contact:manage', {
        method: 'post',
        path: '/contacts/proposal/apply',
        tags: ['contacts'],
        summary:
          'Apply a reviewed proposal (its fingerprint): only the changed assignments are written, in one audited transaction; 409 when it changed since',
        request: { body: { content: jsonContent(applyBody), required: true } },
        responses: {
          200: { description: 'Applied', content: jsonContent(z.object({ data: applyResultSchema })) },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json({ data: await applyProposal(deps, routeScope(c), actorOf(c), c.req.valid('json')) }, 200),
    )
    .openapi(
      route('contact:read', {
        method: 'get',
        path: '/households/{id}/contacts',
        tags: ['contacts'],
        summary: 'A household’s contacts today: grid workers, its leader and central household contacts',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Contacts', content: jsonContent(z.object({ data: householdContactsSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          { data: await householdContacts(deps.db, deps.keys, routeScope(c), c.req.valid('param').id) },
          200,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'get',
        path: '/households/{id}/contacts/candidates',
        tags: ['contacts'],
        summary:
          'Who may be a household’s contact of a kind (the leaders or central households of its community), each with their load',
        request: { params: uuidParam, query: kindQuery },
        responses: {
          200: {
            description: 'Candidates',
            content: jsonContent(z.object({ data: assignmentCandidatesSchema })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await assignmentCandidates(
              deps.db,
              routeScope(c),
              c.req.valid('param').id,
              c.req.valid('query').kind,
            ),
          },
          200,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'post',
        path: '/households/{id}/contacts',
        tags: ['contacts'],
        summary:
          'Assign a household’s leader contact or central household by hand (above the load only when confirmed); the proposal keeps it',
        request: { params: uuidParam, body: { content: jsonContent(assignBody), required: true } },
        responses: {
          200: { description: 'Assigned', content: jsonContent(z.object({ data: assignResultSchema })) },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await assignContact(
              deps,
              routeScope(c),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json'),
            ),
          },
          200,
        ),
    )
    .openapi(
      route('contact:manage', {
        method: 'post',
        path: '/households/{id}/contacts/end',
        tags: ['contacts'],
        summary: 'End a household’s contact of a kind (history kept)',
        request: { params: uuidParam, body: { content: jsonContent(endAssignmentBody), required: true } },
        responses: {
          200: {
            description: 'Ended',
            content: jsonContent(z.object({ data: z.object({ id: z.uuid(), endsOn: z.string() }) })),
          },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await endContact(
              deps,
              routeScope(c),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json'),
            ),
          },
          200,
        ),
    );
}
