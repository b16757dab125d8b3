import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SST_HEAD, SST_TAIL, workbookParts, zip } from '../../../../tests/support/crafted-xlsx.ts';
import { declaredLastRow, readSheetRows, XlsxProblem } from './xlsx-reader.ts';

async function rowsOf(file: Buffer) {
  const out: { sheet: string; number: number; cells: unknown[] }[] = [];
  for await (const row of readSheetRows(file)) out.push(row);
  return out;
}

describe('the .xlsx reader', () => {
  it('reads cells as exceljs did: shared and inline strings, rich text without phonetics, numbers, booleans, errors', async () => {
    const shared =
      SST_HEAD +
      '<si><t>甲</t></si>' +
      '<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space="preserve"> 五</t></r><rPh sb="0" eb="1"><t>wang</t></rPh></si>' +
      '<si><t>a &amp; b</t></si>' +
      SST_TAIL;
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4"><x:v>12.5</x:v></x:c><x:c r="C4" t="b"><x:v>1</x:v></x:c>' +
      '<x:c r="D4" t="e"><x:v>#N/A</x:v></x:c><x:c r="E4" t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c>' +
      '<x:c r="F4" t="inlineStr"><x:is><x:t>行内</x:t></x:is></x:c><x:c r="G4" t="s"><x:v>2</x:v></x:c>' +
      '<x:c r="H4" t="s"><x:v>99</x:v></x:c><x:c r="I4"/></x:row>' +
      '<x:row><x:c><x:v>7</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(await rowsOf(zip(workbookParts(sheet, shared)))).toEqual([
      { sheet: '居民信息', number: 2, cells: ['甲', null, '王 五'] },
      { sheet: '居民信息', number: 4, cells: [null, 12.5, true, '#N/A', '公式', '行内', 'a & b'] },
      { sheet: '居民信息', number: 5, cells: [7] },
    ]);
  });

  it('reads every sheet of an exceljs workbook in the workbook’s order, and its declared last row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['见下页']);
    const data = workbook.addWorksheet('数据');
    data.addRow(['姓名', '身份证号']);
    data.addRow(['张三', '110105198005060017']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await rowsOf(file)).toEqual([
      { sheet: '说明', number: 1, cells: ['见下页'] },
      { sheet: '数据', number: 1, cells: ['姓名', '身份证号'] },
      { sheet: '数据', number: 2, cells: ['张三', '110105198005060017'] },
    ]);
    expect(await declaredLastRow(file)).toBe(1);
  });

  it('refuses a DOCTYPE (no entity expansion) and a file that is not a zip', async () => {
    const sheet = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>';
    await expect(rowsOf(zip(workbookParts(sheet)))).rejects.toMatchObject({ code: 'corrupt' });
    await expect(rowsOf(Buffer.from('not a zip at all'))).rejects.toBeInstanceOf(XlsxProblem);
  });
});
