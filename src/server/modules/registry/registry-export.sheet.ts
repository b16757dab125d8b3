import type { DataKeys } from '../../core/auth/personal-data.ts';
import { encryptedFileWriter } from './registry-export.file.ts';
import {
  rowFormatter,
  type FormattedRows,
  type RowFormatter,
  type SheetSetup,
} from './registry-export.format.ts';
import { appendRowsXml, nextRowOf, streamingSheet } from './xlsx.ts';

export type {
  BuildingRow,
  FetchedRow,
  FormattedRows,
  HouseholdRow,
  RowFormatter,
  SheetSetup,
} from './registry-export.format.ts';
export { rowFormatter } from './registry-export.format.ts';

/**
 * The export's sheet, written where the export's worker thread runs it (registry-export.worker.ts): the batches of
 * rows read by the job (one json text per batch, the columns of FetchedRow) become the workbook's rows
 * (registry-export.format.ts), streamed through deflate into the export's encrypted file. Decrypting, masking and the
 * xlsx writing happen off the thread that reads the database and serves requests.
 */

export type ExportSheet = {
  /** Formats one batch (RowFormatter) and writes it; resolves, once the file has taken it, with its rows written. */
  write(ids: string[], rowsJson: string | Uint8Array): Promise<number>;
  /**
   * Writes a batch another thread formatted (numbered from `firstRow`; renumbered when rows before were left out);
   * resolves once the file has taken it (bounded memory).
   */
  append(rows: FormattedRows, firstRow: number): Promise<number>;
  /** Ends the workbook; resolves with the encrypted file's size once it is complete and closed. */
  finish(): Promise<number>;
  /** Stops writing; the partial file is removed. */
  abort(error: unknown): Promise<void>;
};

export function openExportSheet(keys: DataKeys, setup: SheetSetup): ExportSheet {
  const out = streamingSheet('居民名单', setup.columns, { styles: false });
  const file = encryptedFileWriter(keys, setup.exportId);
  out.stream.pipe(file.input);
  // Made when the sheet formats a batch itself (the lookups are parsed once, only then).
  let formatter: RowFormatter | null = null;
  const append = async ({ xml, written }: FormattedRows, firstRow: number) => {
    appendRowsXml(out.sheet, xml, written, firstRow);
    await out.drain();
    return written;
  };
  return {
    write(ids, rowsJson) {
      formatter ??= rowFormatter(keys, setup);
      const first = nextRowOf(out.sheet);
      return append(formatter.format(ids, rowsJson, first), first);
    },
    append,
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
