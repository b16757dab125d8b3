import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralise, renumberRows, rowsXml } from './xlsx-rows.ts';

export { neutralise, renumberRows, rowsXml, xmlText, type RowsXml } from './xlsx-rows.ts';

/** Spreadsheet helpers over exceljs: streaming writes, cell values, formula neutralisation (reads: xlsx-reader.ts). */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Content-Disposition` for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A value for an exported cell: text neutralised, numbers and dates as they are. */
export function safeCell(value: string | number | Date | null | undefined): string | number | Date | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? neutralise(value) : value;
}

/** A cell as read: text, number, date, boolean or empty. Formula cells give their cached result. */
export type CellValue = string | number | boolean | Date | null;

/** A cell's text, trimmed; numbers written out in full (never in exponent form), empty as ''. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    // String() writes integers in full below 1e21; toLocaleString would be ~50× slower per cell.
    return Math.abs(value) < 1e21 ? String(value) : value.toLocaleString('en-US', { useGrouping: false });
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export type SheetRow = { sheet: string; number: number; cells: CellValue[] };

/** An Excel serial day number (1900 date system) as an ISO date, or null when it is not a plausible one. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  // Serial 60 is Excel's fictitious 1900-02-29; serials after it are one day ahead of the real count.
  const days = serial > 60 ? serial - 25_569 : serial - 25_568;
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** A drop-down (list validation) over a range such as `D2:D10001`; exceljs has it but does not declare it. */
export function addListValidation(
  sheet: ExcelJS.Worksheet,
  range: string,
  validation: Omit<ExcelJS.DataValidation, 'type'>,
): void {
  const holder = sheet as unknown as {
    dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
  };
  holder.dataValidations.add(range, { type: 'list', ...validation });
}

export type StreamingSheet = {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  sheet: ExcelJS.Worksheet;
  /** The .xlsx bytes as a Node stream (for a file). */
  stream: PassThrough;
  /** The .xlsx bytes as they are produced, for a response body (read once, or use `stream`). */
  readonly body: ReadableStream<Uint8Array>;
  /** Waits while the reader is behind, so a slow download does not pile the file up in memory. */
  drain(): Promise<void>;
  /** Ends the download with an error (the client sees a broken transfer, not a truncated file). */
  fail(error: unknown): void;
};

/**
 * A one-sheet workbook written as a stream: a frozen header row (bold with `styles`), then rows committed one by
 * one. Without styles exceljs writes rows about 2.5 times faster (no style lookup per cell): large exports use that.
 */
export function streamingSheet(
  name: string,
  columns: { header: string; width: number }[],
  { styles = true }: { styles?: boolean } = {},
): StreamingSheet {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: styles,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return {
    workbook,
    sheet,
    stream: output,
    // Made when asked for: a web stream over the output is a second reader, which would stall a pipe to a file.
    get body() {
      return Readable.toWeb(output) as ReadableStream<Uint8Array>;
    },
    drain: async () => {
      if (output.writableNeedDrain) await once(output, 'drain');
      await new Promise((resolve) => setImmediate(resolve));
    },
    fail: (error) => output.destroy(error instanceof Error ? error : new Error(String(error))),
  };
}

export type RawRows = {
  /** Adds a row of text, numbers and empty cells (null), after the rows written so far. */
  add(cells: (string | number | null)[]): void;
  /** Hands the rows added so far to the sheet's stream. */
  flush(): void;
};

/** exceljs 4's WorksheetWriter as the raw rows use it: its XML stream and the number its next row takes. */
type SheetWriter = {
  stream: { write(chunk: string | Buffer): unknown };
  _rowZero: number;
  _rows: unknown[] | null;
};

/** The number the streaming sheet's next row takes; refuses while rows added the usual way are not committed. */
export function nextRowOf(sheet: ExcelJS.Worksheet): number {
  const writer = sheet as unknown as SheetWriter;
  if (writer._rows?.length) throw new Error('raw rows: commit the rows added before');
  return writer._rowZero;
}

/**
 * Writes `count` rows of rowsXml's text (or its UTF-8 bytes) into a streaming sheet, after its rows so far. Rows
 * numbered from another first row than the sheet's next (a formatter that assumed rows that were left out) are
 * renumbered first.
 */
export function appendRowsXml(
  sheet: ExcelJS.Worksheet,
  xml: string | Uint8Array,
  count: number,
  firstRow: number,
): void {
  const next = nextRowOf(sheet);
  const writer = sheet as unknown as SheetWriter;
  if (xml.length) {
    // Bytes as a Buffer over the same memory (a Uint8Array that crossed threads): the sheet's stream takes Buffers.
    const chunk = typeof xml === 'string' ? xml : Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
    writer.stream.write(next === firstRow ? chunk : renumberRows(chunk.toString(), next - firstRow));
  }
  writer._rowZero = next + count;
}

/**
 * Rows written straight into a streaming sheet's XML (rowsXml), several times faster than `addRow(…).commit()` and
 * with no object per cell. For the bulk of a large export: the rows before must be committed (streamingSheet
 * commits its header), and the sheet committed as usual after. Relies on exceljs 4's WorksheetWriter keeping its
 * XML stream as `stream`; the export's tests read such files back with exceljs.
 */
export function rawRows(sheet: ExcelJS.Worksheet, columns: number): RawRows {
  let first = nextRowOf(sheet);
  let count = 0;
  const rows = rowsXml(columns, first);
  return {
    add(cells) {
      rows.add(cells);
      count++;
    },
    flush() {
      if (!count) return;
      appendRowsXml(sheet, rows.take(), count, first);
      first += count;
      count = 0;
    },
  };
}
