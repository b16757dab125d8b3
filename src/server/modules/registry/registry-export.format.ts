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
 * A batch's rows as the sheet's XML (UTF-8), numbered from the row it was told the batch starts at. The formatter's
 * batches cross threads with their buffer moved, not copied, through the job's thread to the sheet's, which writes
 * the bytes as they are.
 */
export type FormattedRows = { xml: Uint8Array; written: number };

export type RowFormatter = {
  /**
   * Formats one batch: `ids` in the order wanted, `rowsJson` the batch's rows as one json array, as text or its
   * UTF-8 bytes (any order; an id
   * without its row, moved away or removed since the ids were read, is left out), numbered from `firstRow`.
   */
  format(ids: string[], rowsJson: string | Uint8Array, firstRow: number): FormattedRows;
};

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

  // One row's cells, refilled for every row (rowsXml reads them at once): no arrays made per row.
  const cells: (string | number | null)[] = new Array<string | number | null>(19).fill(null);
  const text = (value: string | null | undefined) => (typeof value === 'string' ? neutralise(value) : null);
  const tagLabels = (tags: string) =>
    tags
      .split(',')
      .map((entry) => {
        const [tag, level] = entry.split(':');
        return `${label('tag', tag!)}${level === '1' ? '' : `(${level})`}`;
      })
      .join('、');

  function cellsOf(
    row: FetchedRow,
    clear: boolean,
    idCard: string | null,
    phone: string | null,
  ): (string | number | null)[] {
    const id = row[0];
    const birthDate = row[4];
    const householdId = row[12];
    const buildingId = row[11];
    // A household registered after the lookups were read (a move during the export) leaves its columns empty.
    const household = householdId ? householdsById.get(householdId) : undefined;
    const building = buildingId ? buildingsById.get(buildingId) : undefined;
    const room = household ? household[1] : null;
    const unit = household ? household[4] : null;
    const buildingName = building ? building[2] : null;
    const tags = tagsById.get(id);
    // Every text neutralised (xlsx-rows.ts), numbers as they are; null: no cell.
    cells[0] = text(building?.[1]);
    cells[1] = unit ?? null;
    cells[2] = text(room);
    cells[3] = text(label('householdKind', household ? household[2] : null));
    cells[4] = text(label('tenure', household ? household[3] : null));
    cells[5] = text(row[1]);
    cells[6] = idCard === null ? null : text(clear ? idCard : idCard && maskIdCard(idCard));
    cells[7] = text(label('gender', row[3]));
    cells[8] = clear ? text(birthDate) : null;
    cells[9] = phone === null ? null : text(clear ? phone : phone && maskMobile(phone));
    cells[10] = text(label('relation', row[6]));
    cells[11] = text(label('politicalStatus', row[7]));
    cells[12] = text(label('residency', row[8]));
    cells[13] = tags === undefined ? null : text(tagLabels(tags));
    cells[14] = text(row[9]);
    cells[15] = ageOn(birthDate, today);
    cells[16] = buildingName && unit !== null && room ? text(formatAddress(buildingName, unit, room)) : null;
    cells[17] = text(building?.[3]);
    cells[18] = text(row[13]);
    return cells;
  }

  return {
    format(ids, rowsJson, firstRow) {
      const fetched = JSON.parse(
        typeof rowsJson === 'string'
          ? rowsJson
          : Buffer.from(rowsJson.buffer, rowsJson.byteOffset, rowsJson.byteLength).toString('utf8'),
      ) as FetchedRow[] | null;
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
