import { z } from '@hono/zod-openapi';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { assignmentSources, contactKinds } from './contacts.tables.ts';

/** A day (YYYY-MM-DD) between 2000 and 2099. */
const day = z.iso
  .date(bi('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'))
  .refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    bi('日期须在 2000 年至 2099 年之间', 'The date must lie between 2000 and 2099'),
  );

const communityId = z
  .uuid(bi('请选择社区', 'Choose a community'))
  .openapi({ description: 'A community inside the caller’s scope' });

const kind = z.enum(
  contactKinds,
  bi('联系人类型应为楼栋长或党员中心户', 'The kind must be leader or central_household'),
);

export const communityQuery = z.object({ communityId });

export const coverageQuery = z.object({
  communityId: communityId.optional().openapi({
    description: 'One community (its grids listed); the caller’s whole scope, per community, when absent',
  }),
});

const coverageCounts = {
  households: z.number().int(),
  withoutLeader: z.number().int(),
  withoutCentral: z.number().int(),
  withoutContact: z.number().int().openapi({ description: 'Neither a leader nor a central household' }),
  withoutGridWorker: z.number().int(),
  centralHouseholds: z.number().int(),
};

const coverageRow = z.object({ id: z.uuid(), code: z.string(), name: z.string(), ...coverageCounts });

export const coverageSchema = z
  .object({
    day: z.string(),
    total: z.object(coverageCounts),
    communities: z.array(coverageRow),
    grids: z.array(coverageRow),
  })
  .openapi('ContactCoverage');

export const uncoveredQuery = pageQuery.extend({
  communityId,
  kind: z
    .enum([...contactKinds, 'any'])
    .default('any')
    .openapi({
      description: 'Without a contact of this kind; `any`: without a leader nor a central household',
    }),
  gridId: z.uuid().optional().openapi({ description: 'Only this grid of the community' }),
});

const contactRef = z.object({ key: z.string(), personId: z.uuid(), name: z.string(), place: z.string() });

export const uncoveredSchema = z
  .object({
    householdId: z.uuid(),
    gridName: z.string(),
    buildingName: z.string(),
    unitNumber: z.number().int(),
    room: z.string(),
    leader: z.string().nullable(),
    central: z.string().nullable(),
  })
  .openapi('UncoveredHousehold');

export const uncoveredPage = z.object({ data: z.array(uncoveredSchema), page: pageInfo });

export const centralListQuery = z.object({
  communityId,
  status: z.enum(['active', 'ended', 'all']).default('active'),
});

export const centralSchema = z
  .object({
    id: z.uuid(),
    householdId: z.uuid(),
    personId: z.uuid(),
    name: z.string(),
    gridName: z.string(),
    buildingName: z.string(),
    unitNumber: z.number().int(),
    room: z.string(),
    maxLoad: z.number().int(),
    load: z.number().int().openapi({ description: 'Households it contacts today' }),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    note: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .openapi('CentralHousehold');

export const candidateSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    householdId: z.uuid(),
    gridName: z.string(),
    buildingName: z.string(),
    unitNumber: z.number().int(),
    room: z.string(),
  })
  .openapi('CentralHouseholdCandidate');

const load = z
  .number(bi('请填写数字', 'Must be a number'))
  .int(bi('须为整数', 'Must be a whole number'))
  .min(1, bi('至少 1 户', 'At least 1'))
  .max(200, bi('最多 200 户', 'At most 200'));

const note = z.string().trim().max(200, bi('最多 200 个字', 'At most 200 characters'));

export const designateBody = z
  .strictObject({
    personId: z.uuid(bi('请选择党员', 'Choose a party member')).openapi({
      description: 'A party member (active member of a branch) living in a household of the community',
    }),
    maxLoad: load
      .optional()
      .openapi({ description: 'Households it contacts at most; the community’s default when absent' }),
    startsOn: day.optional().openapi({ description: 'First day; today when absent' }),
    note: note.optional(),
  })
  .openapi('DesignateCentralHouseholdRequest');
export type DesignateInput = z.infer<typeof designateBody>;

export const endCentralBody = z
  .strictObject({
    endsOn: day.optional().openapi({ description: 'Last day; today when absent' }),
    reason: note.optional(),
  })
  .openapi('EndCentralHouseholdRequest');
export type EndCentralInput = z.infer<typeof endCentralBody>;

export const settingsSchema = z
  .object({
    communityId: z.uuid(),
    leaderMaxLoad: z.number().int(),
    centralMaxLoad: z.number().int(),
    maxDistance: z.number().int(),
    /** False while the community uses the county's defaults. */
    own: z.boolean(),
  })
  .openapi('ContactSettings');

export const settingsBody = z
  .strictObject({
    communityId,
    leaderMaxLoad: z
      .number(bi('请填写数字', 'Must be a number'))
      .int(bi('须为整数', 'Must be a whole number'))
      .min(1, bi('至少 1 户', 'At least 1'))
      .max(500, bi('最多 500 户', 'At most 500')),
    centralMaxLoad: load,
    maxDistance: z
      .number(bi('请填写数字', 'Must be a number'))
      .int(bi('须为整数', 'Must be a whole number'))
      .min(50, bi('至少 50 米', 'At least 50 metres'))
      .max(5000, bi('最多 5000 米', 'At most 5,000 metres')),
  })
  .openapi('ContactSettingsRequest');
