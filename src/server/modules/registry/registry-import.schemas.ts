import { hasForbiddenCharacters } from '../../core/http/input.ts';
import { z } from '@hono/zod-openapi';
import { exportStatuses } from './registry-export.tables.ts';
import { pageInfo } from '../../core/http/openapi.ts';
import { bi } from '../../core/http/validation.ts';
import { residentListQuery } from './registry.schemas.ts';
import { importStatuses } from './registry-import.tables.ts';
import {
  genders,
  householdKinds,
  keyPopulationTags,
  politicalStatuses,
  relations,
  residencyKinds,
  tenures,
} from './registry.tables.ts';

/**
 * The import sheet's vocabulary: the Chinese label users see in the template's drop-downs for each enum code.
 * Import accepts the label or the code; export writes the label.
 */
export const importLabels = {
  householdKind: { permanent: '常住户', floating: '流动户', vacant: '空置户' },
  tenure: { owned: '自有住房', rented: '租赁住房', public: '公租房', other: '其他' },
  gender: { male: '男', female: '女' },
  relation: {
    head: '户主',
    spouse: '配偶',
    child: '子女',
    parent: '父母',
    grandchild: '孙子女',
    grandparent: '祖父母',
    sibling: '兄弟姐妹',
    in_law: '儿媳/女婿',
    tenant: '租户',
    other: '其他',
  },
  politicalStatus: {
    party_member: '中共党员',
    probationary_member: '中共预备党员',
    league_member: '共青团员',
    democratic_party: '民主党派',
    masses: '群众',
  },
  residency: { registered: '户籍人口', floating: '流动人口', registered_away: '人户分离' },
  tag: {
    elderly_alone: '独居老人',
    elderly_empty_nest: '空巢老人',
    disabled: '残疾人',
    low_income: '低保对象',
    special_care: '特殊关爱对象',
    veteran: '退役军人',
    left_behind_child: '留守儿童',
    serious_illness: '大病患者',
  },
} satisfies {
  householdKind: Record<(typeof householdKinds)[number], string>;
  tenure: Record<(typeof tenures)[number], string>;
  gender: Record<(typeof genders)[number], string>;
  relation: Record<(typeof relations)[number], string>;
  politicalStatus: Record<(typeof politicalStatuses)[number], string>;
  residency: Record<(typeof residencyKinds)[number], string>;
  tag: Record<(typeof keyPopulationTags)[number], string>;
};
export type LabelledField = keyof typeof importLabels;

type ColumnDef = {
  key: string;
  header: string;
  width: number;
  /** Must be filled on every row. */
  required?: boolean;
  /** Drop-down of the labels of this vocabulary. */
  options?: Exclude<LabelledField, 'tag'>;
  /** Kept as text in the template so Excel does not turn an ID-card number into 3.79901E+17. */
  text?: boolean;
  hint: string;
};

/** The template's columns, in order. Import finds them by header text, so users may reorder or add columns. */
export const importColumns = [
  {
    key: 'buildingCode',
    header: '楼栋编码',
    width: 20,
    required: true,
    text: true,
    hint: '见“楼栋编码”表；只能导入本人管辖范围内的楼栋',
  },
  { key: 'unit', header: '单元', width: 7, required: true, hint: '数字，不超过该楼单元数' },
  {
    key: 'room',
    header: '房号',
    width: 9,
    required: true,
    text: true,
    hint: '1–10 位数字或字母，如 302；同一楼栋、单元、房号的各行为同一户',
  },
  {
    key: 'householdKind',
    header: '户类型',
    width: 10,
    options: 'householdKind',
    hint: '新建户时使用，空白为“常住户”；已存在的户保持原样',
  },
  {
    key: 'tenure',
    header: '住房性质',
    width: 11,
    options: 'tenure',
    hint: '新建户时使用，空白为“自有住房”',
  },
  { key: 'name', header: '姓名', width: 12, required: true, hint: '最多 40 个字，不含数字' },
  {
    key: 'idCard',
    header: '身份证号',
    width: 22,
    text: true,
    hint: '18 位，校验位须正确；不能与已登记居民或本表其他行重复。未填时须填写性别和出生日期',
  },
  { key: 'gender', header: '性别', width: 7, options: 'gender', hint: '填写身份证号时可不填，填写则须一致' },
  {
    key: 'birthDate',
    header: '出生日期',
    width: 12,
    text: true,
    hint: '如 1990-01-31；填写身份证号时可不填，填写则须一致',
  },
  { key: 'phone', header: '手机号', width: 14, text: true, hint: '11 位大陆手机号' },
  { key: 'relation', header: '与户主关系', width: 11, required: true, options: 'relation', hint: '' },
  { key: 'politicalStatus', header: '政治面貌', width: 13, options: 'politicalStatus', hint: '空白为“群众”' },
  { key: 'residency', header: '户籍类型', width: 11, options: 'residency', hint: '空白为“户籍人口”' },
  {
    key: 'tags',
    header: '重点人群',
    width: 22,
    hint: '可填多个，用顿号或逗号分隔；关爱等级 1–3 写在括号里，如“独居老人(3)、残疾人”',
  },
  { key: 'note', header: '备注', width: 24, hint: '最多 500 字' },
] as const satisfies readonly ColumnDef[];
export type ImportColumnKey = (typeof importColumns)[number]['key'];

