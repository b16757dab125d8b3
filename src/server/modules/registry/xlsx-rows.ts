/**
 * A sheet's rows as XML text, with no exceljs (xlsx.ts writes them into its streaming sheet): the large export's
 * formatting thread loads only this (registry-export.format.ts), not the spreadsheet library.
 */

/**
 * Text that a spreadsheet could take for a formula (= + - @, or a leading tab / carriage return) gets a leading
 * single quote, so that a name or note typed as `=HYPERLINK(…)` is shown, never evaluated (CSV/formula injection).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
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
  /** The XML of the rows added since the last take. */
  take(): string;
};

/**
 * Rows as a sheet's XML text, numbered from `firstRow`, in the form exceljs gives them without styles or shared
 * strings (text as t="str", numbers as they are, empty cells left out). Needs no sheet: a thread other than the
 * one writing the workbook can build them (the large export's formatter), and appendRowsXml writes them.
 */
export function rowsXml(columns: number, firstRow: number): RowsXml {
  const refs = Array.from({ length: columns }, (_, i) => `<c r="${columnLetters(i + 1)}`);
  let next = firstRow;
  let xml = '';
  return {
    add(cells) {
      const r = next++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < cells.length; i++) {
        const value = cells[i];
        if (value === null || value === undefined) continue;
        xml +=
          typeof value === 'number'
            ? `${refs[i]}${r}"><v>${value}</v></c>`
            : `${refs[i]}${r}" t="str"><v>${xmlText(value)}</v></c>`;
      }
      xml += '</row>';
    },
    take() {
      const taken = xml;
      xml = '';
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
