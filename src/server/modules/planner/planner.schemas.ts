import { z } from '@hono/zod-openapi';
import { bi } from '../../core/http/validation.ts';
import { barrierKinds, proposalModes, proposalStatuses } from './planner.tables.ts';

const int = (min: number, max: number, zh: string, en: string) =>
  z
    .number(bi(`${zh}应为数字`, `${en} must be a number`))
    .int(bi(`${zh}应为整数`, `${en} must be a whole number`))
    .min(min, bi(`${zh}不能小于 ${min}`, `${en} must be at least ${min}`))
    .max(max, bi(`${zh}不能大于 ${max}`, `${en} must be at most ${max}`));

export const proposalBody = z
  .object({
    territoryId: z
      .uuid(bi('请选择要规划的社区、街道或全县', 'Choose the community, street or county to plan'))
      .openapi({ description: 'A community, a street or the county inside the caller’s scope' }),
    mode: z
      .enum(proposalModes, bi('方式应为重新划分或在现有网格上调整', 'The mode must be fresh or adjust'))
      .default('adjust')
      .openapi({
        description:
          'fresh: draw the grids anew; adjust: from today’s grids, moving as few households as it can',
      }),
    targetHouseholds: int(50, 2000, '每格目标户数', 'Households per grid').default(300),
    tolerance: z
      .number(bi('容差应为数字', 'The tolerance must be a number'))
      .min(0.01, bi('容差不能小于 0.01', 'The tolerance must be at least 0.01'))
      .max(0.5, bi('容差不能大于 0.5', 'The tolerance must be at most 0.5'))
      .default(0.1)
      .openapi({ description: 'Balance tolerance: 0.10 = ±10% of the target mean' }),
    gridCount: int(1, 2000, '网格数', 'The number of grids').optional().openapi({
      description:
        'The number of grids of the place, instead of the target (split among its communities by households)',
    }),
    seed: int(1, 1_000_000, '随机种子', 'The seed').default(1),
    pinnedBuildingIds: z
      .array(
        z.uuid(bi('楼栋编号格式不正确', 'A building id is not valid')),
        bi('固定楼栋应为列表', 'Pinned buildings must be a list'),
      )
      .max(5000, bi('固定楼栋最多 5000 栋', 'At most 5,000 pinned buildings'))
      .default([])
      .openapi({ description: 'Buildings that keep today’s grid (adjust mode)' }),
    timeLimitMs: int(200, 20_000, '时间上限（毫秒）', 'The time limit (ms)').default(10_000).openapi({
      description:
        'The best layout found by then is returned (the demo county takes 3–6 s; the plan returns as soon as it is done)',
    }),
  })
  .strict();
export type ProposalInput = z.infer<typeof proposalBody>;

const measures = z
  .object({
    grids: z.number().int(),
    meanDeviation: z.number(),
    maxDeviation: z.number(),
    withinTolerance: z.number(),
    discontiguousGrids: z.number().int(),
    meanPolsbyPopper: z.number(),
    edgeCut: z.number(),
    keyPopulationCV: z.number(),
    movedHouseholds: z.number().int(),
    movedShare: z.number(),
  })
  .openapi('PlanMeasures');

export const proposalSummarySchema = z
  .object({
    id: z.uuid(),
    territoryId: z.uuid(),
    territoryCode: z.string(),
    level: z.string(),
    mode: z.enum(proposalModes),
    targetHouseholds: z.number().int(),
    tolerance: z.number(),
    gridCount: z.number().int().nullable(),
    seed: z.number().int(),
    status: z.enum(proposalStatuses),
    timedOut: z.boolean(),
    elapsedMs: z.number().int(),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
    changedBuildings: z.number().int(),
    measures: measures,
  })
  .openapi('PlanProposalSummary');

const gridRow = z.object({
  id: z
    .string()
    .openapi({ description: 'Today’s grid code where kept; `<community code>-NNN` for a new grid' }),
  communityCode: z.string(),
  buildings: z.number().int(),
  households: z.number().int(),
  residents: z.number().int().nullable(),
  keyPopulation: z.number().int(),
  area: z.number().openapi({ description: 'Square metres' }),
  isNew: z.boolean(),
});

