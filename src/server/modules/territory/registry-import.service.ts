import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { and, asc, desc, eq, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { appendAudit, type Actor } from '../../auth/audit.ts';
import {
  blindIndex,
  decrypt,
  decryptBytes,
  encrypt,
  encryptBytes,
  maskIdCard,
  maskMobile,
  mobilePattern,
  type DataKeys,
} from '../../auth/personal-data.ts';
import { registryCondition, registryRowInScope, type Scope } from '../../auth/scope.ts';
import { columnArrays, insertColumns } from '../../db/bulk.ts';
import { vacuumAnalyzeRegistry } from '../../db/statistics.ts';
import type { Db, Executor } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { errors, type Text } from '../../http/errors.ts';
import { idCardProblem } from './id-card.ts';
import {
  EXAMPLE_MARKER,
  importColumns,
  importLabels,
  templateInstructions,
  type ImportColumnKey,
  type ImportRowError,
  type ImportView,
  type LabelledField,
  type ResidentExportFilter,
} from './registry-import.schemas.ts';
import { registryImportChunks, registryImportErrors, registryImports } from './registry-import.tables.ts';
import { ageOn, formatAddress, reconcileIdentity, residentListCondition } from './registry.service.ts';
import {
  buildings,
  households,
  registryHistory,
  residents,
  residentTags,
  units,
  type KeyPopulationTag,
} from './registry.tables.ts';
import { territories } from './territory.tables.ts';
import {
  addListValidation,
  cellText,
  excelSerialDate,
  safeCell,
  streamingSheet,
  type CellValue,
} from './xlsx.ts';
import {
  declaredLastRow,
  defaultXlsxLimits,
  readSheetRows,
  XlsxProblem,
  type XlsxLimits,
  type XlsxProblemCode,
} from './xlsx-reader.ts';

type Deps = { db: Db; keys: DataKeys };

/** Uploads above this are refused before anything is stored (a 100,000-row sheet is about 6 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Data rows one import may hold. */
export const MAX_IMPORT_ROWS = 200_000;
/** Rows checked (and their lookups batched) together. */
const BATCH_ROWS = 2_000;
/** Valid rows written together at commit: fewer, larger statements. */
const WRITE_ROWS = 10_000;

/** Job kinds of the import (handlers in registry-import.jobs.ts): one validation per upload, one commit per claim. */
export const IMPORT_VALIDATE = 'registry.import.validate';
export const IMPORT_COMMIT = 'registry.import.commit';
export type ValidatePayload = { importId: string };
/**
 * What a commit needs besides the import: the caller's scope and the audit actor at the time of the request (a staff
 * account's id, name, role, request id, address and browser, as the audit row they become; no resident's data).
 */
export type CommitPayload = { importId: string; mode: CommitMode; scope: Scope; actor: Actor };

/** What a job gives the long work it runs: renew the lease per batch, and stop when it is lost. */
export type Lease = { signal?: AbortSignal; heartbeat?: () => Promise<void> };

/**
 * What one upload may cost (docs/decisions/upload-limits.md): the reader's limits on unpacked sizes, compression
 * ratio, shared strings, rows, columns and cell length, and the wall time of one validation or report. Tests
 * change them in place to reach a limit with a small file.
 */
export const importLimits: Omit<XlsxLimits, 'deadline'> & { timeMs: number } = {
  ...defaultXlsxLimits,
  timeMs: 5 * 60_000,
};

// ---------------------------------------------------------------------------------------------------------------
// Messages of row problems (zh + en). Codes are stable; the web app may key its own wording on them.

type Problem = { column: ImportColumnKey | null; code: string; message: Text };

const headerOf = Object.fromEntries(importColumns.map((c) => [c.key, c.header])) as Record<
  ImportColumnKey,
  string
>;

const problems = {
  required: (column: ImportColumnKey): Problem => ({
    column,
    code: 'required',
    message: { zh: `请填写${headerOf[column]}`, en: `${headerOf[column]} is required` },
  }),
  requiredWithoutIdCard: (column: ImportColumnKey): Problem => ({
    column,
    code: 'required',
    message: {
      zh: `未填写身份证号时须填写${headerOf[column]}`,
      en: `${headerOf[column]} is required when no ID-card number is given`,
    },
  }),
  idCard: (reason: 'format' | 'birth_date' | 'checksum'): Problem => ({
    column: 'idCard',
    code: `id_card_${reason}`,
    message: {
      format: {
        zh: '身份证号须为 18 位（最后一位可为 X）',
        en: 'The ID-card number must have 18 characters (the last may be X)',
      },
      birth_date: {
        zh: '身份证号中的出生日期不存在',
        en: 'The birth date inside the ID-card number is not a real date',
      },
      checksum: { zh: '身份证号校验位错误', en: 'The ID-card number’s check digit is wrong' },
    }[reason],
  }),
  idCardAsNumber: (): Problem => ({
    column: 'idCard',
    code: 'id_card_not_text',
    message: {
      zh: '身份证号须以文本格式填写：数字格式的单元格会丢失末几位',
      en: 'Enter the ID-card number as text: a number cell loses its last digits',
    },
  }),
  birthDateInvalid: (): Problem => ({
    column: 'birthDate',
    code: 'birth_date_invalid',
    message: {
      zh: '出生日期不存在或格式有误（应为 1990-01-31）',
      en: 'The birth date is not a real date written like 1990-01-31',
    },
  }),
  birthDateImpossible: (): Problem => ({
    column: 'birthDate',
    code: 'birth_date_impossible',
    message: {
      zh: '出生日期不能晚于今天，也不能早于 1880 年',
      en: 'The birth date cannot be in the future or before 1880',
    },
  }),
  phone: (): Problem => ({
    column: 'phone',
    code: 'phone_invalid',
    message: {
      zh: '手机号须为 11 位、以 1 开头的大陆手机号',
      en: 'The mobile number must be 11 digits starting with 1',
    },
  }),
  name: (): Problem => ({
    column: 'name',
    code: 'name_invalid',
    message: {
      zh: '姓名不能包含数字或 < > " \' ` \\ 等字符',
      en: 'The name must not contain digits or < > " \' ` \\',
    },
  }),
  tooLong: (column: ImportColumnKey, max: number): Problem => ({
    column,
    code: 'too_long',
    message: {
      zh: `${headerOf[column]}最多 ${max} 个字`,
      en: `${headerOf[column]} is at most ${max} characters`,
    },
  }),
  unknownOption: (column: ImportColumnKey, value: string, field: LabelledField): Problem => ({
    column,
    code: 'unknown_option',
    message: {
      zh: `“${value.slice(0, 20)}”不是可选值，可选：${Object.values(importLabels[field]).join('、')}`,
      en: `“${value.slice(0, 20)}” is not one of: ${Object.values(importLabels[field]).join(', ')}`,
    },
  }),
  unit: (): Problem => ({
    column: 'unit',
    code: 'unit_invalid',
    message: { zh: '单元须为 1–99 的数字', en: 'The unit must be a number from 1 to 99' },
  }),
  room: (): Problem => ({
    column: 'room',
    code: 'room_invalid',
    message: { zh: '房号为 1–10 位数字或字母', en: 'The room is 1–10 digits or letters' },
  }),
  building: (): Problem => ({
    column: 'buildingCode',
    code: 'building_unknown',
    message: {
      zh: '楼栋编码不存在或不在您的管辖范围内',
      en: 'No building with this code within your scope',
    },
  }),
  unitOutOfRange: (unitCount: number): Problem => ({
    column: 'unit',
    code: 'unit_out_of_range',
    message: { zh: `该楼只有 ${unitCount} 个单元`, en: `The building has ${unitCount} units` },
  }),
  householdConflict: (column: 'householdKind' | 'tenure', firstRow: number): Problem => ({
    column,
    code: 'household_conflict',
    message: {
      zh: `同一户（楼栋编码、单元、房号相同）的${headerOf[column]}须与第 ${firstRow} 行一致`,
      en: `${headerOf[column]} must match row ${firstRow} of the same household (building, unit, room)`,
    },
  }),
  duplicateInFile: (firstRow: number): Problem => ({
    column: 'idCard',
    code: 'duplicate_in_file',
    message: {
      zh: `与第 ${firstRow} 行的身份证号重复`,
      en: `The same ID-card number as row ${firstRow}`,
    },
  }),
  duplicateRegistered: (): Problem => ({
    column: 'idCard',
    code: 'duplicate_registered',
    message: {
      zh: '该身份证号已登记（含已迁出的居民）',
      en: 'A resident with this ID-card number is already registered (moved-out residents included)',
    },
  }),
};

/** A problem with the whole file: the import fails with this message and no row is looked at further. */
class ImportFileProblem extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
  ) {
    super(text.en);
  }
  get failure(): ImportFailure {
    return { code: this.code, ...this.text };
  }
}

