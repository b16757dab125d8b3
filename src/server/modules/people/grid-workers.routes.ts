import { z } from '@hono/zod-openapi';
import { scopeFor } from '../../core/auth/scope.ts';
import { readSetting } from '../../core/settings/settings.ts';
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
  appointGridWorkerBody,
  endGridWorkerBody,
  gridLoadListSchema,
  gridLoadQuery,
  gridWorkerListQuery,
  gridWorkerListSchema,
  gridWorkerSchema,
  openedAccountSchema,
} from './grid-workers.schemas.ts';
import {
  appointGridWorker,
  endGridWorker,
  getGridWorker,
  listGridLoads,
  listGridWorkers,
} from './grid-workers.service.ts';
import { maxWorkerLoad } from './people.settings.ts';

const workerResponse = jsonContent(z.object({ data: gridWorkerSchema }));
const detailQuery = z.object({ maxLoad: gridWorkerListQuery.shape.maxLoad });

/** Grid workers (网格员): appointment, end of service, lists with their household load, grids without a worker. */
export function gridWorkerRoutes(deps: ModuleDeps) {
  /** The load the caller names, or the county's setting. */
  const loadOf = async (given: number | undefined) => given ?? (await readSetting(deps.db, maxWorkerLoad));
  return createRouter()
    .openapi(
      route('grid_worker:read', {
        method: 'get',
        path: '/grid-workers',
        tags: ['grid-workers'],
        summary: 'Grid workers serving grids inside the caller’s scope, with their grids and household load',
        request: { query: gridWorkerListQuery },
        responses: {
          200: { description: 'A page', content: jsonContent(gridWorkerListSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const given = c.req.valid('query');
        const query = { ...given, maxLoad: await loadOf(given.maxLoad) };
        const { rows, total } = await listGridWorkers(deps, routeScope(c), query);
        return c.json(
          {
            data: rows,
            page: { page: query.page, pageSize: query.pageSize, total },
            maxLoad: query.maxLoad,
          },
          200,
        );
      },
    )
    .openapi(
      // Before /grid-workers/{id}: both match this path, and the first registered answers.
      route('grid_worker:read', {
        method: 'get',
        path: '/grid-workers/grids',
        tags: ['grid-workers'],
        summary:
          'Workload of every grid inside the scope: households, workers, households per worker, uncovered grids',
        request: { query: gridLoadQuery },
        responses: {
          200: { description: 'Grids', content: jsonContent(gridLoadListSchema) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const filter = { ...query, maxLoad: await loadOf(query.maxLoad) };
        return c.json(await listGridLoads(deps.db, routeScope(c), filter), 200);
      },
    )
    .openapi(
      route('grid_worker:read', {
        method: 'get',
        path: '/grid-workers/{id}',
        tags: ['grid-workers'],
        summary: 'One grid worker (a person id) serving or having served a grid inside the scope',
        request: { params: uuidParam, query: detailQuery },
        responses: {
          200: { description: 'The worker', content: workerResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          {
            data: await getGridWorker(
              deps,
              routeScope(c),
              c.req.valid('param').id,
              await loadOf(c.req.valid('query').maxLoad),
            ),
          },
          200,
        ),
    )
    .openapi(
      route('grid_worker:write', {
        method: 'post',
        path: '/grid-workers',
        tags: ['grid-workers'],
        summary:
          'Appoint a person grid worker of grids (giving them the grid_worker role over every grid they serve)',
        request: { body: { content: jsonContent(appointGridWorkerBody), required: true } },
        responses: {
          201: {
            description: 'Appointed',
            content: jsonContent(z.object({ data: gridWorkerSchema, opened: openedAccountSchema })),
          },
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const residents = scopeFor(requireAuth(c), 'resident:read');
        const { personId, opened } = await appointGridWorker(
          deps,
          { write: scope, residents },
          requireAuth(c),
          actorOf(c),
          c.req.valid('json'),
        );
        const data = await getGridWorker(deps, scope, personId, await loadOf(undefined));
        return c.json({ data, opened }, 201);
      },
    )
    .openapi(
      route('grid_worker:write', {
        method: 'post',
        path: '/grid-workers/{id}/end',
        tags: ['grid-workers'],
        summary:
          'End a worker’s service on grids (all inside the scope when none named); access shrinks at once',
        request: { params: uuidParam, body: { content: jsonContent(endGridWorkerBody), required: true } },
        responses: {
          200: { description: 'The worker', content: workerResponse },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const scope = routeScope(c);
        const { id } = c.req.valid('param');
        await endGridWorker(deps, scope, actorOf(c), id, c.req.valid('json'));
        return c.json({ data: await getGridWorker(deps, scope, id, await loadOf(undefined)) }, 200);
      },
    );
}
