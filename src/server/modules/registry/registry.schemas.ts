import { z } from '@hono/zod-openapi';
import { mobilePattern } from '../../core/auth/personal-data.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import { pageInfo, pageQuery } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { idCardProblem } from './id-card.ts';
import {
  buildingKinds,
  genders,
  householdKinds,
  keyPopulationTags,
  politicalStatuses,
  relations,
  residencyKinds,
  tenures,
} from './registry.tables.ts';

const idCardMessages = {
  format: bi(
    '身份证号须为 18 位（最后一位可为 X）',
    'The ID-card number must have 18 characters (the last may be X)',
  ),
  birth_date: bi('身份证号中的出生日期不存在', 'The birth date inside the ID-card number is not a real date'),
  checksum: bi('身份证号校验位错误', 'The ID-card number’s check digit is wrong'),
};

export const idCardSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idCardProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: idCardMessages[problem], params: { reason: problem } });
    }
  });

export const phoneSchema = z
  .string()
  .trim()
  .regex(
    mobilePattern,
    bi('手机号须为 11 位、以 1 开头的大陆手机号', 'The mobile number must be 11 digits starting with 1'),
  );

const personName = z
  .string()
  .trim()
  .min(1, bi('请填写姓名', 'The name is required'))
  .max(40, bi('姓名最多 40 个字', 'The name is at most 40 characters'))
  .regex(
    /^[^<>"'`\\\d]*$/,
    bi('姓名不能包含数字或 < > " \' ` \\ 等字符', 'The name must not contain digits or < > " \' ` \\'),
  );

/** A birth date from 1900 to today (year 0000 passed the format and failed in the database: a 500). */
const birthDate = z.iso
  .date(bi('出生日期格式应为 YYYY-MM-DD', 'The birth date must be YYYY-MM-DD'))
  .refine(
    (d) => d >= '1900-01-01' && d <= shanghaiDay(),
    bi('出生日期须在 1900-01-01 至今天之间', 'The birth date must lie between 1900-01-01 and today'),
  );

const tagInput = z.strictObject({
  tag: z.enum(keyPopulationTags),
  careLevel: z.number().int().min(1).max(3).default(1),
});

export const residentInputBase = z.strictObject({
  name: personName,
  gender: z.enum(genders).optional().openapi({ description: 'Taken from the ID-card number when omitted' }),
  birthDate: birthDate.optional().openapi({ description: 'Taken from the ID-card number when omitted' }),
  idCard: idCardSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  relation: z.enum(relations),
  politicalStatus: z.enum(politicalStatuses),
  residency: z.enum(residencyKinds),
  note: z.string().trim().max(500).nullable().optional(),
  tags: z.array(tagInput).max(keyPopulationTags.length),
});

export const createResidentBody = residentInputBase
  .extend({
    householdId: z.uuid(),
    politicalStatus: z.enum(politicalStatuses).default('masses'),
    residency: z.enum(residencyKinds).default('registered'),
    tags: z.array(tagInput).max(keyPopulationTags.length).default([]),
  })
  .openapi('CreateResidentRequest');
// No defaults here: a field left out of a PATCH keeps its value.
export const updateResidentBody = residentInputBase.partial().openapi('UpdateResidentRequest');
export const moveResidentBody = z
  .strictObject({
    householdId: z.uuid(),
    relation: z.enum(relations),
    note: z.string().trim().max(500).optional(),
  })
  .openapi('MoveResidentRequest');
export const moveOutBody = z
  .strictObject({ note: z.string().trim().max(500).optional() })
  .openapi('MoveOutRequest');

export const createHouseholdBody = z
  .strictObject({
    buildingId: z.uuid(),
    unitNumber: z.number().int().min(1).max(99),
    room: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{1,10}$/, bi('房号为 1–10 位数字或字母', 'The room is 1–10 digits or letters')),
    kind: z.enum(householdKinds),
    tenure: z.enum(tenures).default('owned'),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('CreateHouseholdRequest');
export const updateHouseholdBody = z
  .strictObject({
    kind: z.enum(householdKinds).optional(),
    tenure: z.enum(tenures).optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('UpdateHouseholdRequest');

export const tagSchema = z.object({ tag: z.enum(keyPopulationTags), careLevel: z.number() });

export const residentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(genders),
    age: z.number().openapi({
      description:
        'Age in whole years. No birth date: with the region code and the ID card’s last four it would rebuild the number; the audited reveal gives it',
    }),
    idCard: z.string().nullable().openapi({ description: 'Masked' }),
    phone: z.string().nullable().openapi({ description: 'Masked' }),
    relation: z.enum(relations),
    politicalStatus: z.enum(politicalStatuses),
    residency: z.enum(residencyKinds),
    note: z.string().nullable(),
    tags: z.array(tagSchema),
    householdId: z.string().nullable(),
    address: z.string().nullable(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    movedOutAt: z.string().nullable(),
  })
  .openapi('Resident');
export type ResidentView = z.infer<typeof residentSchema>;

export const historySchema = z.object({
  id: z.string(),
  at: z.string(),
  event: z.string(),
  fromHouseholdId: z.string().nullable(),
  /** The address of the household moved from, e.g. "幸福家园3号楼 2单元 302". */
  fromAddress: z.string().nullable(),
  toHouseholdId: z.string().nullable(),
  toAddress: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const householdSchema = z
  .object({
    id: z.string(),
    address: z.string(),
    buildingId: z.string(),
    buildingName: z.string(),
    unitNumber: z.number(),
    room: z.string(),
    kind: z.enum(householdKinds),
    tenure: z.enum(tenures),
    note: z.string().nullable(),
    gridId: z.string(),
    gridCode: z.string(),
    gridName: z.string(),
    size: z.number().openapi({ description: 'Current members' }),
    headId: z.string().nullable().openapi({ description: 'The current head of household (户主), if any' }),
    headName: z.string().nullable(),
    movedOutAt: z.string().nullable(),
  })
  .openapi('Household');

export const householdCardSchema = householdSchema
  .extend({ members: z.array(residentSchema), history: z.array(historySchema) })
  .openapi('HouseholdCard');

export const buildingSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    compound: z.string().nullable(),
    kind: z.enum(buildingKinds),
    floors: z.number(),
    unitCount: z.number(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    propertyCompany: z.string().nullable(),
    gridId: z.string(),
    gridCode: z.string(),
    households: z.number(),
    residents: z.number(),
  })
  .openapi('Building');

/**
 * What a resident list can be sorted by, each walked in an index where the filter allows (migration 0014): name in
 * code-point order, age (birth date), grid then name, date registered; address (building, unit, room, head first)
 * joins the household and sorts what the filter selects.
 */
export const residentSorts = ['name', 'age', 'address', 'grid', 'registered'] as const;
export type ResidentSort = (typeof residentSorts)[number];
export const sortOrders = ['asc', 'desc'] as const;

export const residentListQuery = pageQuery.extend({
  sort: z.enum(residentSorts).default('name'),
  order: z.enum(sortOrders).default('asc'),
  q: z
    .string()
    .trim()
    .max(40)
    .optional()
    .openapi({ description: 'Start of a name, a whole ID-card number or a whole mobile number' }),
  territoryId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  tag: z.enum(keyPopulationTags).optional(),
  ageFrom: z.coerce.number().int().min(0).max(130).optional(),
  ageTo: z.coerce.number().int().min(0).max(130).optional(),
  includeMovedOut: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type ResidentFilter = z.infer<typeof residentListQuery>;

export const householdListQuery = pageQuery.extend({
  q: z.string().trim().max(60).optional().openapi({
    description: 'Address: building name, optionally unit and room, e.g. “幸福家园3号楼 2单元 302”',
  }),
  territoryId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  kind: z.enum(householdKinds).optional(),
  tenure: z.enum(tenures).optional(),
});
export type HouseholdFilter = z.infer<typeof householdListQuery>;

export const buildingListQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  territoryId: z.uuid().optional(),
});

export const residentListSchema = z.object({ data: z.array(residentSchema), page: pageInfo });
export const householdListSchema = z.object({ data: z.array(householdSchema), page: pageInfo });
export const buildingListSchema = z.object({ data: z.array(buildingSchema), page: pageInfo });
