/**
 * A sheet's rows as XML text, with no exceljs (xlsx.ts writes them into its streaming sheet): the large export's
 * formatting thread loads only this (registry-export.format.ts), not the spreadsheet library.
 */

/**
 * Text that a spreadsheet could take for a formula (= + - @, or a leading tab / carriage return) gets a leading
 * single quote, so that a name or note typed as `=HYPERLINK(…)` is shown, never evaluated (CSV/formula injection).
 */
export function neutralise(text: string): string {
  // The first character's code, as /^[=+\-@\t\r]/ would test it (an empty text has none: NaN).
  const first = text.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13
    ? `'${text}`
    : text;
}

/** Excel's column letters: 1 → A, 26 → Z, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const xmlSpecial = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Text for XML as exceljs encodes it: the five entities escaped, characters XML 1.0 cannot carry dropped. */
export function xmlText(text: string): string {
  xmlSpecial.lastIndex = 0;
  return xmlSpecial.test(text)
    ? text.replace(xmlSpecial, (c) =>
        c === '<'
          ? '&lt;'
          : c === '>'
            ? '&gt;'
            : c === '&'
              ? '&amp;'
              : c === "'"
                ? '&apos;'
                : c === '"'
                  ? '&quot;'
                  : '',
      )
    : text;
}

export type RowsXml = {
  /** Adds a row of text, numbers and empty cells (null), numbered after the rows added so far. */
  add(cells: (string | number | null)[]): void;
  /**
   * The XML of the rows added since the last take, as UTF-8 bytes in a buffer of their own (not Node's shared
   * pool): a thread can move it to another without a copy.
   */
  take(): Buffer;
};

/** Bytes written at a time: the rows' text is encoded as it is made, a row at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Rows as a sheet's XML, numbered from `firstRow`, in the form exceljs gives them without styles or shared
 * strings (text as t="str", numbers as they are, empty cells left out). Needs no sheet: a thread other than the
 * one writing the workbook can build them (the large export's formatter), and appendRowsXml writes them.
 * Each row's text is encoded into bytes at once (docs/decisions/export-speed.md): a batch's text kept as one growing
 * string survived the young generation's collections and was copied by each of them.
 */
export function rowsXml(columns: number, firstRow: number): RowsXml {
  const refs = Array.from({ length: columns }, (_, i) => `<c r="${columnLetters(i + 1)}`);
  let next = firstRow;
  const full: Buffer[] = [];
  let chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let used = 0;
  const put = (text: string) => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (used + text.length * 3 > chunk.length) {
      if (used) full.push(chunk.subarray(0, used));
      chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, text.length * 3));
      used = 0;
    }
    used += chunk.write(text, used);
  };
  return {
    add(cells) {
      const r = String(next++);
      let row = '<row r="' + r + '">';
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if (value === null || value === undefined) continue;
        row +=
          typeof value === 'number'
            ? refs[i] + r + '"><v>' + value + '</v></c>'
            : refs[i] + r + '" t="str"><v>' + xmlText(value) + '</v></c>';
      }
      put(row + '</row>');
    },
    take() {
      let length = used;
      for (const bytes of full) length += bytes.length;
      const taken = Buffer.allocUnsafeSlow(length);
      let at = 0;
      for (const bytes of full) at += bytes.copy(taken, at);
      chunk.copy(taken, at, 0, used);
      full.length = 0;
      used = 0;
      return taken;
    },
  };
}

/** Row and cell references of rowsXml's text shifted by `by` rows (text in cells is escaped: no `<` inside). */
export function renumberRows(xml: string, by: number): string {
  return xml.replace(
    /(<row r="|<c r="[A-Z]+)(\d+)"/g,
    (_, before: string, row: string) => `${before}${Number(row) + by}"`,
  );
}
