import { z } from '@hono/zod-openapi';
import { bi } from '../../core/http/validation.ts';

export const coverageQuery = z.strictObject({
  territoryId: z
    .uuid()
    .optional()
    .openapi({ description: 'A place inside the caller’s scope (default: all of it)' }),
  maxLoad: z.coerce
    .number()
    .int(bi('请填写整数', 'Give a whole number'))
    .min(1, bi('至少为 1', 'At least 1'))
    .max(100_000, bi('最多 100000', 'At most 100,000'))
    .optional()
    .openapi({
      description:
        'Households per grid worker above which a worker is listed (default: the county’s setting)',
    }),
});

const list = <T extends z.ZodType>(row: T) => z.object({ total: z.number().int(), rows: z.array(row) });
const gridRow = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const coverageSchema = z
  .object({
    asOf: z.string().openapi({ description: 'The day (Asia/Shanghai) the board describes' }),
    maxLoad: z.number().int(),
    expiringWithinDays: z.number().int(),
    buildingsWithoutLeader: list(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        gridCode: z.string(),
        gridName: z.string().nullable(),
        households: z.number().int(),
      }),
    ),
    gridsWithoutWorker: list(gridRow),
    gridsWithoutBranch: list(gridRow),
    branchesWithoutSecretary: list(z.object({ id: z.string(), name: z.string(), communityCode: z.string() })),
    termsExpiring: list(
      z.object({
        id: z.string(),
        buildingId: z.string(),
        buildingName: z.string(),
        gridCode: z.string(),
        gridName: z.string().nullable(),
        personName: z.string(),
        endsOn: z.string(),
        reminded: z.boolean(),
      }),
    ),
    workersOverLoad: list(
      z.object({
        personId: z.string(),
        name: z.string(),
        load: z.number().int(),
        grids: z.array(z.object({ code: z.string(), name: z.string(), households: z.number().int() })),
      }),
    ),
  })
  .openapi('Coverage');

const servantSchema = z.object({
  name: z.string(),
  phone: z.string().nullable().openapi({ description: 'Only when the person agreed to publish it' }),
});
const partyOrgSchema = z.object({ name: z.string(), secretary: servantSchema.nullable() }).nullable();

export const buildingServantsSchema = z
  .object({
    building: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      compound: z.string().nullable(),
      unitCount: z.number().int(),
      floors: z.number().int(),
      street: z.string().nullable(),
      community: z.string().nullable(),
      grid: z.string().nullable(),
    }),
    leaders: z.array(
      servantSchema.extend({
        unitNumber: z.number().int().nullable().openapi({ description: 'Set for a unit leader' }),
        tags: z.array(z.string()),
        termEndsOn: z.string(),
      }),
    ),
    workers: z.array(servantSchema.extend({ employment: z.string() })),
    branch: partyOrgSchema,
    group: partyOrgSchema,
    chat: z
      .object({ name: z.string(), memberCount: z.number().int(), qrImage: z.string().nullable() })
      .nullable(),
  })
  .openapi('BuildingServants');

export const serviceCardsSchema = buildingServantsSchema
  .extend({
    households: z.array(z.object({ id: z.string(), unitNumber: z.number().int(), room: z.string() })),
    pagePath: z.string().openapi({ description: 'Path of the building’s public page, for the QR code' }),
  })
  .openapi('ServiceCards');

export const placeServiceCardsSchema = z
  .object({
    place: z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.string() }),
    households: z.number().int().openapi({ description: 'Households of the set (every card)' }),
    buildings: z.array(serviceCardsSchema),
  })
  .openapi('PlaceServiceCards');

export const pageTokenParam = z.object({
  token: z
    .string()
    .max(80)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The token printed in the QR code' }),
});

export const placeServantsSchema = z
  .object({
    grids: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        workers: z.array(servantSchema.extend({ employment: z.string() })),
        branch: partyOrgSchema,
      }),
    ),
    buildings: z.array(
      z.object({
        buildingId: z.string(),
        leaders: z.array(servantSchema.extend({ unitNumber: z.number().int().nullable() })),
      }),
    ),
  })
  .openapi('PlaceServants');
