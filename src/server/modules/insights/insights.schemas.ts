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
          z.number().openapi({ description: `${label.zh} — ${label.en}` }),
        ]),
      ),
    )
    .openapi('Figures');
}
export type Figures = Record<string, number>;

export const trendIntervals = ['month', 'quarter', 'year'] as const;
export type TrendInterval = (typeof trendIntervals)[number];

/** GET /insights/trends: chosen figures over consecutive periods ending with the one holding `to`. */
export function trendsQueryOf(keys: Map<string, Text>) {
  return z.object({
    territoryId: z
      .uuid()
      .optional()
      .openapi({ description: 'Narrow to this node’s subtree (within the caller’s scope)' }),
    keys: z
      .string()
      .max(2000)
      .transform((value, ctx) => {
        const list = [
          ...new Set(
            value
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean),
          ),
        ];
        const unknown = list.filter((k) => !keys.has(k));
        if (list.length === 0 || list.length > 12 || unknown.length) {
          ctx.addIssue({
            code: 'custom',
            message: bi(
              unknown.length ? `没有这些指标：${unknown.join('、')}` : '请用逗号分隔列出 1 至 12 个指标',
              unknown.length
                ? `No such figures: ${unknown.join(', ')}`
                : 'List 1 to 12 figure keys, separated by commas',
            ),
          });
          return z.NEVER;
        }
        return list;
      })
      .openapi({
        description: 'Figure keys, comma separated (1 to 12), as GET /insights/figures names them',
      }),
    interval: z
      .enum(
        trendIntervals,
        bi('周期须为 month、quarter 或 year', 'The interval must be month, quarter or year'),
      )
      .default('month'),
    periods: z.coerce
      .number(bi('请填写 1 至 36 的整数', 'Give a whole number from 1 to 36'))
      .int(bi('请填写 1 至 36 的整数', 'Give a whole number from 1 to 36'))
      .min(1, bi('请填写 1 至 36 的整数', 'Give a whole number from 1 to 36'))
      .max(36, bi('请填写 1 至 36 的整数', 'Give a whole number from 1 to 36'))
      .default(12),
    to: day('The day the last period ends on (its period is cut there); today when absent'),
  });
}

export const trendsSchema = z
  .strictObject({
    interval: z.enum(trendIntervals),
    periods: z.array(
      z.strictObject({
        label: z.string().openapi({ description: '2026-03, 2026-Q1 or 2026' }),
        from: z.string().openapi({ description: 'First day (YYYY-MM-DD)' }),
        to: z
          .string()
          .openapi({ description: 'Last day (YYYY-MM-DD): stock figures as of its end, flows from..to' }),
        values: z.record(z.string(), z.number()),
      }),
    ),
  })
  .openapi('Trends');

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
