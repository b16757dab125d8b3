import { bulkDecrypter } from '../../core/auth/bulk-decrypt.ts';
import { maskIdCard, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope-rule.ts';
import { ageOn, formatAddress } from './registry.format.ts';
import { neutralise, rowsXml } from './xlsx-rows.ts';

/**
 * The export's rows formatted (decrypted, masked, labelled, as the sheet's XML), with neither the database nor the
 * spreadsheet library loaded: the large export's formatting thread (registry-export.worker.ts, role `format`) loads
 * only this; the sheet (registry-export.sheet.ts) uses it for the batches it formats itself. What it needs (columns,
 * labels, the reveal scope, the day ages are counted on) comes with `SheetSetup`.
 */

export type SheetSetup = {
  exportId: string;
  columns: { header: string; width: number }[];
  /** The vocabularies' labels by field and code (importLabels). */
  labels: Record<string, Record<string, string>>;
  /** Rows inside it are written in clear; null: every row masked. */
  revealScope: Scope | null;
  /** ISO instant of the day ages are counted on. */
  today: string;
  /**
   * The export's households and buildings, read once with the ids (json texts of HouseholdRow and BuildingRow):
   * a batch's rows name them by id instead of joining them row by row (docs/decisions/export-speed.md).
   */
  households: string;
  buildings: string;
  /** The listed residents' tags (json text of TagsRow), read with the households: only residents with tags. */
  tags: string;
};

/** A fetched row, the columns of the job's json_build_array (registry-export.service.ts, fetchRows). */
export type FetchedRow = [
  id: string,
  name: string,
  idCardEnc: string | null,
  gender: string,
  birthDate: string,
  phoneEnc: string | null,
  relation: string,
  politicalStatus: string,
  residency: string,
  note: string | null,
  territoryCode: string | null,
  buildingId: string | null,
  householdId: string | null,
  movedOutOn: string | null,
];
export type HouseholdRow = [id: string, room: string, kind: string, tenure: string, unit: number | null];
export type BuildingRow = [id: string, code: string, name: string, gridName: string | null];
/** A resident's tags as `tag:careLevel` by tag, comma-separated. */
export type TagsRow = [residentId: string, tags: string];

/**
 * A batch's rows as the sheet's XML, numbered from the row it was told the batch starts at: text where it is made,
 * or its UTF-8 bytes when it crosses threads (the formatter's batches are encoded there and their buffer moved, not
 * copied, through the job's thread to the sheet's, which writes the bytes as they are).
 */
export type FormattedRows = { xml: string | Uint8Array; written: number };

export type RowFormatter = {
  /**
   * Formats one batch: `ids` in the order wanted, `rowsJson` the batch's rows as one json array (any order; an id
   * without its row, moved away or removed since the ids were read, is left out), numbered from `firstRow`.
   */
  format(ids: string[], rowsJson: string, firstRow: number): { xml: string; written: number };
};

/** The rows' XML as UTF-8 bytes in a buffer of their own (not Node's shared pool), to move to another thread. */
export function encodeRows({
  xml,
  written,
}: {
  xml: string;
  written: number;
}): FormattedRows & { xml: Uint8Array } {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(xml));
  bytes.write(xml);
  return { xml: bytes, written };
}

/**
 * Decrypts, masks and labels the rows of a batch and writes them as the sheet's XML (xlsx.ts rowsXml): the bulk of
 * an export's work, done by the sheet's own thread or, for a large export, shared with a second thread
 * (registry-export.worker.ts) whose text the sheet appends in order.
 */
export function rowFormatter(keys: DataKeys, setup: SheetSetup): RowFormatter {
  const today = new Date(setup.today);
  const { labels, revealScope } = setup;
  const label = (field: string, code: string | null) =>
    code === null ? null : (labels[field]![code] ?? code);

  const householdsById = new Map(
    (JSON.parse(setup.households) as HouseholdRow[] | null)?.map((h) => [h[0], h]),
  );
  const buildingsById = new Map((JSON.parse(setup.buildings) as BuildingRow[] | null)?.map((b) => [b[0], b]));
  const tagsById = new Map((JSON.parse(setup.tags) as TagsRow[] | null)?.map((t) => [t[0], t[1]]));

  const decrypter = bulkDecrypter(keys);

  function cellsOf(
    row: FetchedRow,
    clear: boolean,
    idCard: string | null,
    phone: string | null,
  ): (string | number | null)[] {
    const [
      id,
      name,
      ,
      gender,
      birthDate,
      ,
      relation,
      politicalStatus,
      residency,
      note,
      ,
      buildingId,
      householdId,
      movedOutOn,
    ] = row;
    const tags = tagsById.get(id);
    // A household registered after the lookups were read (a move during the export) leaves its columns empty.
    const [, room = null, householdKind = null, tenure = null, unit = null] =
      (householdId && householdsById.get(householdId)) || [];
    const [, buildingCode = null, buildingName = null, gridName = null] =
      (buildingId && buildingsById.get(buildingId)) || [];
    return [
      buildingCode,
      unit,
      room,
      label('householdKind', householdKind),
      label('tenure', tenure),
      name,
      idCard && (clear ? idCard : maskIdCard(idCard)),
      label('gender', gender),
      clear ? birthDate : null,
      phone && (clear ? phone : maskMobile(phone)),
      label('relation', relation),
      label('politicalStatus', politicalStatus),
      label('residency', residency),
      tags
        ?.split(',')
        .map((entry) => {
          const [tag, level] = entry.split(':');
          return `${label('tag', tag!)}${level === '1' ? '' : `(${level})`}`;
        })
        .join('、') ?? null,
      note,
      ageOn(birthDate, today),
      buildingName && unit !== null && room ? formatAddress(buildingName, unit, room) : null,
      gridName,
      movedOutOn,
    ].map((value) => (typeof value === 'string' ? neutralise(value) : value));
  }

  return {
    format(ids, rowsJson, firstRow) {
      const fetched = JSON.parse(rowsJson) as FetchedRow[] | null;
      const byId = new Map((fetched ?? []).map((r) => [r[0], r]));
      const rows = rowsXml(setup.columns.length, firstRow);
      const listed: FetchedRow[] = [];
      for (const id of ids) {
        const r = byId.get(id);
        if (r) listed.push(r);
      }
      // The batch's ID cards and phones deciphered together (bulk-decrypt.ts), each checked against its tag.
      const sealed: (string | null)[] = [];
      for (const r of listed) sealed.push(r[2] || null, r[5] || null);
      const plain = decrypter.decryptMany(sealed);
      for (let i = 0; i < listed.length; i++) {
        const r = listed[i]!;
        const clear = revealScope !== null && registryRowInScope(revealScope, r[10], r[11]);
        rows.add(cellsOf(r, clear, plain[2 * i] ?? null, plain[2 * i + 1] ?? null));
      }
      return { xml: rows.take(), written: listed.length };
    },
  };
}
