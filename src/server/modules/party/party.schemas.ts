import { z } from '@hono/zod-openapi';
import { bi } from '../../core/http/validation.ts';
import {
  allianceUnitKinds,
  partyMemberStatuses,
  partyOrgKinds,
  registrationStatuses,
  workUnitKinds,
} from './party.tables.ts';

/** The first and last day a party record may name: other years are typing mistakes. */
export const FIRST_DAY = '1950-01-01';
export const LAST_DAY = '2100-12-31';

export const daySchema = z.iso
  .date(bi('请按 YYYY-MM-DD 填写有效日期', 'Use a valid date, YYYY-MM-DD'))
  .refine(
    (value) => value >= FIRST_DAY && value <= LAST_DAY,
    bi(`日期须在 ${FIRST_DAY} 至 ${LAST_DAY} 之间`, `The date must be between ${FIRST_DAY} and ${LAST_DAY}`),
  )
  .openapi({ description: 'YYYY-MM-DD' });

const plainText = (max: number, what: Text2) =>
  z
    .string()
    .trim()
    .min(1, bi(`请填写${what.zh}`, `The ${what.en} is required`))
    .max(max, bi(`${what.zh}最多 ${max} 个字`, `The ${what.en} is at most ${max} characters`))
    .regex(
      /^[^<>`\\]*$/,
      bi(`${what.zh}不能包含 < > \` \\ 等字符`, `The ${what.en} must not contain < > \` \\`),
    );
type Text2 = { zh: string; en: string };

const orgName = plainText(60, { zh: '名称', en: 'name' });
const uuidList = (description: string) =>
  z.array(z.uuid()).max(200, bi('最多 200 项', 'At most 200 items')).openapi({ description });

/** A new organisation: an alliance of a community, a branch under an alliance, a group under a branch. */
export const createOrgBody = z
  .strictObject({
    kind: z.enum(partyOrgKinds),
    name: orgName,
    territoryId: z.uuid().optional().openapi({ description: 'The community (alliance only)' }),
    parentId: z
      .uuid()
      .optional()
      .openapi({ description: 'The alliance (for a branch) or the branch (for a group)' }),
    placeIds: uuidList(
      'Grids of the community (branch) or buildings inside the branch’s grids (group)',
    ).optional(),
    startsOn: daySchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'alliance') {
      if (!body.territoryId) {
        ctx.addIssue({
          code: 'custom',
          path: ['territoryId'],
          message: bi('请选择社区', 'Choose the community'),
        });
      }
      for (const field of ['parentId', 'placeIds'] as const) {
        if (body[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: bi('党建共同体不填此项', 'Leave it out for an alliance'),
          });
        }
      }
    } else {
      if (!body.parentId) {
        ctx.addIssue({
          code: 'custom',
          path: ['parentId'],
          message: bi('请选择上级组织', 'Choose the parent organisation'),
        });
      }
      if (body.territoryId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['territoryId'],
          message: bi('社区由上级组织带出', 'The community is the parent’s'),
        });
      }
    }
  })
  .openapi('CreatePartyOrgRequest');
export type CreateOrgInput = z.infer<typeof createOrgBody>;

export const updateOrgBody = z
  .strictObject({
    name: orgName.optional(),
    placeIds: uuidList('The grids (branch) or buildings (group) it covers from now on').optional(),
  })
  .openapi('UpdatePartyOrgRequest');
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const mergeOrgBody = z
  .strictObject({
    intoId: z.uuid().openapi({ description: 'The organisation (same kind, same community) taking over' }),
  })
  .openapi('MergePartyOrgRequest');

export const orgsQuery = z.object({
  territoryId: z.uuid().openapi({ description: 'The community' }),
});

const secretarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  isCadre: z.boolean(),
  cadreUnit: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});

export const placeSchema = z.object({
  kind: z.enum(['grid', 'building']),
  id: z.string(),
  code: z.string(),
  name: z.string(),
});

export const orgNodeSchema = z
  .object({
    id: z.string(),
    kind: z.enum(partyOrgKinds),
    parentId: z.string().nullable(),
    communityCode: z.string(),
    name: z.string(),
    startsOn: z.string(),
    counts: z.object({ members: z.number(), secretaries: z.number(), places: z.number() }),
    secretary: z
      .object({ id: z.string(), personId: z.string(), name: z.string(), isCadre: z.boolean() })
      .nullable(),
  })
  .openapi('PartyOrgNode');
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const memberSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    mobile: z.string().nullable().openapi({ description: 'Masked unless the person publishes it' }),
    branchId: z.string(),
    groupId: z.string().nullable(),
    status: z.enum(partyMemberStatuses),
    centralHousehold: z.boolean(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  })
  .openapi('PartyMember');
export type MemberView = z.infer<typeof memberSchema>;

