import { z } from '@hono/zod-openapi';
import {
  agePyramidSchema,
  childAreaStatsSchema,
  householdStatsSchema,
  keyPopulationByTagSchema,
  residentStatsSchema,
} from '../registry/registry.public.ts';
import { ancestorSchema, territoryLevels } from '../territory/territory.public.ts';
import { bi } from '../../core/http/validation.ts';
import type { Text } from '../../core/http/errors.ts';

/** The first and last day a period may name: other years are typing mistakes, not periods of this platform. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2100-12-31';

const day = (description: string) =>
  z.iso
    .date(bi('请按 YYYY-MM-DD 填写有效日期', 'Use a valid date, YYYY-MM-DD'))
    .refine(
      (value) => value >= FIRST_DAY && value <= LAST_DAY,
      bi(
        `日期须在 ${FIRST_DAY} 至 ${LAST_DAY} 之间`,
        `The date must be between ${FIRST_DAY} and ${LAST_DAY}`,
      ),
    )
    .optional()
    .openapi({ description: `${description} (YYYY-MM-DD, ${FIRST_DAY} to ${LAST_DAY})` });

export const figuresQuery = z
  .object({
    territoryId: z
      .uuid()
      .optional()
      .openapi({ description: 'Narrow to this node’s subtree (within the caller’s scope)' }),
    from: day(
      'Start of the period for flow figures (moved in, moved out, registered …), from the start of this day (Asia/Shanghai); from the first record when absent; not after `to`',
    ),
    to: day(
      'End of the period; stock figures are counted as of the end of this day (Asia/Shanghai), from the valid periods of the records (where each resident lived then, the territory nodes of that day), and flows up to it. Before the first record they are 0; a day after today counts as today',
    ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: bi('开始日期不能晚于结束日期', 'The start date must not be after the end date'),
    path: ['from'],
  });

/**
 * The report's figures: one flat object with the stable keys of DOMAIN.md §4, one per figure the modules declare
 * (`defineModule({ figures })`), each described by its label.
 */
export function figuresSchemaOf(keys: Map<string, Text>) {
  return z
    .object(
      Object.fromEntries(
        [...keys].map(([key, label]) => [
          key,
          z
            .number()
            .int()
            .openapi({ description: `${label.zh} — ${label.en}` }),
        ]),
      ),
    )
    .openapi('Figures');
}
export type Figures = Record<string, number>;

/** The figures the overview shows for a place and each of its children. */
const overviewFiguresSchema = z
  .object({
    streets: z.number().int(),
    communities: z.number().int(),
    grids: z.number().int(),
    buildings: z.number().int(),
    households: z.number().int(),
    residents: z.number().int(),
    keyPopulation: z.number().int(),
  })
  .openapi('OverviewFigures');

export const overviewQuery = z.object({ territoryId: z.uuid().optional() });

/**
 * The county overview of a place: its figures, age structure and key populations, and the same numbers for each
 * child area.
 */
export const overviewSchema = z
  .strictObject({
    territory: z
      .strictObject({
        id: z.string(),
        level: z.enum(territoryLevels),
        code: z.string(),
        name: z.string(),
        ancestors: z.array(ancestorSchema),
      })
      .nullable()
      .openapi({
        description:
          'The place shown; null for the whole of a scope of several places (figures summed over `places`, each a child)',
      }),
    places: z
      .array(
        z.strictObject({
          id: z.string(),
          level: z.enum(territoryLevels),
          code: z.string(),
          name: z.string(),
        }),
      )
      .openapi({
        description: 'The places of the caller’s scope (the tops of their area), for a switch between them',
      }),
    figures: overviewFiguresSchema.strict(),
    households: householdStatsSchema,
    residents: residentStatsSchema,
    agePyramid: agePyramidSchema,
    keyPopulationByTag: keyPopulationByTagSchema,
    children: z.array(childAreaStatsSchema),
  })
  .openapi('Overview');

/**
 * GET /insights/overview; `data` is null when the caller's scope holds no territory at all. (A union with null
 * rather than .nullable(): the OpenAPI generator drops the null of a nullable named schema.)
 */
export const overviewResponseSchema = z.object({ data: z.union([overviewSchema, z.null()]) });