type ImportFailure = Text & { code?: string };

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** The reason a workbook could not be read, in both languages, from the reader's code and limit. */
function fileProblemOf(problem: XlsxProblem): ImportFileProblem {
  const n = problem.limit ?? 0;
  const texts: Record<XlsxProblemCode, Text> = {
    not_xlsx: {
      zh: '无法读取该文件，请确认是有效的 .xlsx 文件',
      en: 'The file could not be read; make sure it is a valid .xlsx workbook',
    },
    corrupt: {
      zh: '文件已损坏或不完整，无法读取，请重新保存后上传',
      en: 'The file is damaged or incomplete and cannot be read; save it again and upload it',
    },
    part_too_large: {
      zh: `文件解压后过大（单个部件超过 ${mib(n)}），请拆分文件`,
      en: `The file unpacks too large (one part exceeds ${mib(n)}); split the file`,
    },
    unpacked_too_large: {
      zh: `文件解压后总大小超过 ${mib(n)}，请拆分文件`,
      en: `The file unpacks to more than ${mib(n)} in total; split the file`,
    },
    compression_ratio: {
      zh: `文件压缩比异常（超过 ${n} 倍），疑似恶意文件，已拒绝`,
      en: `The file's compression ratio is abnormal (over ${n}:1); it was refused as a possible zip bomb`,
    },
    too_many_shared_strings: {
      zh: `文件中的不同文本超过 ${n} 个，请拆分文件`,
      en: `The file holds more than ${n} distinct texts; split the file`,
    },
    shared_strings_too_long: {
      zh: `文件中的文本总长度超过 ${n} 个字符，请拆分文件`,
      en: `The file's texts exceed ${n} characters in total; split the file`,
    },
    too_many_rows: {
      zh: `工作表共超过 ${n} 行，请拆分文件`,
      en: `The worksheets hold more than ${n} rows; split the file`,
    },
    too_many_columns: {
      zh: `表格超过 ${n} 列，请使用导入模板`,
      en: `A row has data beyond column ${n}; use the import template`,
    },
    cell_too_long: {
      zh: `有单元格超过 ${n || importLimits.cellChars} 个字符`,
      en: `A cell holds more than ${n || importLimits.cellChars} characters`,
    },
    time_limit: {
      zh: `文件处理超过 ${Math.round(importLimits.timeMs / 1000)} 秒，已停止，请拆分文件`,
      en: `Processing took longer than ${Math.round(importLimits.timeMs / 1000)} s and was stopped; split the file`,
    },
  };
  return new ImportFileProblem(problem.code, texts[problem.code]);
}

// ---------------------------------------------------------------------------------------------------------------
// The stored upload: encrypted with the data key, since the sheet holds ID-card numbers and phones in clear.

// ---------------------------------------------------------------------------------------------------------------
// Reading the sheet: find the header row (by header text, so columns may be reordered), then yield data rows.

type SheetRecord = { number: number; values: Record<ImportColumnKey, CellValue> };

const normaliseHeader = (value: CellValue) =>
  cellText(value)
    .replace(/[*＊\s]/g, '')
    .replace(/[(（]必填[)）]$/, '');

const blank = (cells: CellValue[]) => cells.every((c) => c === null || cellText(c) === '');