export type SettingsInput = z.infer<typeof settingsBody>;

export const proposalQuery = z.object({ communityId, kind });

const proposalRow = z.object({
  householdId: z.uuid(),
  buildingName: z.string(),
  unitNumber: z.number().int(),
  room: z.string(),
  proposed: contactRef.nullable(),
  /** 0 same unit, 1 same building, 2 same compound, 3 nearby. */
  tier: z.number().int().nullable(),
  distance: z.number().int().nullable(),
  current: contactRef.extend({ valid: z.boolean() }).nullable(),
  change: z.enum(['new', 'changed', 'ended', 'none']),
});

export const proposalSchema = z
  .object({
    communityId: z.uuid(),
    kind: z.enum(contactKinds),
    fingerprint: z.string(),
    maxLoad: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Leaders’ load (central households each have theirs)' }),
    maxDistance: z.number().int(),
    summary: z.object({
      households: z.number().int(),
      assigned: z.number().int(),
      unassigned: z.number().int(),
      kept: z.number().int(),
      new: z.number().int(),
      changed: z.number().int(),
      ended: z.number().int(),
    }),
    contacts: z.array(contactRef.extend({ maxLoad: z.number().int(), load: z.number().int() })),
    /** Only the households whose contact changes, and those left without one. */
    rows: z.array(proposalRow),
  })
  .openapi('ContactProposal');

export const applyBody = z
  .strictObject({
    communityId,
    kind,
    fingerprint: z
      .string()
      .regex(
        /^[0-9a-f]{32}$/,
        bi('方案标识无效，请重新生成方案', 'Invalid proposal fingerprint; propose again'),
      ),
    householdIds: z
      .array(z.uuid())
      .max(20_000, bi('最多 20000 户', 'At most 20,000 households'))
      .optional()
      .openapi({ description: 'Apply only these households’ changes (all changes when absent)' }),
  })
  .openapi('ApplyContactProposalRequest');
export type ApplyInput = z.infer<typeof applyBody>;

export const applyResultSchema = z
  .object({ assigned: z.number().int(), reassigned: z.number().int(), ended: z.number().int() })
  .openapi('ContactProposalApplied');

export const householdContactsSchema = z
  .object({
    householdId: z.uuid(),
    gridWorkers: z.array(z.object({ personId: z.uuid(), name: z.string(), phone: z.string().nullable() })),
    leader: z
      .object({
        personId: z.uuid(),
        name: z.string(),
        phone: z.string().nullable(),
        since: z.string(),
        source: z
          .enum(assignmentSources)
          .openapi({ description: 'manual: assigned by hand (the proposal keeps it)' }),
      })
      .nullable(),
    central: z
      .object({
        centralHouseholdId: z.uuid(),
        personId: z.uuid(),
        name: z.string(),
        place: z.string(),
        phone: z.string().nullable(),
        since: z.string(),
        source: z.enum(assignmentSources),
      })
      .nullable(),
    /** The leaders whose terms are in force over its building or unit today (who should contact it). */
    buildingLeaders: z.array(
      z.object({ personId: z.uuid(), name: z.string(), unitNumber: z.number().int().nullable() }),
    ),
  })
  .openapi('HouseholdContacts');

export const kindQuery = z.object({
  kind: kind.default('leader').openapi({ description: 'The kind of contact; leader when absent' }),
});

export const assignBody = z
  .strictObject({
    kind,
    contactKey: z.uuid(bi('请选择联系人', 'Choose a contact')).openapi({
      description: 'A leader: the person; a central household: the designation (its id)',
    }),
    overLoad: z
      .boolean(bi('应为是或否', 'Must be true or false'))
      .optional()
      .openapi({ description: 'Confirms going above the contact’s load (409 otherwise)' }),
  })
  .openapi('AssignContactRequest');
export type AssignInput = z.infer<typeof assignBody>;

export const endAssignmentBody = z
  .strictObject({ kind, reason: note.optional() })
  .openapi('EndContactAssignmentRequest');
export type EndAssignmentInput = z.infer<typeof endAssignmentBody>;

export const assignmentCandidatesSchema = z
  .object({
    householdId: z.uuid(),
    kind: z.enum(contactKinds),
    place: z.string(),
    current: z.object({ key: z.string(), source: z.enum(assignmentSources), since: z.string() }).nullable(),
    candidates: z.array(
      z.object({
        key: z.string(),
        personId: z.uuid(),
        name: z.string(),
        place: z.string(),
        load: z.number().int().openapi({ description: 'Households it contacts now' }),
        maxLoad: z.number().int(),
        current: z.boolean(),
      }),
    ),
  })
  .openapi('ContactAssignmentCandidates');

export const assignResultSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    load: z.number().int(),
    maxLoad: z.number().int(),
    overLoad: z.boolean(),
  })
  .openapi('ContactAssigned');
