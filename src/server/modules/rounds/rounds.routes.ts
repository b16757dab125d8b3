import { z } from '@hono/zod-openapi';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { answerPhoto, photoReadResponse } from '../../core/photos/photos.ts';
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
import { callRoundResident, roundBuildingPage, roundHouseholdPage } from './rounds.lists.ts';
import {
  callBody,
  callSchema,
  closeRoundBody,
  householdVisitSchema,
  householdVisitsQuery,
  openRoundBody,
  progressSchema,
  roundBuildingPageSchema,
  roundBuildingsQuery,
  roundHouseholdPageSchema,
  roundHouseholdsQuery,
  roundListQuery,
  roundSchema,
  visitBody,
  visitPhotoBody,
  visitPhotoSchema,
  visitSchema,
} from './rounds.schemas.ts';
import { attachVisitPhoto, householdVisits, visitPhoto } from './rounds.photos.ts';
import { closeRound, openRound } from './rounds.opening.ts';
import { roundProgress } from './rounds.progress.ts';
import { getRound, listRounds } from './rounds.service.ts';
import { recordVisit } from './rounds.visits.ts';

const roundResponse = jsonContent(z.object({ data: roundSchema }));
const visitResponse = jsonContent(z.object({ data: visitSchema }));

/** Where the phone sends a visit's photo (multipart; its own body limit: rounds.module.ts `uploads`). */
export const VISIT_PHOTO_PATH = '/rounds/visit-photos';

