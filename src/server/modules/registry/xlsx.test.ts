import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appendRowsXml, rawRows, renumberRows, rowsXml, streamingSheet } from './xlsx.ts';

// Rows written straight into the sheet's XML (the large export's path) read back as exceljs's own rows do.

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('rawRows', () => {
  it('gives the same cells as addRow: text escaped, control characters dropped, numbers, gaps', async () => {
    const rows: (string | number | null)[][] = [
      ['a<b>&"c\'', 12, null, '王小明'],
      [null, null, 'x\u0001y\u007f', 3.5],
      ['  spaced  ', 0, 'line\nbreak', null],
    ];
    const read = async (raw: boolean) => {
      const out = streamingSheet('表', [
        { header: 'A', width: 5 },
        { header: 'B', width: 5 },
        { header: 'C', width: 5 },
        { header: 'D', width: 5 },
      ]);
      const bytes = bytesOf(out.stream);
      if (raw) {
        const writer = rawRows(out.sheet, 4);
        for (const row of rows) writer.add(row);
        writer.flush();
      } else {
        for (const row of rows) out.sheet.addRow(row).commit();
      }
      out.sheet.commit();
      await out.workbook.commit();
      const book = new ExcelJS.Workbook();
      const b = await bytes;
      await book.xlsx.load(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
      const cells: unknown[][] = [];
      book.worksheets[0]!.eachRow(
        { includeEmpty: true },
        (row, n) => (cells[n - 1] = row.values as unknown[]),
      );
      return cells;
    };
    const raw = await read(true);
    expect(raw).toEqual(await read(false));
    expect(raw[1]).toEqual([undefined, 'a<b>&"c\'', 12, undefined, '王小明']);
    expect(raw[2]).toEqual([undefined, undefined, undefined, 'xy', 3.5]);
  });

  it('refuses to start while rows added the usual way are not committed', () => {
    const out = streamingSheet('表', [{ header: 'A', width: 5 }]);
    out.sheet.addRow(['x']);
    expect(() => rawRows(out.sheet, 1)).toThrow(/commit/);
  });

  it('rows built elsewhere numbered from another row are renumbered to follow the sheet (a left-out row before)', async () => {
    expect(
      renumberRows('<row r="5"><c r="A5" t="str"><v>&lt;c r="B7"</v></c><c r="AB5"><v>1</v></c></row>', -2),
    ).toBe('<row r="3"><c r="A3" t="str"><v>&lt;c r="B7"</v></c><c r="AB3"><v>1</v></c></row>');
    const out = streamingSheet('表', [
      { header: 'A', width: 5 },
      { header: 'B', width: 5 },
    ]);
    const bytes = bytesOf(out.stream);
    const first = rowsXml(2, 2);
    first.add(['one', 1]);
    appendRowsXml(out.sheet, first.take(), 1, 2);
    // Built as if it followed two rows (one was left out): it must land on row 3.
    const second = rowsXml(2, 4);
    second.add(['two', 2]);
    second.add([null, 3]);
    appendRowsXml(out.sheet, second.take(), 2, 4);
    out.sheet.commit();
    await out.workbook.commit();
    const book = new ExcelJS.Workbook();
    const b = await bytes;
    await book.xlsx.load(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    const cells: unknown[][] = [];
    book.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => (cells[n - 1] = row.values as unknown[]));
    expect(cells).toEqual([
      [undefined, 'A', 'B'],
      [undefined, 'one', 1],
      [undefined, 'two', 2],
      [undefined, undefined, 3],
    ]);
  });
});
