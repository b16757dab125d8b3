import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { registryCondition, type Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import {
  EXAMPLE_MARKER,
  importColumns,
  importLabels,
  templateInstructions,
} from './registry-import.schemas.ts';
import { buildings } from './registry.tables.ts';
import { territories } from '../territory/territory.public.ts';
import { addListValidation, safeCell } from './xlsx.ts';

import { MAX_IMPORT_ROWS } from './registry-import.common.ts';

/** The Excel import, its template. */

/** The import template: data sheet with drop-downs, instructions, and the buildings the caller may import into. */
export async function importTemplate(db: Executor, scope: Scope): Promise<Buffer> {
  const list = await db
    .select({
      code: buildings.code,
      name: buildings.name,
      unitCount: buildings.unitCount,
      floors: buildings.floors,
      grid: territories.name,
    })
    .from(buildings)
    .innerJoin(territories, eq(territories.id, buildings.gridId))
    .where(registryCondition(scope, buildings.territoryCode, buildings.id))
    .orderBy(asc(buildings.code))
    .limit(50_000);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wuwei 五微五联基层治理平台';
  const data = workbook.addWorksheet('居民信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = importColumns.map((c) => ({
    key: c.key,
    width: c.width,
    style: 'text' in c ? { numFmt: '@' } : {},
  }));
  const header = data.getRow(1);
  importColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'required' in c ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    if (c.hint) cell.note = c.hint;
  });
  header.height = 20;

  const example = list[0];
  data.addRow({
    buildingCode: example?.code ?? '379901001001001',
    unit: 1,
    room: '302',
    householdKind: importLabels.householdKind.permanent,
    tenure: importLabels.tenure.owned,
    name: '张三',
    idCard: '11010519491231002X',
    phone: '13800000000',
    relation: importLabels.relation.head,
    politicalStatus: importLabels.politicalStatus.masses,
    residency: importLabels.residency.registered,
    tags: `${importLabels.tag.elderly_empty_nest}(1)`,
    note: EXAMPLE_MARKER,
  }).font = { italic: true, color: { argb: 'FF808080' } };

  const lastRow = 10_001;
  importColumns.forEach((c, i) => {
    const letter = data.getColumn(i + 1).letter;
    if ('options' in c) {
      addListValidation(data, `${letter}2:${letter}${lastRow}`, {
        allowBlank: !('required' in c),
        formulae: [`"${Object.values(importLabels[c.options]).join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    }
    if (c.key === 'buildingCode' && list.length) {
      addListValidation(data, `${letter}2:${letter}${lastRow}`, {
        allowBlank: false,
        formulae: [`'楼栋编码'!$A$2:$A$${list.length + 1}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: '请填写“楼栋编码”表中的编码',
      });
    }
  });

  const help = workbook.addWorksheet('说明');
  help.columns = [{ width: 14 }, { width: 10 }, { width: 90 }];
  help.addRow(['居民信息批量导入说明']).font = { bold: true, size: 14 };
  help.addRow([]);
  for (const line of templateInstructions(MAX_IMPORT_ROWS)) {
    help.addRow([line]);
  }
  help.addRow([]);
  help.addRow(['列', '是否必填', '填写要求']).font = { bold: true };
  for (const c of importColumns) {
    const options = 'options' in c ? `可选：${Object.values(importLabels[c.options]).join('、')}。` : '';
    const tags = c.key === 'tags' ? `可选：${Object.values(importLabels.tag).join('、')}。` : '';
    help.addRow([c.header, 'required' in c ? '必填' : '', `${options}${tags}${c.hint}`]);
  }

  const codes = workbook.addWorksheet('楼栋编码', { views: [{ state: 'frozen', ySplit: 1 }] });
  codes.columns = [
    { header: '楼栋编码', width: 20 },
    { header: '楼栋名称', width: 24 },
    { header: '单元数', width: 8 },
    { header: '层数', width: 8 },
    { header: '所属网格', width: 20 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const b of list) codes.addRow([b.code, safeCell(b.name), b.unitCount, b.floors, safeCell(b.grid)]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
