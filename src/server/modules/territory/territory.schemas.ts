import { z } from '@hono/zod-openapi';
import { bi } from '../../core/http/validation.ts';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { territoryLevels } from './territory.tables.ts';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/**
 * The most points of one ring and of a whole boundary. A real community or grid boundary has tens to hundreds (the
 * demo town's largest ring has 62); the limits leave ample room and bound what a boundary can cost to check.
 */
export const MAX_RING_POSITIONS = 5_000;
export const MAX_BOUNDARY_POSITIONS = 10_000;

const ring = z
  .array(position)
  .min(4, bi('多边形的环至少需要 4 个点', 'A polygon ring needs at least 4 positions'))
  .max(
    MAX_RING_POSITIONS,
    bi(
      `多边形的一个环最多 ${MAX_RING_POSITIONS} 个点`,
      `A polygon ring has at most ${MAX_RING_POSITIONS} positions`,
    ),
  );

const positionsOf = (rings: unknown[][]) => rings.reduce((sum, r) => sum + r.length, 0);
const capPositions = (count: number, ctx: z.RefinementCtx) => {
  if (count <= MAX_BOUNDARY_POSITIONS) return;
  ctx.addIssue({
    code: 'too_big',
    origin: 'array',
    maximum: MAX_BOUNDARY_POSITIONS,
    inclusive: true,
    input: count,
    message: bi(
      `边界最多 ${MAX_BOUNDARY_POSITIONS} 个点（所有环合计）`,
      `A boundary has at most ${MAX_BOUNDARY_POSITIONS} positions in all its rings`,
    ),
  });
};

export const boundarySchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('Polygon'),
      coordinates: z
        .array(ring)
        .min(1)
        .superRefine((rings, ctx) => capPositions(positionsOf(rings), ctx)),
    }),
    z.strictObject({
      type: z.literal('MultiPolygon'),
      coordinates: z
        .array(z.array(ring).min(1))
        .min(1)
        .superRefine((polygons, ctx) => capPositions(positionsOf(polygons.flat()), ctx)),
    }),
  ])
  .openapi('Boundary', { description: 'GeoJSON Polygon or MultiPolygon geometry (WGS 84)' });

export const countsSchema = z.object({ streets: z.number(), communities: z.number(), grids: z.number() });

export const territoryNodeSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    level: z.enum(territoryLevels),
    code: z.string(),
    name: z.string(),
    sequence: z.number(),
    hasBoundary: z.boolean(),
    counts: countsSchema,
  })
  .openapi('TerritoryNode');

export type TerritoryNode = z.infer<typeof territoryNodeSchema>;
export type TerritoryTreeNode = TerritoryNode & { children: TerritoryTreeNode[] };

export const territoryTreeNodeSchema: z.ZodType<TerritoryTreeNode> = territoryNodeSchema
  .extend({ children: z.array(z.lazy(() => territoryTreeNodeSchema)) })
  .openapi('TerritoryTreeNode');

export const territoryDetailSchema = territoryNodeSchema
  .extend({
    boundary: boundarySchema.nullable(),
    ancestors: z.array(
      z.object({ id: z.string(), level: z.enum(territoryLevels), code: z.string(), name: z.string() }),
    ),
    children: z.array(territoryNodeSchema),
  })
  .openapi('TerritoryDetail');

export const territoryListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional().openapi({ description: 'Part of a name or code' }),
  level: z.enum(territoryLevels).optional(),
  parentId: z.uuid().optional(),
});

export const territoryListSchema = z.object({ data: z.array(territoryNodeSchema), page: pageInfo });

const nameSchema = z
  .string()
  .trim()
  .min(2, bi('名称至少 2 个字', 'The name needs at least 2 characters'))
  .max(40, bi('名称最多 40 个字', 'The name is at most 40 characters'))
  .regex(/^[^<>"'`\\]+$/, bi('名称不能包含 < > " \' ` \\ 等字符', 'The name must not contain < > " \' ` \\'));

export const createTerritoryBody = z
  .strictObject({
    parentId: z.uuid(),
    name: nameSchema,
    sequence: z.number().int().min(1).max(999).optional().openapi({
      description: 'Sequence number among siblings; the next free one when omitted. It forms the code.',
    }),
    boundary: boundarySchema.nullable().optional(),
  })
  .openapi('CreateTerritoryRequest');

export const updateTerritoryBody = z
  .strictObject({
    name: nameSchema.optional(),
    boundary: boundarySchema.nullable().optional(),
  })
  .openapi('UpdateTerritoryRequest');

/** A node named by id, level, code and name: an ancestor on a breadcrumb. */
export const ancestorSchema = z.strictObject({
  id: z.string(),
  level: z.enum(territoryLevels),
  code: z.string(),
  name: z.string(),
});