const changeRow = z.object({
  buildingId: z.uuid(),
  buildingCode: z.string(),
  buildingName: z.string(),
  households: z.number().int(),
  from: z.string().nullable(),
  to: z.string(),
  reason: z
    .string()
    .openapi({ description: 'balance, shape, split, merge, contiguity, unassigned, redraw or manual' }),
});

const balanceLimitRow = z
  .object({
    communityCode: z.string(),
    communityName: z.string().nullable().openapi({ description: 'Null when the community no longer exists' }),
    buildings: z.number().int(),
    households: z.number().int(),
    grids: z.number().int(),
    lo: z.number().int().openapi({ description: 'Fewest households a grid within the tolerance may hold' }),
    hi: z.number().int().openapi({ description: 'Most households a grid within the tolerance may hold' }),
    kind: z.enum(['totals', 'tooLarge', 'noGroup', 'packing', 'connected']).openapi({
      description:
        'The proof: totals (the households do not fit the grids), tooLarge (one building holds more than hi), noGroup (no connected group of buildings containing the building holds lo–hi), packing (the buildings cannot be split into the grids at all), connected (they can, but not into grids of connected buildings)',
    }),
    buildingName: z.string().nullable(),
    buildingHouseholds: z.number().int().nullable(),
  })
  .openapi('PlanBalanceLimit');

const position = z.tuple([z.number(), z.number()]);
export const gridPolygonsSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ grid: z.string() }),
        geometry: z.object({
          type: z.literal('MultiPolygon'),
          coordinates: z.array(z.array(z.array(position))),
        }),
      }),
    ),
  })
  .openapi('PlanGridPolygons');

export const proposalDetailSchema = proposalSummarySchema
  .extend({
    territoryName: z.string(),
    today: measures,
    movesLowerBound: z.number().int().nullable(),
    balanceLimits: z.array(balanceLimitRow).openapi({
      description:
        'Parts of communities where no layout with this number of grids can have every grid within the tolerance (proven)',
    }),
    grids: z.array(gridRow),
    changes: z.array(changeRow),
    polygons: gridPolygonsSchema,
  })
  .openapi('PlanProposal');

export const proposalListQuery = z.object({
  territoryId: z.uuid(bi('地区编号格式不正确', 'The place id is not valid')).optional().openapi({
    description: 'Only proposals of this place and the places below it',
  }),
});

export const moveBody = z
  .object({
    buildingId: z
      .uuid(bi('请选择楼栋', 'Choose a building'))
      .optional()
      .openapi({ description: 'The building to move (or buildingIds)' }),
    buildingIds: z
      .array(
        z.uuid(bi('楼栋编号格式不正确', 'A building id is malformed')),
        bi('请选择楼栋', 'Choose buildings'),
      )
      .min(1, bi('请至少选择一栋楼', 'Choose at least one building'))
      .max(500, bi('一次最多移动 500 栋楼', 'At most 500 buildings move at once'))
      .optional()
      .openapi({
        description:
          'Several buildings moved at once to the same grid, judged on the layout after the whole move (or buildingId)',
      }),
    toGrid: z
      .string(bi('请选择目标网格', 'Choose the grid to move it to'))
      .min(1, bi('请选择目标网格', 'Choose the grid to move it to'))
      .max(40, bi('网格编号过长', 'The grid id is too long')),
  })
  .strict()
  .refine((b) => (b.buildingId === undefined) !== (b.buildingIds === undefined), {
    path: ['buildingId'],
    message: bi('请选择要移动的楼栋（一栋或多栋）', 'Choose the building or buildings to move'),
  });

export const applyResultSchema = z
  .object({
    proposalId: z.uuid(),
    gridsCreated: z.number().int(),
    gridsRetired: z.number().int(),
    buildingsMoved: z.number().int(),
    householdsMoved: z.number().int(),
    residentsMoved: z.number().int(),
  })
  .openapi('PlanApplied');

