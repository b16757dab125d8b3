import { z } from '@hono/zod-openapi';
import {
  agePyramidSchema,
  ancestorSchema,
  childAreaStatsSchema,
  householdStatsSchema,
  keyPopulationByTagSchema,
  residentStatsSchema,
} from '../territory/territory.schemas.ts';
import { territoryLevels } from '../territory/territory.tables.ts';

export const figuresQuery = z.object({
  territoryId: z
    .uuid()
    .optional()
    .openapi({ description: 'Narrow to this node’s subtree (within the caller’s scope)' }),
  from: z.iso.date().optional().openapi({ description: 'Start of the period (YYYY-MM-DD) for flow figures' }),
  to: z.iso
    .date()
    .optional()
    .openapi({ description: 'End of the period; stock figures are counted as of this day' }),
});

/** The report's figures, one flat object with the stable keys of DOMAIN.md §4. Later modules add their keys. */
export const figuresSchema = z
  .object({
    streets: z.number().int(),
    communities: z.number().int(),
    grids: z.number().int(),
    buildings: z.number().int(),
    households: z.number().int(),
    residents: z.number().int(),
    keyPopulation: z.number().int(),
  })
  .openapi('Figures');
export type Figures = z.infer<typeof figuresSchema>;

export const overviewQuery = z.object({ territoryId: z.uuid().optional() });

/**
 * The county overview of a place: its figures, age structure and key populations, and the same numbers for each
 * child area.
 */
export const overviewSchema = z
  .strictObject({
    territory: z.strictObject({
      id: z.string(),
      level: z.enum(territoryLevels),
      code: z.string(),
      name: z.string(),
      ancestors: z.array(ancestorSchema),
    }),
    figures: figuresSchema.strict(),
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
