import { and, eq, isNull } from 'drizzle-orm';
import { blindIndex, mobilePattern, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { type Text } from '../../core/http/errors.ts';
import { idCardProblem } from './id-card.ts';
import {
  EXAMPLE_MARKER,
  importColumns,
  importLabels,
  type ImportColumnKey,
  type LabelledField,
} from './registry-import.schemas.ts';
import { reconcileIdentity } from './registry.writes.ts';
import { buildings, households, residents, units, type KeyPopulationTag } from './registry.tables.ts';
import { cellText, excelSerialDate, type CellValue } from './xlsx.ts';
import { readSheetRows, XlsxProblem, type XlsxProblemCode } from './xlsx-reader.ts';

import { BATCH_ROWS, MAX_IMPORT_ROWS, anyOf, importLimits } from './registry-import.common.ts';

/** The Excel import, reading and checking rows: problem messages, the sheet's records, each row on its own, then batches against the registry, and the staged form rows are kept in between validation and commit. */

export type Problem = { column: ImportColumnKey | null; code: string; message: Text };

const headerOf = Object.fromEntries(importColumns.map((c) => [c.key, c.header])) as Record<
  ImportColumnKey,
  string
>;

export const problems = {
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
  /**
   * A card registered outside the importer's scope, told to an importer whose reveal does not cover the county; at
   * their limit of such refusals, every card not registered inside the scope (see RegisteredCards).
   */
  idCardRefused: (): Problem => ({
    column: 'idCard',
    code: 'id_card_refused',
    message: {
      zh: '无法在此登记：请联系上级核实',
      en: 'Cannot be registered here; ask the level above to check',
    },
  }),
};

/** A problem with the whole file: the import fails with this message and no row is looked at further. */
export class ImportFileProblem extends Error {
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

export type ImportFailure = Text & { code?: string };

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
export async function* sheetRecords(file: Buffer, deadline: number): AsyncGenerator<SheetRecord> {
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
  /** How cards registered outside the scope are told; absent: as `idCardRefused`, neither audited nor counted. */
  cards?: RegisteredCards;
};

/**
 * "Already registered" for a card registered outside the importer's scope would confirm a guessed number anywhere in
 * the county (an importer may upload any numbers). Unless the importer's reveal covers the county (`revealsCounty`),
 * such a row reads `idCardRefused`, and each is a `resident.id_card_taken` refusal like those of registering one
 * resident (audited, masked; `refuse`), up to the same limit. At the limit (`atLimit`, found before the pass or by
 * `refuse`), every row whose card is not registered inside the scope reads `idCardRefused` too, registered elsewhere or
 * not, so the rest of the file tells nothing. Cards registered inside the scope read `duplicateRegistered`.
 */
export type RegisteredCards = {
  revealsCounty: boolean;
  /** Audits the refusal of `idCard`; false, writing nothing, when the importer is at the limit. */
  refuse: (idCard: string) => Promise<boolean>;
  atLimit: boolean;
};

type ParsedRow = { number: number; draft: Draft; found: Problem[] };

export type CheckedRow = ParsedRow & {
  building: BuildingInfo | null;
  /** `buildingId|unit|room`, when the address is valid. */
  householdKey: string | null;
  existingHouseholdId: string | null;
  existingUnitId: string | null;
};

export function newPassState(): PassState {
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
export async function resolveRows(
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
  /** Blind index of each registered card → whether its resident lies inside the scope. */
  const registered = new Map(
    indexes.length
      ? (
          await exec
            .select({
              index: residents.idCardIndex,
              territoryCode: residents.territoryCode,
              buildingId: residents.buildingId,
            })
            .from(residents)
            .where(anyOf(residents.idCardIndex, indexes, 'text'))
        ).map((r) => [r.index, registryRowInScope(scope, r.territoryCode, r.buildingId)])
      : [],
  );

  const checked: CheckedRow[] = [];
  for (const { number, draft, found } of rows) {
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
        // Whether the card's resident lies inside the scope; undefined: not registered (or not a valid number).
        const inside = draft.idCardIndex ? registered.get(draft.idCardIndex) : undefined;
        const cards = state.cards;
        if (inside || (inside === false && cards?.revealsCounty)) found.push(problems.duplicateRegistered());
        else if (cards && !cards.revealsCounty && draft.idCardIndex && (cards.atLimit || inside === false)) {
          if (!cards.atLimit && !(await cards.refuse(draft.idCard))) cards.atLimit = true;
          found.push(problems.idCardRefused());
        } else if (inside === false) found.push(problems.idCardRefused());
      }
    }
    checked.push({ number, found, draft, building, householdKey, existingHouseholdId, existingUnitId });
  }
  return checked;
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
export async function* checkedBatches(
  exec: Executor,
  keys: DataKeys,
  scope: Scope,
  file: Buffer,
  deadline: number,
  cards?: RegisteredCards,
): AsyncGenerator<CheckedRow[]> {
  const state: PassState = { ...newPassState(), cards };
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
export type StagedRow = [
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

export function stage({ number, draft: d }: ParsedRow): StagedRow {
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

export function unstage(keys: DataKeys, r: StagedRow): ParsedRow {
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

export function errorColumns(importId: string, rows: { number: number; found: Problem[] }[]) {
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