export const orgDetailSchema = z
  .object({
    id: z.string(),
    kind: z.enum(partyOrgKinds),
    parentId: z.string().nullable(),
    communityCode: z.string(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    mergedInto: z.string().nullable(),
    places: z.array(placeSchema),
    members: z.array(memberSchema),
    secretaries: z.array(secretarySchema).openapi({ description: 'Current and past, latest first' }),
    children: z.array(z.object({ id: z.string(), kind: z.enum(partyOrgKinds), name: z.string() })),
  })
  .openapi('PartyOrg');
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const addMemberBody = z
  .strictObject({
    personId: z.uuid(),
    branchId: z.uuid(),
    groupId: z.uuid().nullable().optional().openapi({ description: 'A group of that branch' }),
    status: z.enum(partyMemberStatuses),
    startsOn: daySchema.optional(),
  })
  .openapi('AddPartyMemberRequest');
export type AddMemberInput = z.infer<typeof addMemberBody>;

export const updateMemberBody = z
  .strictObject({
    branchId: z.uuid().optional(),
    groupId: z.uuid().nullable().optional(),
    status: z.enum(partyMemberStatuses).optional(),
  })
  .openapi('UpdatePartyMemberRequest');
export type UpdateMemberInput = z.infer<typeof updateMemberBody>;

export const appointSecretaryBody = z
  .strictObject({
    orgId: z.uuid().openapi({ description: 'A branch (secretary) or a group (leader)' }),
    personId: z.uuid().openapi({ description: 'An active member of that organisation' }),
    isCadre: z.boolean().optional().openapi({ description: 'An in-service cadre (在职党员干部)' }),
    cadreUnit: plainText(60, { zh: '单位', en: 'unit' }).nullable().optional(),
    startsOn: daySchema.optional(),
  })
  .openapi('AppointPartySecretaryRequest');
export type AppointSecretaryInput = z.infer<typeof appointSecretaryBody>;

const openedSchema = z
  .object({ username: z.string(), password: z.string() })
  .nullable()
  .openapi({ description: 'The account opened for the person, shown this once; null when they had one' });

export const secretaryResponseSchema = z.object({
  data: secretarySchema.extend({ orgId: z.string() }),
  opened: openedSchema,
});

export const allianceUnitSchema = z
  .object({
    id: z.string(),
    allianceId: z.string(),
    name: z.string(),
    kind: z.enum(allianceUnitKinds),
    contact: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  })
  .openapi('AllianceUnit');

export const allianceUnitsQuery = z.object({
  territoryId: z.uuid().openapi({ description: 'The community' }),
});

export const addAllianceUnitBody = z
  .strictObject({
    allianceId: z.uuid(),
    name: plainText(80, { zh: '单位名称', en: 'unit name' }),
    kind: z.enum(allianceUnitKinds),
    contact: plainText(80, { zh: '联系方式', en: 'contact' }).nullable().optional(),
    startsOn: daySchema.optional(),
  })
  .openapi('AddAllianceUnitRequest');
export type AddAllianceUnitInput = z.infer<typeof addAllianceUnitBody>;

export const workUnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(workUnitKinds),
    activeRegistrations: z
      .number()
      .openapi({ description: 'Approved registrations still on (within the scope)' }),
  })
  .openapi('WorkUnit');

const skill = plainText(20, { zh: '特长', en: 'skill' });

export const createRegistrationBody = z
  .strictObject({
    personId: z
      .uuid()
      .optional()
      .openapi({ description: 'The member; a party member registering themself leaves it out' }),
    territoryId: z.uuid().openapi({ description: 'The community registered with' }),
    householdId: z.uuid().openapi({ description: 'The household of that community the member lives in' }),
    workUnitId: z.uuid().optional().openapi({ description: 'An existing work unit…' }),
    workUnit: z
      .strictObject({ name: plainText(60, { zh: '单位名称', en: 'unit name' }), kind: z.enum(workUnitKinds) })
      .optional()
      .openapi({ description: '…or a new one (found by name when it exists)' }),
    skills: z.array(skill).max(20, bi('最多 20 项', 'At most 20 items')).optional(),
    availability: plainText(100, { zh: '服务时间', en: 'availability' }).nullable().optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.workUnitId === undefined) === (body.workUnit === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['workUnitId'],
        message: bi('请选择或填写一个工作单位', 'Choose a work unit or name a new one'),
      });
    }
  })
  .openapi('CreatePartyRegistrationRequest');
export type CreateRegistrationInput = z.infer<typeof createRegistrationBody>;

export const approveRegistrationBody = z
  .strictObject({ branchId: z.uuid().openapi({ description: 'A grid branch of the community' }) })
  .openapi('ApprovePartyRegistrationRequest');

export const rejectRegistrationBody = z
  .strictObject({ reason: plainText(200, { zh: '原因', en: 'reason' }) })
  .openapi('RejectPartyRegistrationRequest');

export const transferRegistrationBody = z
  .strictObject({
    territoryId: z.uuid().openapi({ description: 'The community moved to' }),
    householdId: z.uuid().openapi({ description: 'The household of that community' }),
  })
  .openapi('TransferPartyRegistrationRequest');

export const registrationHomeSchema = z
  .object({
    householdId: z.string(),
    address: z.string().openapi({ description: 'Building and room' }),
    communityId: z.string(),
    communityName: z.string(),
  })
  .openapi('PartyRegistrationHome');
export type RegistrationHome = z.infer<typeof registrationHomeSchema>;

export const registrationSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    workUnit: z.object({ id: z.string(), name: z.string(), kind: z.enum(workUnitKinds) }),
    householdId: z.string(),
    address: z.string().openapi({ description: 'Building and room' }),
    communityCode: z.string(),
    territoryCode: z.string(),
    skills: z.array(z.string()),
    availability: z.string().nullable(),
    status: z.enum(registrationStatuses),
    branchId: z.string().nullable(),
    branchName: z.string().nullable(),
    reason: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    transferredTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PartyRegistration');
export type RegistrationView = z.infer<typeof registrationSchema>;

export const registrationsQuery = z.object({
  territoryId: z.uuid().optional().openapi({ description: 'A community or grid inside the scope' }),
  status: z.enum(registrationStatuses).optional(),
});

export const registrationResponseSchema = z.object({ data: registrationSchema, opened: openedSchema });
