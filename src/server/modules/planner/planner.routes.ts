import { z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/context.ts';
import {
  createRouter,
  errorResponses,
  jsonContent,
  route,
  routeScope,
  uuidParam,
} from '../../core/http/openapi.ts';
import type { ModuleDeps } from '../../core/kit/module.ts';
import { applyProposal } from './planner.apply.ts';
import { exportGeoJson, exportWorkbook } from './planner.export.ts';
import { attachment, XLSX_TYPE } from '../registry/registry.public.ts';
import { addBarriers, deleteBarrier, listBarriers } from './planner.barriers.ts';
import {
  applyResultSchema,
  barrierBody,
  barrierImportBody,
  barrierListQuery,
  barrierSchema,
  moveBody,
  proposalBody,
  proposalDetailSchema,
  proposalListQuery,
  proposalMapSchema,
  proposalSummarySchema,
} from './planner.schemas.ts';
import {
  createProposal,
  listProposals,
  moveBuilding,
  proposalDetail,
  proposalMap,
} from './planner.service.ts';

const tags = ['planner'];
const detail = {
  description: 'The proposal',
  content: jsonContent(z.object({ data: proposalDetailSchema })),
};

export function plannerRoutes(deps: ModuleDeps) {
  return createRouter()
    .openapi(
      route('planner:plan', {
        method: 'post',
        path: '/planner/proposals',
        tags,
        summary:
          'Plans the grids of a community, street or the county inside the caller’s scope from the registry and stores the proposal (run in the request; the time limit caps it)',
        request: { body: { content: jsonContent(proposalBody), required: true } },
        responses: { 201: detail, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) =>
        c.json({ data: await createProposal(deps.db, routeScope(c), actorOf(c), c.req.valid('json')) }, 201),
    )
    .openapi(
      route('planner:plan', {
        method: 'get',
        path: '/planner/proposals',
        tags,
        summary: 'Proposals of places inside the caller’s scope, newest first (at most 200)',
        request: { query: proposalListQuery },
        responses: {
          200: {
            description: 'Proposals',
            content: jsonContent(z.object({ data: z.array(proposalSummarySchema) })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await listProposals(deps.db, routeScope(c), c.req.valid('query').territoryId) }, 200),
    )
    .openapi(
      route('planner:plan', {
        method: 'get',
        path: '/planner/proposals/{id}',
        tags,
        summary:
          'A proposal: its measures against today’s, each grid’s figures, the grids’ polygons (GeoJSON) and the buildings that change grid',
        request: { params: uuidParam },
        responses: { 200: detail, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) =>
        c.json({ data: await proposalDetail(deps.db, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('planner:plan', {
        method: 'get',
        path: '/planner/proposals/{id}/map',
        tags,
        summary:
          'What the page draws of a proposal: every building’s point with today’s and the proposed grid and the grids it may move to, today’s grids’ polygons and the barrier lines',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'The proposal’s map',
            content: jsonContent(z.object({ data: proposalMapSchema })),
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json({ data: await proposalMap(deps.db, routeScope(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('planner:plan', {
        method: 'get',
        path: '/planner/proposals/{id}/export.geojson',
        tags,
        summary:
          'A proposal as GeoJSON: the proposed grids’ polygons and every building (point) with its old and new grid code (CJ/T 349)',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'GeoJSON FeatureCollection',
            content: {
              'application/geo+json': {
                schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
              },
            },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const collection = await exportGeoJson(deps.db, routeScope(c), id);
        return c.json(collection, 200, {
          'Content-Type': 'application/geo+json',
          'Content-Disposition': attachment(`网格调整方案-${id}.geojson`),
        });
      },
    )
    .openapi(
      route('planner:plan', {
        method: 'get',
        path: '/planner/proposals/{id}/export.xlsx',
        tags,
        summary: 'A proposal’s buildings with their old and new grid codes (CJ/T 349) as an .xlsx sheet',
        request: { params: uuidParam },
        responses: {
          200: {
            description: 'The sheet',
            content: { [XLSX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const file = await exportWorkbook(deps.db, routeScope(c), id);
        return c.body(new Uint8Array(file), 200, {
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': attachment(`网格调整方案-${id}.xlsx`),
          'Cache-Control': 'no-store',
        });
      },
    )
    .openapi(
      route('planner:plan', {
        method: 'post',
        path: '/planner/proposals/{id}/moves',
        tags,
        summary:
          'Moves a building of a draft proposal to a neighbouring grid (409 unless a neighbouring building lies in it and the grid it leaves stays connected); the measures recomputed',
        request: { params: uuidParam, body: { content: jsonContent(moveBody), required: true } },
        responses: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      }),
      async (c) =>
        c.json(
          {
            data: await moveBuilding(
              deps.db,
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
      route('planner:apply', {
        method: 'post',
        path: '/planner/proposals/{id}/apply',
        tags,
        summary:
          'Applies a draft proposal in one audited transaction: new grids created, retired ones ended, buildings, households and residents moved with their history (409 when the place changed since, or already applied)',
        request: { params: uuidParam },
        responses: {
          200: { description: 'Applied', content: jsonContent(z.object({ data: applyResultSchema })) },
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json({ data: await applyProposal(deps, routeScope(c), actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      route('planner:plan', {
        method: 'get',
        path: '/planner/barriers',
        tags,
        summary: 'Barrier lines (main roads, rivers, rail lines) drawn inside the caller’s scope',
        request: { query: barrierListQuery },
        responses: {
          200: { description: 'Barriers', content: jsonContent(z.object({ data: z.array(barrierSchema) })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) =>
        c.json({ data: await listBarriers(deps.db, routeScope(c), c.req.valid('query').territoryId) }, 200),
    )
    .openapi(
      route('planner:plan', {
        method: 'post',
        path: '/planner/barriers',
        tags,
        summary: 'Draws a barrier line (longitude/latitude) in a place inside the caller’s scope',
        request: { body: { content: jsonContent(barrierBody), required: true } },
        responses: {
          201: { description: 'Added', content: jsonContent(z.object({ data: barrierSchema })) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { territoryId, ...line } = c.req.valid('json');
        const [added] = await addBarriers(
          deps.db,
          routeScope(c),
          actorOf(c),
          territoryId,
          [line],
          (_, point) => `line.${point}`,
        );
        return c.json({ data: added! }, 201);
      },
    )
    .openapi(
      route('planner:plan', {
        method: 'post',
        path: '/planner/barriers/import',
        tags,
        summary:
          'Imports barrier lines from a GeoJSON FeatureCollection of LineStrings (properties kind and name; at most 500 lines of 5,000 points)',
        request: { body: { content: jsonContent(barrierImportBody), required: true } },
        responses: {
          201: { description: 'Imported', content: jsonContent(z.object({ data: z.array(barrierSchema) })) },
          ...errorResponses(400, 401, 403, 404, 413),
        },
      }),
      async (c) => {
        const { territoryId, collection } = c.req.valid('json');
        const lines = collection.features.map((f) => ({
          kind: f.properties.kind,
          name: f.properties.name,
          line: f.geometry.coordinates,
        }));
        return c.json(
          {
            data: await addBarriers(
              deps.db,
              routeScope(c),
              actorOf(c),
              territoryId,
              lines,
              (line, point) => `collection.features.${line}.geometry.coordinates.${point}`,
            ),
          },
          201,
        );
      },
    )
    .openapi(
      route('planner:plan', {
        method: 'delete',
        path: '/planner/barriers/{id}',
        tags,
        summary: 'Deletes a barrier line inside the caller’s scope',
        request: { params: uuidParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        await deleteBarrier(deps.db, routeScope(c), actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
