import { z } from '@hono/zod-openapi';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { createPersonBody } from './people.schemas.ts';
import { gridWorkerEmployments, gridWorkerOccupations } from './people.tables.ts';

/** The first and last day a grid worker's service may name: other years are typing mistakes. */
export const FIRST_DAY = '1990-01-01';
export const LAST_DAY = '2100-12-31';

export const daySchema = z.iso
  .date(bi('请按 YYYY-MM-DD 填写有效日期', 'Use a valid date, YYYY-MM-DD'))
  .refine(
    (value) => value >= FIRST_DAY && value <= LAST_DAY,
    bi(`日期须在 ${FIRST_DAY} 至 ${LAST_DAY} 之间`, `The date must be between ${FIRST_DAY} and ${LAST_DAY}`),
  );

/** Delivery riders and couriers serve part-time ("mobile probes"). */
export const partTimeOccupations = ['delivery_rider', 'courier'] as const;

export const appointGridWorkerBody = z
  .strictObject({
    personId: z.uuid().optional().openapi({ description: 'An existing person (or give `person`)' }),
    // A new person (a resident, or standing alone), instead of `personId`.
    person: createPersonBody.optional(),
    gridIds: z
      .array(z.uuid())
      .min(1, bi('请至少选择一个网格', 'Choose at least one grid'))
      .max(20)
      .openapi({ description: 'Grids inside the caller’s scope' }),
    employment: z.enum(gridWorkerEmployments),
    occupation: z.enum(gridWorkerOccupations).default('staff'),
    startsOn: daySchema
      .optional()
      .openapi({ description: 'First day served (YYYY-MM-DD); today if left out' }),
    publishMobile: z
      .boolean()
      .optional()
      .openapi({ description: 'The person agreed to have their mobile printed on contact cards' }),
  })
  .superRefine((body, ctx) => {
    if ((body.personId === undefined) === (body.person === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['personId'],
        message: bi('请选择已有人员或填写新人员（二选一）', 'Give either personId or person, not both'),
      });
    }
    if (
      (partTimeOccupations as readonly string[]).includes(body.occupation) &&
      body.employment !== 'part_time'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['employment'],
        message: bi('外卖员、快递员只能担任兼职网格员', 'Delivery riders and couriers serve part-time'),
      });
    }
    if (new Set(body.gridIds).size !== body.gridIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['gridIds'],
        message: bi('网格重复', 'A grid is named twice'),
      });
    }
  })
  .openapi('AppointGridWorkerRequest');
export type AppointGridWorkerInput = z.infer<typeof appointGridWorkerBody>;

export const endGridWorkerBody = z
  .strictObject({
    gridIds: z.array(z.uuid()).min(1).max(20).optional().openapi({
      description: 'The grids to stop serving; every grid inside the caller’s scope if left out',
    }),
    endsOn: daySchema
      .optional()
      .openapi({ description: 'Last day served (YYYY-MM-DD, not after today); today if left out' }),
  })
  .openapi('EndGridWorkerRequest');
export type EndGridWorkerInput = z.infer<typeof endGridWorkerBody>;

const maxLoad = z.coerce.number().int().min(1).max(100_000).optional().openapi({
  description: 'Households per worker above which a worker or grid is marked (default: the county’s setting)',
});

export const gridWorkerListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional().openapi({ description: 'Part of a name' }),
  territoryId: z
    .uuid()
    .optional()
    .openapi({ description: 'Only workers serving a grid in this place (inside the scope)' }),
  employment: z.enum(gridWorkerEmployments).optional(),
  occupation: z.enum(gridWorkerOccupations).optional(),
  overloaded: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only workers above (true) or within (false) the load' }),
  maxLoad,
});
/** The list's filter, the load resolved (the caller's, or the county's setting). */
export type GridWorkerFilter = z.infer<typeof gridWorkerListQuery> & { maxLoad: number };

export const gridLoadQuery = z.object({
  territoryId: z.uuid().optional().openapi({ description: 'Only grids in this place (inside the scope)' }),
  uncovered: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only grids without a worker (true) or with one (false)' }),
  maxLoad,
});
export type GridLoadFilter = z.infer<typeof gridLoadQuery> & { maxLoad: number };

export const gridServiceSchema = z
  .object({
    id: z.string(),
    gridId: z.string(),
    gridCode: z.string(),
    gridName: z.string(),
    communityName: z.string().nullable(),
    employment: z.enum(gridWorkerEmployments),
    occupation: z.enum(gridWorkerOccupations),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    households: z.number().openapi({ description: 'Households of the grid (serving rows only)' }),
    workers: z.number().openapi({ description: 'Workers serving the grid (serving rows only)' }),
  })
  .openapi('GridService');

export const gridWorkerSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    mobile: z
      .string()
      .nullable()
      .openapi({ description: 'In full when the person agreed to publish it, masked otherwise' }),
    publishMobile: z.boolean(),
    territoryCode: z.string(),
    account: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    employment: z.enum(gridWorkerEmployments).nullable().openapi({ description: 'Of the current service' }),
    occupation: z.enum(gridWorkerOccupations).nullable(),
    grids: z.array(gridServiceSchema).openapi({ description: 'Grids served now' }),
    history: z.array(gridServiceSchema).openapi({ description: 'Ended service (in the detail only)' }),
    load: z.number().openapi({ description: 'Households per worker, summed over the grids served' }),
    overloaded: z.boolean(),
  })
  .openapi('GridWorker');
export type GridWorkerView = z.infer<typeof gridWorkerSchema>;

export const gridWorkerListSchema = z.object({
  data: z.array(gridWorkerSchema),
  page: pageInfo,
  maxLoad: z.number(),
});

export const gridLoadSchema = z
  .object({
    gridId: z.string(),
    gridCode: z.string(),
    gridName: z.string(),
    communityName: z.string().nullable(),
    households: z.number(),
    workers: z.number(),
    fullTime: z.number(),
    partTime: z.number(),
    loadPerWorker: z
      .number()
      .nullable()
      .openapi({ description: 'Households / workers; null without a worker' }),
    overloaded: z.boolean(),
  })
  .openapi('GridLoad');

export const gridLoadListSchema = z.object({
  data: z.array(gridLoadSchema),
  summary: z.object({
    grids: z.number(),
    uncovered: z.number(),
    overloaded: z.number(),
    maxLoad: z.number(),
  }),
});

export const openedAccountSchema = z
  .object({ username: z.string(), password: z.string() })
  .nullable()
  .openapi({ description: 'The account opened for the person (shown once), or null when they had one' });