export function roundsRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('round:visit', {
        method: 'post',
        path: VISIT_PHOTO_PATH,
        tags: ['rounds'],
        summary:
          'Attach a photo to a visit the caller recorded (JPEG, PNG or WebP by its bytes, ≤ 2 MB; EXIF removed; encrypted at rest; a second replaces the first)',
        request: { body: { content: { 'multipart/form-data': { schema: visitPhotoBody } }, required: true } },
        responses: {
          200: { description: 'Attached', content: jsonContent(z.object({ data: visitPhotoSchema })) },
          ...errorResponses(400, 401, 403, 404, 413),
        },
      }),
      async (c) => {
        const { visitId, photo } = c.req.valid('form');
        const bytes = Buffer.from(await photo.arrayBuffer());
        const data = await attachVisitPhoto(deps, routeScope(c), actorOf(c), visitId, bytes);
        return c.json({ data }, 200);
      },
    )
    .openapi(
      route('round:read', {
        method: 'get',
        path: '/round-visits/{id}/photo',
        tags: ['rounds'],
        summary: 'A visit’s photo, for readers of the visit (never cached)',
        request: { params: uuidParam },
        responses: { 200: photoReadResponse, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) => answerPhoto(c, deps.keys, visitPhoto(deps.db, routeScope(c), c.req.valid('param').id)),
    )
    .openapi(
      route('round:read', {
        method: 'get',
        path: '/households/{id}/visits',
        tags: ['rounds'],
        summary:
          'A household’s door-knocking visits inside the caller’s scope (of one round, or of all), oldest first, with whether each has a photo',
        request: { params: uuidParam, query: householdVisitsQuery },
        responses: {
          200: {
            description: 'Visits, oldest first',
            content: jsonContent(z.object({ data: z.array(householdVisitSchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { roundId } = c.req.valid('query');
        return c.json(
          { data: await householdVisits(deps, routeScope(c), c.req.valid('param').id, roundId) },
          200,
        );
      },
    )
    .openapi(
      route('round:read', {
        method: 'get',
        path: '/rounds',
        tags: ['rounds'],
        summary:
          'Door-knocking rounds concerning the caller’s scope, newest first, with their coverage there',
        request: { query: roundListQuery },
        responses: {
          200: { description: 'Rounds', content: jsonContent(z.object({ data: z.array(roundSchema) })) },
          ...errorResponses(400, 401, 403),
        },
      }),
      async (c) => c.json({ data: await listRounds(deps.db, routeScope(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      route('round:manage', {
        method: 'post',
        path: '/rounds',
        tags: ['rounds'],
        summary: 'Open a round over a county, street, community or grid: its households are listed at once',
        request: { body: { content: jsonContent(openRoundBody), required: true } },
        responses: {
          201: { description: 'Opened', content: roundResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await openRound(deps, routeScope(c), actorOf(c), c.req.valid('json')) }, 201),
    )
    .openapi(
      route('round:read', {
        method: 'get',
        path: '/rounds/{id}',
        tags: ['rounds'],
        summary: 'One round with its coverage inside the caller’s scope',
        request: { params: uuidParam },
        responses: {
          200: { description: 'The round', content: roundResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await getRound(deps.db, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('round:manage', {
        method: 'post',
        path: '/rounds/{id}/close',
        tags: ['rounds'],
        summary: 'Close a round: refused while households are not covered, unless a reason is given',
        request: { params: uuidParam, body: { content: jsonContent(closeRoundBody), required: true } },
        responses: {
          200: { description: 'Closed', content: roundResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await closeRound(
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
      route('round:read', {
        method: 'get',
        path: '/rounds/{id}/households',
        tags: ['rounds'],
        summary:
          'A page of the round’s households inside the caller’s scope (a grid worker’s grids, a leader’s buildings), filtered by grid, building, coverage and room/address, in building / unit / floor / room order, with their coverage and members (phones masked)',
        request: { params: uuidParam, query: roundHouseholdsQuery },
        responses: {
          200: { description: 'The visit list', content: jsonContent(roundHouseholdPageSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          await roundHouseholdPage(
            deps,
            routeScope(c),
            scopeFor(requireAuth(c), 'resident:read'),
            c.req.valid('param').id,
            c.req.valid('query'),
          ),
          200,
        ),
    )
    .openapi(
      route('round:read', {
        method: 'get',
        path: '/rounds/{id}/buildings',
        tags: ['rounds'],
        summary:
          'The round’s buildings inside the caller’s scope (the phone’s “my buildings”), by code, with their households pending, covered and visited',
        request: { params: uuidParam, query: roundBuildingsQuery },
        responses: {
          200: { description: 'Buildings', content: jsonContent(roundBuildingPageSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          await roundBuildingPage(deps.db, routeScope(c), c.req.valid('param').id, c.req.valid('query')),
          200,
        ),
    )
    .openapi(
      route('round:visit', {
        method: 'post',
        path: '/rounds/{id}/calls',
        tags: ['rounds'],
        summary:
          'Tap to call: the clear phone of a present member of one of the round’s households in the visitor’s scope (audited)',
        request: { params: uuidParam, body: { content: jsonContent(callBody), required: true } },
        responses: {
          200: { description: 'The number to dial', content: jsonContent(z.object({ data: callSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await callRoundResident(
              deps,
              routeScope(c),
              actorOf(c),
              c.req.valid('param').id,
              c.req.valid('json').residentId,
            ),
          },
          200,
        ),
    )
    .openapi(
      route('round:read', {
        method: 'get',
        path: '/rounds/{id}/progress',
        tags: ['rounds'],
        summary:
          'Live progress of a round inside the caller’s scope: the whole, per community, grid and visitor',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Progress', content: jsonContent(z.object({ data: progressSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await roundProgress(deps.db, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('round:visit', {
        method: 'post',
        path: '/rounds/{id}/visits',
        tags: ['rounds'],
        summary:
          'Record a visit of a household of the round (201); the same clientId again answers the stored visit (200)',
        request: { params: uuidParam, body: { content: jsonContent(visitBody), required: true } },
        responses: {
          200: { description: 'Already stored (same clientId)', content: visitResponse },
          201: { description: 'Recorded', content: visitResponse },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { visit, created } = await recordVisit(
          deps,
          routeScope(c),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return created ? c.json({ data: visit }, 201) : c.json({ data: visit }, 200);
      },
    );
}