/** The data rows of the first sheet that has the template's header row within its first five non-empty rows. */
async function* sheetRecords(file: Buffer, deadline: number): AsyncGenerator<SheetRecord> {
  let dataSheet: string | null = null;
  let columns: [ImportColumnKey, number][] = [];
  const looked = new Map<string, number>();
  let closest: ImportColumnKey[] | null = null;
  let rows = 0;
  try {
    for await (const row of readSheetRows(file, { ...importLimits, deadline })) {
      if (dataSheet !== null) {
        if (row.sheet !== dataSheet) break;
        if (blank(row.cells)) continue;
        const values = {} as Record<ImportColumnKey, CellValue>;
        for (const [key, index] of columns) values[key] = row.cells[index] ?? null;
        if (values.note !== null && cellText(values.note) === EXAMPLE_MARKER) continue;
        if (++rows > MAX_IMPORT_ROWS) {
          throw new ImportFileProblem('too_many_rows', {
            zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`,
            en: `At most ${MAX_IMPORT_ROWS} rows per import; split the file`,
          });
        }
        yield { number: row.number, values };
        continue;
      }
      const seen = looked.get(row.sheet) ?? 0;
      if (seen >= 5 || blank(row.cells)) continue;
      looked.set(row.sheet, seen + 1);
      const headers = row.cells.map(normaliseHeader);
      const found = importColumns
        .map((c) => [c.key, headers.indexOf(c.header)] as [ImportColumnKey, number])
        .filter(([, index]) => index >= 0);
      const missing = importColumns.filter((c) => 'required' in c && !found.some(([k]) => k === c.key));
      if (missing.length === 0) {
        dataSheet = row.sheet;
        columns = found;
      } else if (found.length > 0 && (!closest || missing.length < closest.length)) {
        closest = missing.map((c) => c.key);
      }
    }
  } catch (error) {
    if (error instanceof ImportFileProblem) throw error;
    if (error instanceof XlsxProblem) throw fileProblemOf(error);
    throw new ImportFileProblem('not_xlsx', {
      zh: '无法读取该文件，请确认是有效的 .xlsx 文件',
      en: 'The file could not be read; make sure it is a valid .xlsx workbook',
    });
  }
  if (dataSheet === null) {
    const names = (closest ?? importColumns.filter((c) => 'required' in c).map((c) => c.key)).map(
      (k) => headerOf[k],
    );
    throw new ImportFileProblem('header_missing', {
      zh: `找不到表头：缺少列 ${names.join('、')}。请使用导入模板`,
      en: `No header row found: missing ${names.join(', ')}. Use the import template`,
    });
  }
  if (rows === 0) {
    throw new ImportFileProblem('no_data_rows', { zh: '表中没有数据行', en: 'The sheet has no data rows' });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checking rows: first each row on its own, then a batch against the database and the rest of the file.

type HouseholdKind = keyof typeof importLabels.householdKind;
type Tenure = keyof typeof importLabels.tenure;
type Gender = keyof typeof importLabels.gender;
type Relation = keyof typeof importLabels.relation;
type PoliticalStatus = keyof typeof importLabels.politicalStatus;
type Residency = keyof typeof importLabels.residency;

type Draft = {
  buildingCode: string;
  unit: number | null;
  room: string | null;
  householdKind: HouseholdKind | null;
  tenure: Tenure | null;
  name: string;
  idCard: string | null;
  idCardIndex: string | null;
  gender: Gender | null;
  birthDate: string | null;
  phone: string | null;
  relation: Relation | null;
  politicalStatus: PoliticalStatus;
  residency: Residency;
  tags: { tag: KeyPopulationTag; careLevel: number }[];
  note: string | null;
};

const labelLookup = Object.fromEntries(
  Object.entries(importLabels).map(([field, labels]) => [
    field,
    new Map<string, string>(
      Object.entries(labels).flatMap(([code, label]) => [
        [label, code],
        [code, code],
      ]),
    ),
  ]),
) as Record<LabelledField, Map<string, string>>;

function option<F extends LabelledField>(
  field: F,
  column: ImportColumnKey,
  raw: CellValue,
  found: Problem[],
): keyof (typeof importLabels)[F] | null {
  const text = cellText(raw);
  if (!text) return null;
  const code = labelLookup[field].get(text);
  if (code === undefined) found.push(problems.unknownOption(column, text, field));
  return (code ?? null) as keyof (typeof importLabels)[F] | null;
}

/**
 * An ISO birth date from a text (1990-01-31, 1990/1/31, 1990年1月31日, 19900131), a date cell or an Excel serial
 * number: `{ iso: null }` when the cell is empty, `invalid` when it holds no real date.
 */
function birthDateOf(raw: CellValue): { iso: string | null; invalid: boolean } {
  const invalid = { iso: null, invalid: true };
  if (raw === null || raw === '') return { iso: null, invalid: false };
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? invalid : { iso: raw.toISOString().slice(0, 10), invalid: false };
  }
  if (typeof raw === 'number' && raw < 100_000) {
    const iso = excelSerialDate(raw);
    return iso ? { iso, invalid: false } : invalid;
  }
  const text = cellText(raw);
  const m = /^(\d{4})(?:[-/.年]?)(\d{1,2})(?:[-/.月]?)(\d{1,2})日?$/.exec(text);
  if (!m || (!/[-/.年]/.test(text) && text.length !== 8)) return invalid;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return invalid;
  }
  return { iso: date.toISOString().slice(0, 10), invalid: false };
}

const TAG_PATTERN = /^(.+?)\s*(?:[(（]\s*([1-3])\s*[)）])?$/;

/** Checks one row by itself: presence, formats, vocabularies, ID-card number against gender and birth date. */
function parseRow(keys: DataKeys, v: Record<ImportColumnKey, CellValue>): { draft: Draft; found: Problem[] } {
  const found: Problem[] = [];
  const text = (key: ImportColumnKey) => cellText(v[key] ?? null);

  const buildingCode = text('buildingCode');
  if (!buildingCode) found.push(problems.required('buildingCode'));

  let unit: number | null = null;
  const unitText = text('unit');
  if (!unitText) found.push(problems.required('unit'));
  else {
    const m = /^(\d{1,2})(?:单元)?$/.exec(unitText);
    if (m && Number(m[1]) >= 1) unit = Number(m[1]);
    else found.push(problems.unit());
  }

  let room: string | null = null;
  const roomText = text('room').replace(/室$/, '');
  if (!roomText) found.push(problems.required('room'));
  else if (/^[0-9A-Za-z-]{1,10}$/.test(roomText)) room = roomText;
  else found.push(problems.room());

  const householdKind = option('householdKind', 'householdKind', v.householdKind, found);
  const tenure = option('tenure', 'tenure', v.tenure, found);

  const name = text('name');
  if (!name) found.push(problems.required('name'));
  else if (name.length > 40) found.push(problems.tooLong('name', 40));
  else if (!/^[^<>"'`\\\d]*$/.test(name)) found.push(problems.name());

  let idCard: string | null = null;
  let idCardValid = false;
  if (typeof v.idCard === 'number') found.push(problems.idCardAsNumber());
  else {
    const raw = text('idCard').replace(/\s/g, '').toUpperCase();
    if (raw) {
      const problem = idCardProblem(raw);
      if (problem) found.push(problems.idCard(problem));
      else idCardValid = true;
      idCard = raw;
    }
  }

  const gender = option('gender', 'gender', v.gender, found);
  let birthDate: string | null = null;
  const birth = birthDateOf(v.birthDate ?? null);
  if (birth.invalid) found.push(problems.birthDateInvalid());
  else if (birth.iso && (birth.iso > new Date().toISOString().slice(0, 10) || birth.iso < '1880-01-01')) {
    found.push(problems.birthDateImpossible());
  } else birthDate = birth.iso;

  let identity: { gender: Gender | null; birthDate: string | null } = { gender, birthDate };
  if (idCardValid) {
    const reconciled = reconcileIdentity({
      idCard,
      gender: gender ?? undefined,
      birthDate: birthDate ?? undefined,
    });
    for (const p of reconciled.problems) {
      found.push({ column: p.field === 'gender' ? 'gender' : 'birthDate', code: p.code, message: p.message });
    }
    identity = { gender: reconciled.gender ?? null, birthDate: reconciled.birthDate ?? null };
  } else if (!idCard && typeof v.idCard !== 'number') {
    if (text('gender') === '') found.push(problems.requiredWithoutIdCard('gender'));
    if (birth.iso === null && !birth.invalid) found.push(problems.requiredWithoutIdCard('birthDate'));
  }

  let phone: string | null = null;
  const phoneText = text('phone').replace(/[\s-]/g, '');
  if (phoneText) {
    if (mobilePattern.test(phoneText)) phone = phoneText;
    else found.push(problems.phone());
  }

  const relation = option('relation', 'relation', v.relation, found);
  if (!relation && text('relation') === '') found.push(problems.required('relation'));
  const politicalStatus = option('politicalStatus', 'politicalStatus', v.politicalStatus, found) ?? 'masses';
  const residency = option('residency', 'residency', v.residency, found) ?? 'registered';

  const tags = new Map<KeyPopulationTag, number>();
  for (const part of text('tags')
    .split(/[、,，;；/\s]+/)
    .filter(Boolean)) {
    const m = TAG_PATTERN.exec(part);
    const tag = m ? labelLookup.tag.get(m[1]!) : undefined;
    if (!m || !tag) found.push(problems.unknownOption('tags', part, 'tag'));
    else tags.set(tag as KeyPopulationTag, m[2] ? Number(m[2]) : 1);
  }

  const note = text('note') || null;
  if (note && note.length > 500) found.push(problems.tooLong('note', 500));

  return {
    draft: {
      buildingCode,
      unit,
      room,
      householdKind,
      tenure,
      name,
      idCard: idCardValid ? idCard : null,
      idCardIndex: idCardValid && idCard ? blindIndex(keys, 'idCard', idCard) : null,
      gender: identity.gender,
      birthDate: identity.birthDate,
      phone,
      relation,
      politicalStatus,
      residency,
      tags: [...tags].map(([tag, careLevel]) => ({ tag, careLevel })),
      note,
    },
    found,
  };
}

/** `column = any($1::type[])`: one parameter for the whole list, where `in (…)` would take one per value. */
function anyOf(column: SQLWrapper, values: string[], type: 'text' | 'uuid'): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
}

type BuildingInfo = { id: string; territoryCode: string; unitCount: number };

/** What one pass remembers: lookups already made and, over a file, what earlier rows established. */
type PassState = {
  /** Building code → building, or null when unknown or outside the scope (the same to the user). */
  buildings: Map<string, BuildingInfo | null>;
  /** Building id → `unit|room` → current household id. */
  households: Map<string, Map<string, string>>;
  /** Building id → unit number → unit id. */
  units: Map<string, Map<number, string>>;
  /** ID-card number → first row holding it. */
  idCards: Map<string, number>;
  /** Household key → the row that first named it, with the kind and tenure it set. */
  fileHouseholds: Map<string, { row: number; kind: HouseholdKind; tenure: Tenure }>;
};

type ParsedRow = { number: number; draft: Draft; found: Problem[] };

type CheckedRow = ParsedRow & {
  building: BuildingInfo | null;
  /** `buildingId|unit|room`, when the address is valid. */
  householdKey: string | null;
  existingHouseholdId: string | null;
  existingUnitId: string | null;
};

function newPassState(): PassState {
  return {
    buildings: new Map(),
    households: new Map(),
    units: new Map(),
    idCards: new Map(),
    fileHouseholds: new Map(),
  };
}

/**
 * Checks rows against the registry — building known and in scope, unit within the building, ID card not registered —
 * and finds their households. `withinFile` (validation) also checks them against earlier rows of the file: the same
 * ID card twice, a household described differently; a row's household kind and tenure become those of the first row
 * naming the household. At commit the rows are the validated ones and only the registry can have changed.
 */
async function resolveRows(
  exec: Executor,
  scope: Scope,
  state: PassState,
  rows: ParsedRow[],
  withinFile: boolean,
): Promise<CheckedRow[]> {
  const codes = [...new Set(rows.map((p) => p.draft.buildingCode))].filter(
    (code) => code && !state.buildings.has(code),
  );
  if (codes.length) {
    const found = await exec
      .select({
        id: buildings.id,
        code: buildings.code,
        territoryCode: buildings.territoryCode,
        unitCount: buildings.unitCount,
      })
      .from(buildings)
      .where(anyOf(buildings.code, codes, 'text'));
    const byCode = new Map(found.map((r) => [r.code, r]));
    const fresh: string[] = [];
    for (const code of codes) {
      const b = byCode.get(code);
      const visible = b && registryRowInScope(scope, b.territoryCode, b.id);
      state.buildings.set(
        code,
        visible ? { id: b.id, territoryCode: b.territoryCode, unitCount: b.unitCount } : null,
      );
      if (visible) fresh.push(b.id);
    }
    if (fresh.length) await loadHouseholds(exec, state, fresh);
  }

  const indexes = rows.map((p) => p.draft.idCardIndex).filter((x): x is string => x !== null);
  const registered = new Set(
    indexes.length
      ? (
          await exec
            .select({ index: residents.idCardIndex })
            .from(residents)
            .where(anyOf(residents.idCardIndex, indexes, 'text'))
        ).map((r) => r.index)
      : [],
  );

  return rows.map(({ number, draft, found }) => {
    const building = draft.buildingCode ? (state.buildings.get(draft.buildingCode) ?? null) : null;
    if (draft.buildingCode && !building) found.push(problems.building());
    if (building && draft.unit !== null && draft.unit > building.unitCount) {
      found.push(problems.unitOutOfRange(building.unitCount));
    }
    let householdKey: string | null = null;
    let existingHouseholdId: string | null = null;
    let existingUnitId: string | null = null;
    if (building && draft.unit !== null && draft.unit <= building.unitCount && draft.room !== null) {
      householdKey = `${building.id}|${draft.unit}|${draft.room}`;
      existingHouseholdId = state.households.get(building.id)?.get(`${draft.unit}|${draft.room}`) ?? null;
      existingUnitId = state.units.get(building.id)?.get(draft.unit) ?? null;
      const first = withinFile ? state.fileHouseholds.get(householdKey) : undefined;
      if (withinFile && !first) {
        draft.householdKind ??= 'permanent';
        draft.tenure ??= 'owned';
        state.fileHouseholds.set(householdKey, {
          row: number,
          kind: draft.householdKind,
          tenure: draft.tenure,
        });
      } else if (first) {
        if (!existingHouseholdId && draft.householdKind && draft.householdKind !== first.kind) {
          found.push(problems.householdConflict('householdKind', first.row));
        }
        if (!existingHouseholdId && draft.tenure && draft.tenure !== first.tenure) {
          found.push(problems.householdConflict('tenure', first.row));
        }
        draft.householdKind = first.kind;
        draft.tenure = first.tenure;
      }
    }
    if (draft.idCard) {
      const first = withinFile ? state.idCards.get(draft.idCard) : undefined;
      if (first !== undefined) found.push(problems.duplicateInFile(first));
      else {
        if (withinFile) state.idCards.set(draft.idCard, number);
        if (registered.has(draft.idCardIndex)) found.push(problems.duplicateRegistered());
      }
    }
    return { number, found, draft, building, householdKey, existingHouseholdId, existingUnitId };
  });
}

/** Current households and the units of buildings met for the first time in this pass. */
async function loadHouseholds(exec: Executor, state: PassState, buildingIds: string[]) {
  const [unitRows, householdRows] = await Promise.all([
    exec
      .select({ id: units.id, buildingId: units.buildingId, number: units.number })
      .from(units)
      .where(anyOf(units.buildingId, buildingIds, 'uuid')),
    exec
      .select({
        id: households.id,
        buildingId: households.buildingId,
        unit: units.number,
        room: households.room,
      })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .where(and(anyOf(households.buildingId, buildingIds, 'uuid'), isNull(households.movedOutAt))),
  ]);
  for (const id of buildingIds) {
    state.units.set(id, new Map());
    state.households.set(id, new Map());
  }
  for (const u of unitRows) state.units.get(u.buildingId)!.set(u.number, u.id);
  for (const h of householdRows) state.households.get(h.buildingId)!.set(`${h.unit}|${h.room}`, h.id);
}

/** Every row of the file, checked on its own, against the registry and against earlier rows, in batches. */
async function* checkedBatches(
  exec: Executor,
  keys: DataKeys,
  scope: Scope,
  file: Buffer,
  deadline: number,
): AsyncGenerator<CheckedRow[]> {
  const state = newPassState();
  let batch: SheetRecord[] = [];
  const check = (records: SheetRecord[]) =>
    resolveRows(
      exec,
      scope,
      state,
      records.map((record) => ({ number: record.number, ...parseRow(keys, record.values) })),
      true,
    );
  for await (const record of sheetRecords(file, deadline)) {
    batch.push(record);
    if (batch.length >= BATCH_ROWS) {
      yield await check(batch);
      batch = [];
      if (Date.now() > deadline) throw fileProblemOf(new XlsxProblem('time_limit'));
    }
  }
  if (batch.length) yield await check(batch);
}

/** A validated row as staged for commit: a positional tuple keeps 100,000 rows to a few megabytes of JSON. */
type StagedRow = [
  number: number,
  buildingCode: string,
  unit: number,
  room: string,
  householdKind: HouseholdKind,
  tenure: Tenure,
  name: string,
  idCard: string | null,
  gender: Gender,
  birthDate: string,
  phone: string | null,
  relation: Relation,
  politicalStatus: PoliticalStatus,
  residency: Residency,
  tags: [KeyPopulationTag, number][],
  note: string | null,
];

function stage({ number, draft: d }: ParsedRow): StagedRow {
  return [
    number,
    d.buildingCode,
    d.unit!,
    d.room!,
    d.householdKind!,
    d.tenure!,
    d.name,
    d.idCard,
    d.gender!,
    d.birthDate!,
    d.phone,
    d.relation!,
    d.politicalStatus,
    d.residency,
    d.tags.map((t) => [t.tag, t.careLevel]),
    d.note,
  ];
}

function unstage(keys: DataKeys, r: StagedRow): ParsedRow {
  return {
    number: r[0],
    found: [],
    draft: {
      buildingCode: r[1],
      unit: r[2],
      room: r[3],
      householdKind: r[4],
      tenure: r[5],
      name: r[6],
      idCard: r[7],
      idCardIndex: r[7] ? blindIndex(keys, 'idCard', r[7]) : null,
      gender: r[8],
      birthDate: r[9],
      phone: r[10],
      relation: r[11],
      politicalStatus: r[12],
      residency: r[13],
      tags: r[14].map(([tag, careLevel]) => ({ tag, careLevel })),
      note: r[15],
    },
  };
}

function errorColumns(importId: string, rows: { number: number; found: Problem[] }[]) {
  const out = {
    importId: [] as string[],
    rowNumber: [] as number[],
    seq: [] as number[],
    column: [] as (string | null)[],
    code: [] as string[],
    messageZh: [] as string[],
    messageEn: [] as string[],
  };
  for (const row of rows) {
    row.found.forEach((p, seq) => {
      out.importId.push(importId);
      out.rowNumber.push(row.number);
      out.seq.push(seq);
      out.column.push(p.column ? headerOf[p.column] : null);
      out.code.push(p.code);
      out.messageZh.push(p.message.zh);
      out.messageEn.push(p.message.en);
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The template.

/** The import template: data sheet with drop-downs, instructions, and the buildings the caller may import into. */
export async function importTemplate(db: Executor, scope: Scope): Promise<Buffer> {
  const list = await db
    .select({
      code: buildings.code,
      name: buildings.name,
      unitCount: buildings.unitCount,
      floors: buildings.floors,
      grid: territories.name,
    })
    .from(buildings)
    .innerJoin(territories, eq(territories.id, buildings.gridId))
    .where(registryCondition(scope, buildings.territoryCode, buildings.id))
    .orderBy(asc(buildings.code))
    .limit(50_000);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wuwei 五微五联基层治理平台';
  const data = workbook.addWorksheet('居民信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = importColumns.map((c) => ({
    key: c.key,
    width: c.width,
    style: 'text' in c ? { numFmt: '@' } : {},
  }));
  const header = data.getRow(1);
  importColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'required' in c ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    if (c.hint) cell.note = c.hint;
  });
  header.height = 20;

  const example = list[0];
  data.addRow({
    buildingCode: example?.code ?? '379901001001001',
    unit: 1,
    room: '302',
    householdKind: importLabels.householdKind.permanent,
    tenure: importLabels.tenure.owned,
    name: '张三',
    idCard: '11010519491231002X',
    phone: '13800000000',
    relation: importLabels.relation.head,
    politicalStatus: importLabels.politicalStatus.masses,
    residency: importLabels.residency.registered,
    tags: `${importLabels.tag.elderly_empty_nest}(1)`,
    note: EXAMPLE_MARKER,
  }).font = { italic: true, color: { argb: 'FF808080' } };

  const lastRow = 10_001;
  importColumns.forEach((c, i) => {
    const letter = data.getColumn(i + 1).letter;
    if ('options' in c) {
      addListValidation(data, `${letter}2:${letter}${lastRow}`, {
        allowBlank: !('required' in c),
        formulae: [`"${Object.values(importLabels[c.options]).join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    }
    if (c.key === 'buildingCode' && list.length) {
      addListValidation(data, `${letter}2:${letter}${lastRow}`, {
        allowBlank: false,
        formulae: [`'楼栋编码'!$A$2:$A$${list.length + 1}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: '请填写“楼栋编码”表中的编码',
      });
    }
  });

  const help = workbook.addWorksheet('说明');
  help.columns = [{ width: 14 }, { width: 10 }, { width: 90 }];
  help.addRow(['居民信息批量导入说明']).font = { bold: true, size: 14 };
  help.addRow([]);
  for (const line of templateInstructions(MAX_IMPORT_ROWS)) {
    help.addRow([line]);
  }
  help.addRow([]);
  help.addRow(['列', '是否必填', '填写要求']).font = { bold: true };
  for (const c of importColumns) {
    const options = 'options' in c ? `可选：${Object.values(importLabels[c.options]).join('、')}。` : '';
    const tags = c.key === 'tags' ? `可选：${Object.values(importLabels.tag).join('、')}。` : '';
    help.addRow([c.header, 'required' in c ? '必填' : '', `${options}${tags}${c.hint}`]);
  }

  const codes = workbook.addWorksheet('楼栋编码', { views: [{ state: 'frozen', ySplit: 1 }] });
  codes.columns = [
    { header: '楼栋编码', width: 20 },
    { header: '楼栋名称', width: 24 },
    { header: '单元数', width: 8 },
    { header: '层数', width: 8 },
    { header: '所属网格', width: 20 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const b of list) codes.addRow([b.code, safeCell(b.name), b.unitCount, b.floors, safeCell(b.grid)]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// Upload, validation, view.

type ImportRow = typeof registryImports.$inferSelect;
type ImportSummary = Omit<ImportRow, 'fileEnc' | 'scope'> & { hasFile: boolean };

const summaryColumns = {
  id: registryImports.id,
  status: registryImports.status,
  fileName: registryImports.fileName,
  fileSize: registryImports.fileSize,
  createdBy: registryImports.createdBy,
  totalRows: registryImports.totalRows,
  processedRows: registryImports.processedRows,
  validRows: registryImports.validRows,
  errorRows: registryImports.errorRows,
  errorCount: registryImports.errorCount,
  newHouseholds: registryImports.newHouseholds,
  committedResidents: registryImports.committedResidents,
  committedHouseholds: registryImports.committedHouseholds,
  failure: registryImports.failure,
  createdAt: registryImports.createdAt,
  updatedAt: registryImports.updatedAt,
  validatedAt: registryImports.validatedAt,
  committedAt: registryImports.committedAt,
  hasFile: sql<boolean>`${registryImports.fileEnc} is not null`,
};

/** What leaves the server for an import. */
function presentImport(row: ImportSummary): ImportView {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    fileSize: row.fileSize,
    progress: { processedRows: row.processedRows, totalRows: row.totalRows },
    counts: {
      rows: row.validRows + row.errorRows,
      validRows: row.validRows,
      errorRows: row.errorRows,
      errors: row.errorCount,
      newHouseholds: row.newHouseholds,
      committedResidents: row.committedResidents,
      committedHouseholds: row.committedHouseholds,
    },
    failure: row.failure,
    reportAvailable:
      row.hasFile && row.errorRows > 0 && (row.status === 'validated' || row.status === 'committed'),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    validatedAt: row.validatedAt?.toISOString() ?? null,
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

/** The caller's own import; anybody else's answers 404 like a missing one. */
async function loadOwnImport(db: Executor, userId: string, id: string): Promise<ImportSummary> {
  const [row] = await db.select(summaryColumns).from(registryImports).where(eq(registryImports.id, id));
  if (!row || row.createdBy !== userId) throw errors.notFound();
  return row;
}

/**
 * Stores an upload (encrypted) as a new import in `validating` state and returns its id. Only the envelope is
 * checked here; the rows are checked by `validateImport`, in the `registry.import.validate` job queued in the same
 * transaction (so an import exists exactly when its validation is queued, and a restart resumes it).
 */
export async function createImport(
  { db, keys }: Deps,
  userId: string,
  scope: Scope,
  file: { name: string; bytes: Buffer },
): Promise<string> {
  if (file.bytes.length > MAX_IMPORT_BYTES) throw errors.bodyTooLarge(MAX_IMPORT_BYTES);
  if (file.bytes.length < 4 || file.bytes.readUInt32LE(0) !== 0x04034b50 || !/\.xlsx$/i.test(file.name)) {
    throw errors.validation([
      {
        field: 'file',
        code: 'not_xlsx',
        message: {
          zh: '请上传 Excel 2007 及以上格式（.xlsx）的文件',
          en: 'Upload an Excel workbook (.xlsx)',
        },
      },
    ]);
  }
  const lastRow = await declaredLastRow(file.bytes);
  const id = newId();
  const fileEnc = encryptBytes(keys, file.bytes);
  await db.transaction(async (tx) => {
    await tx.insert(registryImports).values({
      id,
      status: 'validating',
      fileName: file.name.slice(0, 200),
      fileSize: file.bytes.length,
      fileEnc,
      createdBy: userId,
      scope,
      totalRows: lastRow !== null ? Math.max(0, lastRow - 1) : null,
    });
    await enqueue(tx, IMPORT_VALIDATE, { importId: id } satisfies ValidatePayload, {
      key: `import:${id}:validate`,
    });
  });
  return id;
}

/**
 * Checks every row of a stored upload and records the problems, updating progress as it goes; writes nothing to the
 * registry. Self-contained (everything it needs is in the import row); run by the `registry.import.validate` job.
 *
 * Idempotent: every run starts over from the stored upload, replacing the problems and staged rows an interrupted
 * run left. A file problem (a limit, the time limit, a damaged file, no header) is a final outcome: the import ends
 * `failed` with its reason and this returns. Any other error is thrown with the import left `validating`, for the job
 * to retry; when its attempts run out the job's `onDead` fails the import (`failValidation`).
 */
export async function validateImport({ db, keys }: Deps, id: string, lease: Lease = {}): Promise<void> {
  const [job] = await db
    .select({
      status: registryImports.status,
      fileEnc: registryImports.fileEnc,
      scope: registryImports.scope,
    })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  if (!job || job.status !== 'validating' || !job.fileEnc) return;
  const counts = { processedRows: 0, validRows: 0, errorRows: 0, errorCount: 0, newHouseholds: 0 };
  const forget = async () => {
    await db.delete(registryImportErrors).where(eq(registryImportErrors.importId, id));
    await db.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
  };
  try {
    const deadline = Date.now() + importLimits.timeMs;
    const file = decryptBytes(keys, job.fileEnc);
    const newKeys = new Set<string>();
    await forget();
    let seq = 0;
    for await (const batch of checkedBatches(db, keys, job.scope, file, deadline)) {
      const bad = batch.filter((r) => r.found.length > 0);
      const good = batch.filter((r) => r.found.length === 0);
      for (const row of good) {
        if (!row.existingHouseholdId && !newKeys.has(row.householdKey!)) {
          newKeys.add(row.householdKey!);
          counts.newHouseholds += 1;
        }
      }
      counts.processedRows += batch.length;
      counts.validRows += good.length;
      counts.errorRows += bad.length;
      counts.errorCount += bad.reduce((n, r) => n + r.found.length, 0);
      if (bad.length) await insertColumns(db, registryImportErrors, errorColumns(id, bad));
      if (good.length) {
        await db.insert(registryImportChunks).values({
          importId: id,
          seq: seq++,
          rows: good.length,
          dataEnc: encryptBytes(keys, deflateRawSync(JSON.stringify(good.map(stage)), { level: 1 })),
        });
      }
      await db
        .update(registryImports)
        .set({ ...counts, updatedAt: new Date() })
        .where(eq(registryImports.id, id));
      // Another runner may have taken the job over: stop before writing more.
      await lease.heartbeat?.();
      lease.signal?.throwIfAborted();
    }
    await db
      .update(registryImports)
      .set({ ...counts, status: 'validated', validatedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(registryImports.id, id), eq(registryImports.status, 'validating')));
  } catch (error) {
    if (!(error instanceof ImportFileProblem) || lease.signal?.aborted) throw error;
    await failValidation(db, id, error.failure);
  }
}

/** The generic reason of a validation that failed for no reason of the file's (its job went dead). */
const validationStopped: ImportFailure = {
  code: 'interrupted',
  zh: '校验中断，请重新上传',
  en: 'Validation stopped; upload the file again',
};

/** Ends a validating import `failed` with `failure`, dropping its upload, problems and staged rows. */
export async function failValidation(
  exec: Executor,
  id: string,
  failure: ImportFailure = validationStopped,
): Promise<void> {
  const [failed] = await exec
    .update(registryImports)
    .set({ status: 'failed', failure, fileEnc: null, updatedAt: new Date() })
    .where(and(eq(registryImports.id, id), eq(registryImports.status, 'validating')))
    .returning({ id: registryImports.id });
  if (!failed) return;
  await exec.delete(registryImportErrors).where(eq(registryImportErrors.importId, id));
  await exec.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
}

/**
 * Validations running at once in this process. Each may hold its upload and up to the shared-string limits in
 * memory (~130 MB at worst), so more uploads at once wait their turn instead of adding up.
 */
export const MAX_CONCURRENT_VALIDATIONS = 2;
let validationsRunning = 0;
const validationsWaiting: (() => void)[] = [];

export async function inTurn(work: () => Promise<void>): Promise<void> {
  if (validationsRunning < MAX_CONCURRENT_VALIDATIONS) validationsRunning += 1;
  else await new Promise<void>((resolve) => validationsWaiting.push(resolve));
  try {
    await work();
  } finally {
    // The slot passes straight to the next waiter, so no newcomer can slip in between.
    const next = validationsWaiting.shift();
    if (next) next();
    else validationsRunning -= 1;
  }
}

/** One import with a page of its row errors (ordered by row). */
export async function importDetail(
  db: Executor,
  userId: string,
  id: string,
  page: { page: number; pageSize: number },
) {
  const row = await loadOwnImport(db, userId, id);
  const list = await db
    .select()
    .from(registryImportErrors)
    .where(eq(registryImportErrors.importId, id))
    .orderBy(asc(registryImportErrors.rowNumber), asc(registryImportErrors.seq))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const rowErrors: ImportRowError[] = list.map((e) => ({
    row: e.rowNumber,
    column: e.column,
    code: e.code,
    message: { zh: e.messageZh, en: e.messageEn },
  }));
  return {
    ...presentImport(row),
    errors: rowErrors,
    errorPage: { page: page.page, pageSize: page.pageSize, total: row.errorCount },
  };
}

/** The caller's latest imports. */
export async function listImports(db: Executor, userId: string) {
  const rows = await db
    .select(summaryColumns)
    .from(registryImports)
    .where(eq(registryImports.createdBy, userId))
    .orderBy(desc(registryImports.createdAt))
    .limit(20);
  return rows.map(presentImport);
}

/** Drops the stored upload. An import not yet committed can no longer be; a committed one keeps its counts. */
export async function discardImport(db: Executor, userId: string, id: string): Promise<void> {
  const row = await loadOwnImport(db, userId, id);
  if (row.status === 'committing' || row.status === 'validating') throw errors.importNotReady(row.status);
  await db.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
  await db
    .update(registryImports)
    .set({
      status: row.status === 'committed' ? 'committed' : 'discarded',
      fileEnc: null,
      updatedAt: new Date(),
    })
    .where(eq(registryImports.id, id));
}

// ---------------------------------------------------------------------------------------------------------------
// The report of bad rows.

/** Row errors in row order, grouped by row, read in pages so that memory stays bounded. */
async function* errorsByRow(db: Executor, importId: string) {
  let after = { row: 0, seq: -1 };
  let current: { row: number; messages: string[] } | null = null;
  for (;;) {
    const page = await db
      .select({
        row: registryImportErrors.rowNumber,
        seq: registryImportErrors.seq,
        column: registryImportErrors.column,
        message: registryImportErrors.messageZh,
      })
      .from(registryImportErrors)
      .where(
        and(
          eq(registryImportErrors.importId, importId),
          sql`(${registryImportErrors.rowNumber}, ${registryImportErrors.seq}) > (${after.row}, ${after.seq})`,
        ),
      )
      .orderBy(asc(registryImportErrors.rowNumber), asc(registryImportErrors.seq))
      .limit(5_000);
    for (const e of page) {
      if (current && current.row !== e.row) {
        yield current;
        current = null;
      }
      current ??= { row: e.row, messages: [] };
      current.messages.push(e.column ? `${e.column}：${e.message}` : e.message);
    }
    if (page.length < 5_000) break;
    const last = page[page.length - 1]!;
    after = { row: last.row, seq: last.seq };
  }
  if (current) yield current;
}

/** The bad rows of an import as they were uploaded, each with its reasons, as a streamed .xlsx. */
export async function importReport({ db, keys }: Deps, userId: string, id: string) {
  const row = await loadOwnImport(db, userId, id);
  const [stored] = await db
    .select({ fileEnc: registryImports.fileEnc })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  if (!stored?.fileEnc || row.errorRows === 0) throw errors.notFound();
  const file = decryptBytes(keys, stored.fileEnc);
  const out = streamingSheet('问题行', [
    { header: '行号', width: 7 },
    { header: '问题', width: 60 },
    ...importColumns.map((c) => ({ header: c.header, width: c.width })),
  ]);
  const pump = async () => {
    const reasons = errorsByRow(db, id);
    let next = await reasons.next();
    let written = 0;
    for await (const record of sheetRecords(file, Date.now() + importLimits.timeMs)) {
      while (!next.done && next.value.row < record.number) next = await reasons.next();
      if (next.done) break;
      if (next.value.row !== record.number) continue;
      out.sheet
        .addRow([
          record.number,
          safeCell(next.value.messages.join('；')),
          ...importColumns.map((c) => safeCell(reportValue(record.values[c.key] ?? null))),
        ])
        .commit();
      if (++written % 1_000 === 0) await out.drain();
    }
    await reasons.return(undefined);
  };
  pumpInto(out, pump);
  return { body: out.body, fileName: `导入问题行-${row.fileName.replace(/\.xlsx$/i, '')}.xlsx` };
}

function reportValue(value: CellValue): string | number | Date | null {
  return typeof value === 'boolean' ? String(value) : value;
}

/** Runs the writer of a streamed sheet; a failure ends the download early instead of crashing the process. */
function pumpInto(out: ReturnType<typeof streamingSheet>, pump: () => Promise<void>) {
  pump()
    .then(async () => {
      out.sheet.commit();
      await out.workbook.commit();
    })
    .catch((error: unknown) => out.fail(error));
}

// ---------------------------------------------------------------------------------------------------------------
// Commit.

export type CommitMode = 'valid-only' | 'all-or-nothing';

/** Rows that had become invalid between validation and commit (for all-or-nothing: the reason to refuse). */
class ChangedSinceValidation extends Error {
  constructor(readonly rows: { number: number; found: Problem[] }[]) {
    super('rows changed since validation');
  }
}

/**
 * Claims a validated import for commit (`committing`) and queues its `registry.import.commit` job in the same
 * transaction, refusing what cannot be committed. Returns false when the import is already committing or committed:
 * a second commit does nothing. The job's key `import:<id>:commit` is renewed once an earlier commit job finished
 * (a refused all-or-nothing commit leaves the import validated, and it may be committed again).
 */
export async function claimCommit(
  db: Db,
  userId: string,
  id: string,
  mode: CommitMode,
  by: { scope: Scope; actor: Actor },
): Promise<boolean> {
  const row = await loadOwnImport(db, userId, id);
  if (row.status === 'committed' || row.status === 'committing') return false;
  if (row.status !== 'validated') throw errors.importNotReady(row.status);
  if (row.validRows === 0) throw errors.importNothingValid();
  if (mode === 'all-or-nothing' && row.errorRows > 0) throw errors.importHasErrors(row.errorRows);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(registryImports)
      .set({ status: 'committing', failure: null, updatedAt: new Date() })
      .where(and(eq(registryImports.id, id), eq(registryImports.status, 'validated')))
      .returning({ id: registryImports.id });
    if (claimed.length !== 1) return false;
    const payload: CommitPayload = { importId: id, mode, scope: by.scope, actor: by.actor };
    await enqueue(tx, IMPORT_COMMIT, payload, { key: `import:${id}:commit`, renew: true });
    return true;
  });
}

/**
 * Writes the valid rows of a claimed import in one transaction: households created as needed, residents with
 * encrypted ID card and phone, tags, history, and one audit row. Every row is checked again inside the transaction;
 * a row that has become invalid since validation (an ID card registered meanwhile, a building moved out of scope) is
 * skipped and reported in valid-only mode and refuses the whole commit in all-or-nothing mode.
 *
 * Exactly once, though its job runs at least once: every write and the move to `committed` are one transaction,
 * which first locks the import row and goes on only while it is still `committing`. A run cut off before its
 * commit wrote nothing (the next run starts over from the staged rows); a run after a commit that went through, or
 * waiting on the lock of one under way, finds `committed` and writes nothing. A refusal (rows changed since
 * validation, all-or-nothing) is a final outcome: the import is validated again with the reason. Any other error is
 * thrown with the import left `committing`, for the job to retry; when its attempts run out the job's `onDead` puts
 * it back to validated with a reason (`giveUpCommit`).
 */
export async function commitImport(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  mode: CommitMode,
  lease: Lease = {},
): Promise<void> {
  const [job] = await db
    .select({
      status: registryImports.status,
      fileName: registryImports.fileName,
      validRows: registryImports.validRows,
      errorRows: registryImports.errorRows,
      errorCount: registryImports.errorCount,
    })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  if (job?.status !== 'committing') return;
  let committed = false;
  try {
    await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: registryImports.status })
        .from(registryImports)
        .where(eq(registryImports.id, id))
        .for('update');
      if (locked?.status !== 'committing') return;
      // Rows reported since validation (a refused all-or-nothing commit) stay out, though still staged.
      const reported = new Set(
        (
          await tx
            .selectDistinct({ row: registryImportErrors.rowNumber })
            .from(registryImportErrors)
            .where(eq(registryImportErrors.importId, id))
        ).map((r) => r.row),
      );
      const chunks = await tx
        .select({ seq: registryImportChunks.seq })
        .from(registryImportChunks)
        .where(eq(registryImportChunks.importId, id))
        .orderBy(asc(registryImportChunks.seq));
      const pass = newPassState();
      const written: WriteState = { residents: 0, newHouseholds: new Map(), units: new Map() };
      // Inserts of one batch run while the next is read, checked and encrypted (the database is another process
      // on PostgreSQL); statements of the transaction still reach the database one at a time, in order.
      let writing: Promise<void> = Promise.resolve();
      const write = async (rows: CheckedRow[]) => {
        const prepared = prepareRows(keys, actor, id, rows, written);
        await writing;
        writing = insertPrepared(tx, prepared);
        writing.catch(() => undefined);
      };
      const joined = new Set<string>();
      const changed: CheckedRow[] = [];
      let pending: CheckedRow[] = [];
      for (const { seq } of chunks) {
        // The lease renewed per chunk; once it is lost, another runner may be committing: roll back.
        await lease.heartbeat?.();
        lease.signal?.throwIfAborted();
        const [chunk] = await tx
          .select({ dataEnc: registryImportChunks.dataEnc })
          .from(registryImportChunks)
          .where(and(eq(registryImportChunks.importId, id), eq(registryImportChunks.seq, seq)));
        const staged = (
          JSON.parse(inflateRawSync(decryptBytes(keys, chunk!.dataEnc)).toString('utf8')) as StagedRow[]
        )
          .map((row) => unstage(keys, row))
          .filter((row) => !reported.has(row.number));
        for (const row of await resolveRows(tx, scope, pass, staged, false)) {
          if (row.found.length) changed.push(row);
          else pending.push(row);
          if (row.existingHouseholdId) joined.add(row.existingHouseholdId);
        }
        if (mode === 'all-or-nothing' && changed.length) throw new ChangedSinceValidation(changed);
        if (pending.length >= WRITE_ROWS) {
          await write(pending);
          pending = [];
        }
      }
      await write(pending);
      await writing;
      if (changed.length) await insertColumns(tx, registryImportErrors, errorColumns(id, changed));
      const counts = {
        validRows: job.validRows - changed.length,
        errorRows: job.errorRows + changed.length,
        errorCount: job.errorCount + changed.reduce((n, r) => n + r.found.length, 0),
      };
      await appendAudit(tx, actor, {
        action: 'registry.imported',
        entityType: 'registry_import',
        entityId: id,
        territoryCode: scope.all ? null : scope.codes.length === 1 ? scope.codes[0] : null,
        changes: {
          fileName: job.fileName,
          mode,
          residents: written.residents,
          householdsCreated: written.newHouseholds.size,
          householdsJoined: joined.size,
          skippedRows: counts.errorRows,
        },
      });
      await tx.delete(registryImportChunks).where(eq(registryImportChunks.importId, id));
      await tx
        .update(registryImports)
        .set({
          ...counts,
          status: 'committed',
          committedResidents: written.residents,
          committedHouseholds: written.newHouseholds.size,
          committedAt: new Date(),
          updatedAt: new Date(),
          // The report of bad rows needs the upload; without bad rows it has no further use.
          ...(counts.errorRows === 0 ? { fileEnc: null } : {}),
        })
        .where(eq(registryImports.id, id));
      committed = true;
    });
  } catch (error) {
    if (!(error instanceof ChangedSinceValidation)) throw error;
    const changed = error.rows;
    await db.transaction(async (tx) => {
      await insertColumns(tx, registryImportErrors, errorColumns(id, changed));
      await tx
        .update(registryImports)
        .set({
          status: 'validated',
          validRows: job.validRows - changed.length,
          errorRows: job.errorRows + changed.length,
          errorCount: job.errorCount + changed.reduce((n, r) => n + r.found.length, 0),
          failure: {
            zh: `校验后有 ${changed.length} 行数据发生变化（如身份证号已被登记），未导入任何数据`,
            en: `${changed.length} rows changed since validation (e.g. an ID card registered meanwhile); nothing was imported`,
          },
          updatedAt: new Date(),
        })
        .where(and(eq(registryImports.id, id), eq(registryImports.status, 'committing')));
    });
    return;
  }
  // Outside the transaction; should it fail, the job's retry finds the import committed and writes nothing.
  if (committed) await vacuumAnalyzeRegistry(db);
}

/** Puts an import whose commit job went dead back to validated: nothing was written, and it may be tried again. */
export async function giveUpCommit(exec: Executor, id: string): Promise<void> {
  await exec
    .update(registryImports)
    .set({
      status: 'validated',
      failure: {
        zh: '导入失败，未写入任何数据，请重试',
        en: 'The import failed and wrote nothing; try again',
      },
      updatedAt: new Date(),
    })
    .where(and(eq(registryImports.id, id), eq(registryImports.status, 'committing')));
}

type WriteState = { residents: number; newHouseholds: Map<string, string>; units: Map<string, string> };

/**
 * Column arrays for `insertColumns` from a batch of valid rows: the units and households they need (each created
 * once per import), residents with encrypted ID card and phone, tags, and history. Pure computation, so that on
 * PostgreSQL it overlaps the previous batch's inserts.
 */
function prepareRows(keys: DataKeys, actor: Actor, importId: string, rows: CheckedRow[], state: WriteState) {
  const u = columnArrays(units, ['id', 'buildingId', 'number']);
  const h = columnArrays(households, [
    'id',
    'buildingId',
    'unitId',
    'territoryCode',
    'room',
    'kind',
    'tenure',
  ]);
  const r = columnArrays(residents, [
    'id',
    'householdId',
    'buildingId',
    'territoryCode',
    'name',
    'gender',
    'birthDate',
    'idCardEnc',
    'idCardIndex',
    'phoneEnc',
    'phoneIndex',
    'relation',
    'politicalStatus',
    'residency',
    'note',
  ]);
  const tags = columnArrays(residentTags, ['residentId', 'tag', 'careLevel']);
  const history = columnArrays(registryHistory, [
    'id',
    'entityType',
    'entityId',
    'event',
    'toHouseholdId',
    'details',
    'actorId',
  ]);
  const details = { importId };
  const addHistory = (
    entityType: 'household' | 'resident',
    entityId: string,
    event: 'created' | 'moved_in',
    toHouseholdId: string | null,
  ) => {
    history.id.push(newId());
    history.entityType.push(entityType);
    history.entityId.push(entityId);
    history.event.push(event);
    history.toHouseholdId.push(toHouseholdId);
    history.details.push(details);
    history.actorId.push(actor.userId);
  };

  for (const row of rows) {
    const building = row.building!;
    const d = row.draft;
    let householdId = row.existingHouseholdId ?? state.newHouseholds.get(row.householdKey!);
    if (!householdId) {
      const unitKey = `${building.id}|${d.unit}`;
      // A unit the building lacks (units are rows since the registry began) is created once.
      let unitId = row.existingUnitId ?? state.units.get(unitKey);
      if (!unitId) {
        unitId = newId();
        state.units.set(unitKey, unitId);
        u.id.push(unitId);
        u.buildingId.push(building.id);
        u.number.push(d.unit!);
      }
      householdId = newId();
      state.newHouseholds.set(row.householdKey!, householdId);
      h.id.push(householdId);
      h.buildingId.push(building.id);
      h.unitId.push(unitId);
      h.territoryCode.push(building.territoryCode);
      h.room.push(d.room!);
      h.kind.push(d.householdKind!);
      h.tenure.push(d.tenure!);
      addHistory('household', householdId, 'created', null);
    }
    const id = newId();
    r.id.push(id);
    r.householdId.push(householdId);
    r.buildingId.push(building.id);
    r.territoryCode.push(building.territoryCode);
    r.name.push(d.name);
    r.gender.push(d.gender!);
    r.birthDate.push(d.birthDate!);
    r.idCardEnc.push(d.idCard ? encrypt(keys, d.idCard) : null);
    r.idCardIndex.push(d.idCardIndex);
    r.phoneEnc.push(d.phone ? encrypt(keys, d.phone) : null);
    r.phoneIndex.push(d.phone ? blindIndex(keys, 'mobile', d.phone) : null);
    r.relation.push(d.relation!);
    r.politicalStatus.push(d.politicalStatus);
    r.residency.push(d.residency);
    r.note.push(d.note);
    for (const t of d.tags) {
      tags.residentId.push(id);
      tags.tag.push(t.tag);
      tags.careLevel.push(t.careLevel);
    }
    addHistory('resident', id, 'moved_in', householdId);
  }
  state.residents += r.id.length;
  return { u, h, r, tags, history };
}

/** Inserts what `prepareRows` built, parents first. */
async function insertPrepared(tx: Executor, prepared: ReturnType<typeof prepareRows>) {
  const { u, h, r, tags, history } = prepared;
  if (u.id.length) await insertColumns(tx, units, u);
  if (h.id.length) await insertColumns(tx, households, h);
  if (r.id.length) await insertColumns(tx, residents, r);
  if (tags.residentId.length) await insertColumns(tx, residentTags, tags);
  if (history.id.length) await insertColumns(tx, registryHistory, history);
}

// ---------------------------------------------------------------------------------------------------------------
// Export.

const exportExtraColumns = [
  { header: '年龄', width: 6 },
  { header: '住址', width: 30 },
  { header: '所属网格', width: 18 },
  { header: '迁出时间', width: 12 },
];

const label = <F extends LabelledField>(field: F, code: string | null): string | null =>
  code === null ? null : ((importLabels[field] as Record<string, string>)[code] ?? code);

/**
 * The filtered resident list as a streamed .xlsx in the template's columns (so a ledger can be edited and read
 * again), ordered by address. ID card and phone are masked and the birth date left out (the age column stays)
 * unless `reveal` is given, and then only for rows inside the reveal scope: a birth date with the region code and
 * the ID card's last four rebuilds the number. One audit row records who exported what (filters, row count, whether
 * in clear).
 */
export async function exportResidents(
  { db, keys }: Deps,
  scope: Scope,
  actor: Actor,
  filter: ResidentExportFilter,
  revealScope: Scope | null,
) {
  const where = await residentListCondition({ db, keys }, scope, filter);
  // Ids first, in address order: one sort, then details fetched by id in batches (bounded memory per batch).
  const ordered = await db
    .select({ id: residents.id })
    .from(residents)
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(buildings, eq(buildings.id, residents.buildingId))
    .where(where)
    .orderBy(
      sql`${buildings.code} nulls last`,
      asc(units.number),
      asc(households.room),
      sql`case ${residents.relation} when 'head' then 0 when 'spouse' then 1 else 2 end`,
      asc(residents.birthDate),
      asc(residents.id),
    );
  const q = filter.q?.trim();
  await appendAudit(db, actor, {
    action: 'resident.exported',
    entityType: 'resident',
    territoryCode: scope.all ? null : scope.codes.length === 1 ? scope.codes[0] : null,
    changes: {
      filters: {
        ...filter,
        reveal: undefined,
        q: q && /^\d{17}[\dXx]$/.test(q) ? maskIdCard(q) : q && mobilePattern.test(q) ? maskMobile(q) : q,
      },
      rows: ordered.length,
      reveal: revealScope !== null,
    },
  });

  const out = streamingSheet('居民名单', [
    ...importColumns.map((c) => ({ header: c.header, width: c.width })),
    ...exportExtraColumns,
  ]);
  const pump = async () => {
    for (let at = 0; at < ordered.length; at += 1_000) {
      const ids = ordered.slice(at, at + 1_000).map((r) => r.id);
      const rows = await db
        .select({
          id: residents.id,
          buildingCode: buildings.code,
          buildingName: buildings.name,
          unit: units.number,
          room: households.room,
          householdKind: households.kind,
          tenure: households.tenure,
          name: residents.name,
          idCardEnc: residents.idCardEnc,
          gender: residents.gender,
          birthDate: residents.birthDate,
          phoneEnc: residents.phoneEnc,
          relation: residents.relation,
          politicalStatus: residents.politicalStatus,
          residency: residents.residency,
          note: residents.note,
          territoryCode: residents.territoryCode,
          buildingId: residents.buildingId,
          gridName: territories.name,
          movedOutAt: residents.movedOutAt,
          tags: sql<string | null>`(select string_agg(t.tag || ':' || t.care_level, ',' order by t.tag)
            from ${residentTags} t where t.resident_id = ${residents.id})`,
        })
        .from(residents)
        .leftJoin(households, eq(households.id, residents.householdId))
        .leftJoin(units, eq(units.id, households.unitId))
        .leftJoin(buildings, eq(buildings.id, residents.buildingId))
        .leftJoin(territories, eq(territories.id, buildings.gridId))
        .where(anyOf(residents.id, ids, 'uuid'));
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) continue;
        const clear =
          revealScope !== null && registryRowInScope(revealScope, row.territoryCode, row.buildingId);
        const idCard = row.idCardEnc ? decrypt(keys, row.idCardEnc) : null;
        const phone = row.phoneEnc ? decrypt(keys, row.phoneEnc) : null;
        out.sheet
          .addRow(
            [
              row.buildingCode,
              row.unit,
              row.room,
              label('householdKind', row.householdKind),
              label('tenure', row.tenure),
              row.name,
              idCard && (clear ? idCard : maskIdCard(idCard)),
              label('gender', row.gender),
              clear ? row.birthDate : null,
              phone && (clear ? phone : maskMobile(phone)),
              label('relation', row.relation),
              label('politicalStatus', row.politicalStatus),
              label('residency', row.residency),
              row.tags
                ?.split(',')
                .map((entry) => {
                  const [tag, level] = entry.split(':');
                  return `${label('tag', tag!)}${level === '1' ? '' : `(${level})`}`;
                })
                .join('、') ?? null,
              row.note,
              ageOn(row.birthDate),
              row.buildingName && row.unit !== null && row.room
                ? formatAddress(row.buildingName, row.unit, row.room)
                : null,
              row.gridName,
              row.movedOutAt?.toISOString().slice(0, 10) ?? null,
            ].map(safeCell),
          )
          .commit();
      }
      await out.drain();
    }
  };
  pumpInto(out, pump);
  return { body: out.body, rows: ordered.length };
}
