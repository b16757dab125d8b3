import { z } from '@hono/zod-openapi';

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
