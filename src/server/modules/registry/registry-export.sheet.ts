import { decrypt, maskIdCard, maskMobile, type DataKeys } from '../../core/auth/personal-data.ts';
import { registryRowInScope, type Scope } from '../../core/auth/scope-rule.ts';
import { encryptedFileWriter } from './registry-export.file.ts';
import { ageOn, formatAddress } from './registry.format.ts';
import { neutralise, rawRows, streamingSheet } from './xlsx.ts';

/**
 * The export's sheet, written where the export's worker thread runs it (registry-export.worker.ts): the batches of
 * rows read by the job (one json text per batch, the columns of FetchedRow) become the workbook's rows, streamed
 * through deflate into the export's encrypted file. Decrypting, masking and the xlsx writing happen here, off the
 * thread that reads the database and serves requests. Knows nothing of the database: what it needs (columns,
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
};

/** A fetched row: building code, unit, room, household kind, tenure, name, … (the job's json_build_array). */
export type FetchedRow = [
  id: string,
  buildingCode: string | null,
  unit: number | null,
  room: string | null,
  householdKind: string | null,
  tenure: string | null,
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
  buildingName: string | null,
  gridName: string | null,
  movedOutOn: string | null,
  tags: string | null,
];

export type ExportSheet = {
  /**
   * Writes one batch: `ids` in the order wanted, `rowsJson` the batch's rows as one json array (any order; an id
   * without its row, moved away or removed since the ids were read, is left out). Resolves once the rows are
   * written and the file has taken them (bounded memory); with the number of rows written.
   */
  write(ids: string[], rowsJson: string): Promise<number>;
  /** Ends the workbook; resolves with the encrypted file's size once it is complete and closed. */
  finish(): Promise<number>;
  /** Stops writing; the partial file is removed. */
  abort(error: unknown): Promise<void>;
};

export function openExportSheet(keys: DataKeys, setup: SheetSetup): ExportSheet {
  const out = streamingSheet('居民名单', setup.columns, { styles: false });
  const file = encryptedFileWriter(keys, setup.exportId);
  out.stream.pipe(file.input);
  const rows = rawRows(out.sheet, setup.columns.length);
  const today = new Date(setup.today);
  const { labels, revealScope } = setup;
  const label = (field: string, code: string | null) =>
    code === null ? null : (labels[field]![code] ?? code);

  function cellsOf(row: FetchedRow, clear: boolean): (string | number | null)[] {
    const [
      ,
      buildingCode,
      unit,
      room,
      householdKind,
      tenure,
      name,
      idCardEnc,
      gender,
      birthDate,
      phoneEnc,
      relation,
      politicalStatus,
      residency,
      note,
      ,
      ,
      buildingName,
      gridName,
      movedOutOn,
      tags,
    ] = row;
    const idCard = idCardEnc ? decrypt(keys, idCardEnc) : null;
    const phone = phoneEnc ? decrypt(keys, phoneEnc) : null;
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
    async write(ids, rowsJson) {
      const fetched = JSON.parse(rowsJson) as FetchedRow[] | null;
      const byId = new Map((fetched ?? []).map((r) => [r[0], r]));
      let written = 0;
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) continue;
        const clear = revealScope !== null && registryRowInScope(revealScope, r[15], r[16]);
        rows.add(cellsOf(r, clear));
        if (++written % 500 === 0) rows.flush();
      }
      rows.flush();
      await out.drain();
      return written;
    },
    async finish() {
      out.sheet.commit();
      await out.workbook.commit();
      return file.done;
    },
    async abort(error) {
      out.fail(error);
      // A pipe does not pass a source's failure on: the file's end is failed too, or `done` would wait forever.
      file.input.destroy(error instanceof Error ? error : new Error(String(error)));
      await file.done.catch(() => undefined);
    },
  };
}
