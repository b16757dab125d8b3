import type {
  BuildingKind,
  Gender,
  HouseholdKind,
  KeyPopulationTag,
  PoliticalStatus,
  Relation,
  Residency,
  Tenure,
} from './api.ts';

// The API's enum codes in display order; each has a text `<kind>.<code>` in the locale files.
export const genders: readonly Gender[] = ['male', 'female'];
export const householdKinds: readonly HouseholdKind[] = ['permanent', 'floating', 'vacant'];
export const tenures: readonly Tenure[] = ['owned', 'rented', 'public', 'other'];
export const relations: readonly Relation[] = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'in_law',
  'tenant',
  'other',
];
export const politicalStatuses: readonly PoliticalStatus[] = [
  'party_member',
  'probationary_member',
  'league_member',
  'democratic_party',
  'masses',
];
export const residencies: readonly Residency[] = ['registered', 'floating', 'registered_away'];
export const buildingKinds: readonly BuildingKind[] = [
  'residential_compound',
  'old_compound',
  'rental',
  'commercial',
];
export const careLevels = [1, 2, 3] as const;
export type CareLevel = (typeof careLevels)[number];

/** One colour per key-population tag, the same on tags, charts and the map. */
export const tagColors: Record<KeyPopulationTag, string> = {
  elderly_alone: '#ad2102',
  elderly_empty_nest: '#ad4e00',
  disabled: '#0958d9',
  low_income: '#531dab',
  special_care: '#c41d7f',
  veteran: '#237804',
  left_behind_child: '#006d75',
  serious_illness: '#a8071a',
};
export const keyPopulationTags = Object.keys(tagColors) as KeyPopulationTag[];

/** Higher care levels draw the eye: grey, orange, red. */
export const careLevelColors: Record<CareLevel, string> = { 1: 'default', 2: 'orange', 3: 'red' };

export function asCareLevel(level: number): CareLevel {
  return level >= 3 ? 3 : level <= 1 ? 1 : 2;
}

/** The highest care level among a resident's tags, or null without tags. */
export function topCareLevel(tags: { careLevel: number }[]): CareLevel | null {
  return tags.length ? asCareLevel(Math.max(...tags.map((t) => t.careLevel))) : null;
}
