import { z } from '@hono/zod-openapi';
import {
  ancestorSchema,
  baseMapSchema,
  boundarySchema,
  countsSchema,
  territoryLevels,
} from '../territory/territory.public.ts';
import { buildingKinds, keyPopulationTags } from './registry.tables.ts';

const count = z.number().int().min(0);

/** Households present in a place, by kind and tenure. */
export const householdStatsSchema = z
  .strictObject({ total: count, permanent: count, floating: count, vacant: count, rented: count })
  .openapi('HouseholdStats');

/** Residents present in a place, by gender, residency, political status and age. */
export const residentStatsSchema = z
  .strictObject({
    total: count,
    male: count,
    female: count,
    registered: count,
    floating: count,
    partyMembers: count,
    under18: count,
    over60: count,
    over80: count,
  })
  .openapi('ResidentStats');

/** Five-year bands from 0-4 to 85+, each with its men and women. */
export const agePyramidSchema = z
  .array(z.strictObject({ band: z.string(), male: count, female: count }))
  .openapi('AgePyramid');

/** Residents with a key-population tag, per tag (largest first) and care level ("1" routine – "3" close). */
export const keyPopulationByTagSchema = z
  .array(
    z.strictObject({
      tag: z.enum(keyPopulationTags),
      count,
      byCareLevel: z.record(z.string(), count).openapi({ example: { 1: 12, 2: 3, 3: 1 } }),
    }),
  )
  .openapi('KeyPopulationByTag');

/** A child area of a place with its current households, residents and key-population residents. */
export const childAreaStatsSchema = z
  .strictObject({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: z.string().openapi({ description: 'The territory level: street, community or grid' }),
    households: count,
    residents: count,
    keyPopulation: count,
  })
  .openapi('ChildAreaStats');

/** The grid fact sheet (一口清); `buildings` for a grid, `children` for a community or higher. */
export const factSheetSchema = z
  .strictObject({
    territory: z.strictObject({
      id: z.string(),
      level: z.enum(territoryLevels),
      code: z.string(),
      name: z.string(),
      ancestors: z.array(ancestorSchema),
      counts: countsSchema,
    }),
    households: householdStatsSchema,
    residents: residentStatsSchema,
    agePyramid: agePyramidSchema,
    keyPopulation: z.strictObject({ total: count, byTag: keyPopulationByTagSchema }),
    buildings: z.array(
      z.strictObject({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        kind: z.enum(buildingKinds),
        floors: z.number().int(),
        unitCount: z.number().int(),
        propertyCompany: z.string().nullable(),
        compound: z
          .string()
          .nullable()
          .openapi({ description: 'The residential compound (小区) or village' }),
        households: count,
        vacant: count,
        rented: count,
        residents: count,
        keyPopulation: count.openapi({ description: 'Residents of the building with a key-population tag' }),
      }),
    ),
    children: z.array(childAreaStatsSchema),
    generatedAt: z.iso.datetime(),
  })
  .openapi('FactSheet');

export const mapAreasValues = ['children', 'grids'] as const;
export type MapAreas = (typeof mapAreasValues)[number];

export const territoryMapQuery = z.object({
  areas: z.enum(mapAreasValues).default('children').openapi({
    description:
      'The areas drawn: the node’s children, or every grid below it (a street’s grids); a grid is its own area',
  }),
});

// A union with null rather than .nullable(): the OpenAPI generator drops the null of a nullable named schema
// (the document then spells out Polygon | MultiPolygon | null).
const boundaryOrNull = z.union([boundarySchema, z.null()]);

/** An area of the map: a GeoJSON feature with the area's boundary (null when none is drawn yet) and its counts. */
export const mapAreaFeatureSchema = z
  .strictObject({
    type: z.literal('Feature'),
    geometry: boundaryOrNull,
    properties: z.strictObject({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      level: z.enum(territoryLevels),
      households: count.openapi({ description: 'Current households' }),
      residents: count.openapi({ description: 'Current residents' }),
      keyPopulation: count.openapi({
        description: 'Current residents with a key-population tag (the key-population layer)',
      }),
    }),
  })
  .openapi('MapAreaFeature');

/** A building as a GeoJSON point (null without coordinates), with what its popup shows. */
export const mapBuildingFeatureSchema = z
  .strictObject({
    type: z.literal('Feature'),
    geometry: z
      .strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) })
      .nullable(),
    properties: z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(buildingKinds),
      floors: z.number().int(),
      unitCount: z.number().int(),
      households: count,
      residents: count,
    }),
  })
  .openapi('MapBuildingFeature');

/** Everything the map draws for a place, in one answer; coordinates in WGS 84 with at most six decimals. */
export const territoryMapSchema = z
  .strictObject({
    territory: z.strictObject({
      id: z.string(),
      level: z.enum(territoryLevels),
      code: z.string(),
      name: z.string(),
      ancestors: z.array(ancestorSchema),
      boundary: boundaryOrNull.openapi({ description: 'The place’s own outline' }),
    }),
    areas: z.strictObject({
      type: z.literal('FeatureCollection'),
      features: z.array(mapAreaFeatureSchema),
    }),
    buildings: z
      .strictObject({
        type: z.literal('FeatureCollection'),
        total: count.openapi({ description: 'Buildings of the place in the caller’s registry scope' }),
        features: z.array(mapBuildingFeatureSchema).openapi({ description: 'The first 1000 by code' }),
      })
      .nullable()
      .openapi({
        description: 'For a community or grid, to a caller who may read the registry there; otherwise null',
      }),
    baseMap: baseMapSchema.openapi({
      description:
        'The county’s base map (settings territory.baseMap …): the tile layers to draw under the areas, and its roads and rivers',
    }),
  })
  .openapi('TerritoryMap');
export type TerritoryMap = z.infer<typeof territoryMapSchema>;
