import { QuestionCircleOutlined } from '@ant-design/icons';
import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MessageKey } from '../../app/i18n.tsx';
import { useT } from '../../app/i18n.tsx';
import type { PlanMeasures } from './api.ts';

/** One layout's measures as a column of the table: its heading and values. */
export type MeasuresColumn = {
  key: string;
  title: string;
  measures: PlanMeasures;
  /** Adjust mode: the least households any layout meeting the tolerance must move. */
  lowerBound?: number | null;
};

type Row = { key: string; label: MessageKey; tip: MessageKey; values: (string | null)[] };

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * The layout's measures (issue 12's definitions) for today and the proposals compared, one row each, with a plain
 * name and a short explanation on hover or focus.
 */
export function MeasuresTable({ columns, tolerance }: { columns: MeasuresColumn[]; tolerance: number }) {
  const t = useT();
  const row = (
    key: keyof PlanMeasures | 'lowerBound',
    label: MessageKey,
    tip: MessageKey,
    format: (m: PlanMeasures, c: MeasuresColumn) => string | null,
  ): Row => ({ key, label, tip, values: columns.map((c) => format(c.measures, c)) });
  const rows: Row[] = [
    row('grids', 'planner.m.grids', 'planner.m.gridsTip', (m) => String(m.grids)),
    row('meanDeviation', 'planner.m.meanDeviation', 'planner.m.meanDeviationTip', (m) =>
      pct(m.meanDeviation),
    ),
    row('maxDeviation', 'planner.m.maxDeviation', 'planner.m.maxDeviationTip', (m) => pct(m.maxDeviation)),
    row('withinTolerance', 'planner.m.withinTolerance', 'planner.m.withinToleranceTip', (m) =>
      pct(m.withinTolerance),
    ),
    row('discontiguousGrids', 'planner.m.discontiguous', 'planner.m.discontiguousTip', (m) =>
      String(m.discontiguousGrids),
    ),
    row('meanPolsbyPopper', 'planner.m.polsbyPopper', 'planner.m.polsbyPopperTip', (m) =>
      m.meanPolsbyPopper.toFixed(2),
    ),
    row('edgeCut', 'planner.m.edgeCut', 'planner.m.edgeCutTip', (m) => pct(m.edgeCut)),
    row('keyPopulationCV', 'planner.m.keyCV', 'planner.m.keyCVTip', (m) => m.keyPopulationCV.toFixed(2)),
    row('movedHouseholds', 'planner.m.moved', 'planner.m.movedTip', (m) =>
      m.movedHouseholds === 0 && m.movedShare === 0
        ? '0'
        : `${m.movedHouseholds.toLocaleString()}（${pct(m.movedShare)}）`,
    ),
  ];
  if (columns.some((c) => c.lowerBound !== undefined && c.lowerBound !== null)) {
    rows.push(
      row('lowerBound', 'planner.m.lowerBound', 'planner.m.lowerBoundTip', (_m, c) =>
        c.lowerBound === undefined || c.lowerBound === null ? null : c.lowerBound.toLocaleString(),
      ),
    );
  }
  const tableColumns: ColumnsType<Row> = [
    {
      title: t('planner.m.measure'),
      key: 'label',
      render: (_, r) => (
        <span>
          {t(r.label, { tol: Math.round(tolerance * 100) })}{' '}
          <Tooltip title={t(r.tip, { tol: Math.round(tolerance * 100) })} trigger={['hover', 'focus']}>
            <QuestionCircleOutlined
              tabIndex={0}
              role="img"
              aria-label={t(r.tip, { tol: Math.round(tolerance * 100) })}
              className="ww-plan-tip"
            />
          </Tooltip>
        </span>
      ),
    },
    ...columns.map((c, i) => ({
      title: c.title,
      key: c.key,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (
        <span data-testid={`planner-measure-${r.key}-${c.key}`}>{r.values[i] ?? '—'}</span>
      ),
    })),
  ];
  return (
    <Table
      rowKey="key"
      size="small"
      columns={tableColumns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="planner-measures"
    />
  );
}