// Barriers: a line string in longitude/latitude.
const lng = z
  .number(bi('经度应为数字', 'The longitude must be a number'))
  .min(-180, bi('经度须在 -180 到 180 之间', 'The longitude must lie between -180 and 180'))
  .max(180, bi('经度须在 -180 到 180 之间', 'The longitude must lie between -180 and 180'));
const lat = z
  .number(bi('纬度应为数字', 'The latitude must be a number'))
  .min(-90, bi('纬度须在 -90 到 90 之间', 'The latitude must lie between -90 and 90'))
  .max(90, bi('纬度须在 -90 到 90 之间', 'The latitude must lie between -90 and 90'));
export const MAX_LINE_POINTS = 5000;
const line = z
  .array(
    z.tuple([lng, lat], bi('坐标应为 [经度, 纬度]', 'A point must be [longitude, latitude]')),
    bi('线应为坐标列表', 'The line must be a list of points'),
  )
  .min(2, bi('一条线至少两个点', 'A line needs at least two points'))
  .max(
    MAX_LINE_POINTS,
    bi(`一条线最多 ${MAX_LINE_POINTS} 个点`, `A line has at most ${MAX_LINE_POINTS} points`),
  );
const kind = z.enum(barrierKinds, bi('类型应为道路、河流或铁路', 'The kind must be road, river or rail'));
const name = z
  .string(bi('请填写名称', 'Enter a name'))
  .trim()
  .min(1, bi('请填写名称', 'Enter a name'))
  .max(100, bi('名称最多 100 字', 'The name has at most 100 characters'));
const territoryId = z.uuid(bi('请选择所在区域', 'Choose the place it is drawn in'));

export const barrierBody = z.object({ territoryId, kind, name, line }).strict();

export const MAX_IMPORT_FEATURES = 500;
export const barrierImportBody = z
  .object({
    territoryId,
    collection: z
      .object({
        type: z.literal(
          'FeatureCollection',
          bi('应为 GeoJSON FeatureCollection', 'Must be a GeoJSON FeatureCollection'),
        ),
        features: z
          .array(
            z.object({
              type: z.literal(
                'Feature',
                bi('每一项应为 GeoJSON Feature', 'Each item must be a GeoJSON Feature'),
              ),
              properties: z
                .object(
                  { kind, name },
                  bi('properties 须含 kind 和 name', 'properties must hold kind and name'),
                )
                .passthrough(),
              geometry: z.object({
                type: z.literal(
                  'LineString',
                  bi('只接受 LineString 线', 'Only LineString geometries are accepted'),
                ),
                coordinates: line,
              }),
            }),
          )
          .min(1, bi('至少一条线', 'At least one line'))
          .max(
            MAX_IMPORT_FEATURES,
            bi(`一次最多导入 ${MAX_IMPORT_FEATURES} 条线`, `At most ${MAX_IMPORT_FEATURES} lines at once`),
          ),
      })
      .strict(),
  })
  .strict();

export const barrierSchema = z
  .object({
    id: z.uuid(),
    territoryCode: z.string(),
    kind: z.enum(barrierKinds),
    name: z.string(),
    line: z.array(position),
    createdAt: z.string(),
  })
  .openapi('PlanBarrier');

export const barrierListQuery = z.object({
  territoryId: z.uuid(bi('地区编号格式不正确', 'The place id is not valid')).optional(),
});

export const proposalMapSchema = z
  .object({
    id: z.uuid(),
    buildings: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        lng: z.number(),
        lat: z.number(),
        households: z.number().int(),
        today: z.string().openapi({ description: 'Today’s grid code' }),
        grid: z.string().openapi({ description: 'The proposed grid' }),
        neighbours: z.array(z.string()).openapi({
          description:
            'Other grids a neighbouring building (in G) lies in: where a move may take it (the move still checks that the grid it leaves stays connected)',
        }),
        pinned: z.boolean(),
      }),
    ),
    // Today’s grids’ polygons, from the same cells (a described reference would type as `X & unknown`).
    today: gridPolygonsSchema,
    barriers: z.array(z.array(position)).openapi({ description: 'The barrier lines the plan honoured' }),
  })
  .openapi('PlanProposalMap');