/** Rows whose 备注 is exactly this are the template's example and are skipped on import. */
export const EXAMPLE_MARKER = '示例行（导入时自动跳过）';

/** The template's 说明 sheet, above the table of columns. */
export function templateInstructions(maxRows: number): string[] {
  return [
    '1. 在“居民信息”表中每行填写一位居民，表头不可修改（列的顺序可以调整）。红色表头为必填列。',
    '2. 楼栋编码、单元、房号相同的各行属于同一户：该户不存在时新建，已存在（且在您的管辖范围内）时直接加入。',
    '3. 新建户的户类型、住房性质取该户第一行所填（空白为常住户、自有住房）。',
    '4. 上传后系统先逐行校验，列出每一个有问题的行及原因，此时不写入任何数据；确认后可只导入无误的行，或在全部无误时整体导入。',
    '5. 身份证号、手机号请以文本格式填写。身份证号已登记（含已迁出）或在表中重复的行不会导入。',
    `6. 第 2 行为示例，其备注为“${EXAMPLE_MARKER}”，导入时自动跳过；可直接覆盖填写。`,
    `7. 一次最多 ${maxRows} 行。`,
  ];
}

export const importModes = ['valid-only', 'all-or-nothing'] as const;

export const commitImportBody = z
  .strictObject({
    mode: z.enum(importModes).openapi({
      description:
        '`valid-only` writes the rows without errors; `all-or-nothing` refuses unless every row is valid',
    }),
  })
  .openapi('CommitImportRequest');

export const uploadImportBody = z.object({
  file: z
    .instanceof(File, { message: bi('请选择要上传的 .xlsx 文件', 'Choose the .xlsx file to upload') })
    .refine(
      (file) => file.name.length <= 255 && !hasForbiddenCharacters(file.name),
      bi(
        '文件名过长或含有不允许的字符（控制字符、NUL 等）',
        'The file name is too long or holds characters that are not allowed (control characters, NUL…)',
      ),
    )
    .openapi({ type: 'string', format: 'binary', description: 'The filled-in template (.xlsx)' }),
});

const text = z.object({ zh: z.string(), en: z.string() });

export const importRowErrorSchema = z
  .object({
    row: z.number().openapi({ description: 'Row number in the sheet (the header is row 1)' }),
    column: z.string().nullable().openapi({ description: 'Chinese header of the column, null for the row' }),
    code: z.string(),
    message: text,
  })
  .openapi('ImportRowError');
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importSchema = z
  .object({
    id: z.string(),
    status: z.enum(importStatuses),
    fileName: z.string(),
    fileSize: z.number(),
    progress: z.object({
      processedRows: z.number(),
      totalRows: z
        .number()
        .nullable()
        .openapi({ description: 'Known from the sheet before reading, if declared' }),
    }),
    counts: z.object({
      rows: z.number(),
      validRows: z.number(),
      errorRows: z.number(),
      errors: z.number(),
      newHouseholds: z.number(),
      committedResidents: z.number().nullable(),
      committedHouseholds: z.number().nullable(),
    }),
    failure: text
      .extend({
        code: z.string().optional().openapi({
          description:
            'Stable reason when the file was refused: not_xlsx, corrupt, part_too_large, unpacked_too_large, compression_ratio, too_many_shared_strings, shared_strings_too_long, too_many_rows, too_many_columns, cell_too_long, time_limit, header_missing, no_data_rows, interrupted',
        }),
      })
      .nullable()
      .openapi({ description: 'Why the whole file was refused or the commit failed' }),
    reportAvailable: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    validatedAt: z.string().nullable(),
    committedAt: z.string().nullable(),
  })
  .openapi('RegistryImport');
export type ImportView = z.infer<typeof importSchema>;

export const importDetailSchema = importSchema
  .extend({ errors: z.array(importRowErrorSchema), errorPage: pageInfo })
  .openapi('RegistryImportDetail');

export const importErrorQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});

export const residentExportQuery = residentListQuery
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend({
    reveal: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true')
      .openapi({ description: 'Clear ID-card numbers and phones (needs personal:reveal; audited)' }),
  });
export type ResidentExportFilter = z.infer<typeof residentExportQuery>;

export const residentExportSchema = z
  .object({
    id: z.string(),
    status: z.enum(exportStatuses),
    reveal: z.boolean(),
    totalRows: z
      .number()
      .nullable()
      .openapi({ description: 'Rows to write, known once the job has started' }),
    doneRows: z.number(),
    fileSize: z.number().nullable(),
    failure: z.object({ zh: z.string(), en: z.string() }).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the ready file is removed unless downloaded' }),
  })
  .openapi('ResidentExport');
