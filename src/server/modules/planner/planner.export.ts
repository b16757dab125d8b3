/**
 * A proposal's export: its buildings with their old and new grid codes (CJ/T 349: community code + 3 digits; a new
 * grid of a draft gets the code applying would give it now, an applied one the code it was given), as GeoJSON
 * (building points and grid polygons) or as an .xlsx sheet.
 */
import ExcelJS from 'exceljs';
import type { Scope } from '../../core/auth/scope.ts';
import type { Executor } from '../../core/db/client.ts';
import { safeCell } from '../registry/registry.public.ts';
import { gridCode, nextGridSequence } from '../territory/territory.public.ts';
import { loadProposal } from './planner.service.ts';
import { gridPolygons, prepare } from './planner.snapshot.ts';

const REASONS: Record<string, string> = {
  balance: '均衡户数',
  shape: '形状规整',
  split: '新增网格',
  merge: '合并网格',
  contiguity: '连片',
  unassigned: '补划网格',
  redraw: '重新划分',
  manual: '人工调整',
};

async function exportData(db: Executor, scope: Scope, id: string) {
  const row = await loadProposal(db, scope, id);
  const layout = new Map(Object.entries(row.result.layout));
  const today = new Set(row.snapshot.buildings.map((b) => b.grid));
  const codes = new Map<string, string>(Object.entries(row.result.appliedCodes ?? {}));
  if (row.status === 'draft') {
    const fresh = [...new Set(layout.values())].filter((g) => !today.has(g)).sort();
    const byCommunity = new Map<string, string[]>();
    for (const g of fresh) {
      const community = row.snapshot.buildings.find((b) => layout.get(b.id) === g)!.communityId;
      byCommunity.set(community, [...(byCommunity.get(community) ?? []), g]);
    }
    for (const [community, grids] of byCommunity) {
      let next = await nextGridSequence(db, community);
      for (const g of grids) codes.set(g, gridCode(community, next++));
    }
  }
  const codeOf = (g: string) => codes.get(g) ?? g;
  const reasons = new Map(row.result.changes.map((c) => [c.buildingId, c.reason]));
  const buildings = row.snapshot.buildings.map((b) => ({
    id: b.id,
    code: b.code,
    name: b.name,
    lng: b.lng,
    lat: b.lat,
    households: b.households,
    community: b.communityId,
    oldGrid: b.grid,
    newGrid: codeOf(layout.get(b.id)!),
    reason: reasons.get(b.id) ?? null,
  }));
  return { row, layout, buildings, codeOf };
}

/** Buildings (points) and proposed grids (polygons) with their codes. */
export async function exportGeoJson(db: Executor, scope: Scope, id: string) {
  const { row, layout, buildings, codeOf } = await exportData(db, scope, id);
  const polygons = gridPolygons(prepare(row.snapshot), layout);
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...polygons.features.map((f) => ({
        ...f,
        properties: { kind: 'grid', grid: codeOf(f.properties.grid) },
      })),
      ...buildings.map((b) => ({
        type: 'Feature' as const,
        properties: {
          kind: 'building',
          buildingCode: b.code,
          name: b.name,
          households: b.households,
          oldGrid: b.oldGrid,
          newGrid: b.newGrid,
          changed: b.oldGrid !== b.newGrid,
          reason: b.reason,
        },
        geometry: { type: 'Point' as const, coordinates: [b.lng, b.lat] },
      })),
    ],
  };
}

/** The buildings with old and new grid codes as one sheet. */
export async function exportWorkbook(db: Executor, scope: Scope, id: string): Promise<Buffer> {
  const { buildings } = await exportData(db, scope, id);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('网格调整');
  sheet.addRow([
    '楼栋编码',
    '楼栋名称',
    '社区编码',
    '住户数',
    '原网格编码',
    '新网格编码',
    '是否调整',
    '调整原因',
  ]);
  for (const b of buildings) {
    sheet.addRow([
      safeCell(b.code),
      safeCell(b.name),
      safeCell(b.community),
      b.households,
      safeCell(b.oldGrid),
      safeCell(b.newGrid),
      b.oldGrid === b.newGrid ? '否' : '是',
      b.reason ? (REASONS[b.reason] ?? b.reason) : null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
