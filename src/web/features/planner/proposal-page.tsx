import { CloseOutlined, DownloadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Modal,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { downloadFile } from '../../app/files.ts';
import { formatDateTime } from '../../app/format.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import {
  useApplyProposal,
  useCreateProposal,
  useMoveBuilding,
  useProposal,
  useProposalMap,
  useProposals,
  type Proposal,
  type ProposalMap,
} from './api.ts';
import { colourGrids, deviations, gridLabel, insideMultiPolygon, touchingPolygons } from './grids.ts';
import { MeasuresTable, type MeasuresColumn } from './measures-table.tsx';
import { MapSync, PlannerMap, type PlanArea, type PlanLine, type PlanPoint } from './planner-map.tsx';
import './planner.css';

const REASONS = ['balance', 'shape', 'split', 'merge', 'contiguity', 'unassigned', 'redraw', 'manual'];

function reasonText(t: Translate, reason: string) {
  return REASONS.includes(reason) ? t(`planner.reason.${reason as 'balance'}`) : reason;
}

/** What one layout draws: grid polygons, colours and labels, building points in their grid's colour. */
type Layer = {
  polygons: Proposal['polygons'];
  labels: Map<string, string>;
  colours: Map<string, string>;
  points: PlanPoint[];
};

function useLayer(
  proposal: Proposal | undefined,
  map: ProposalMap | undefined,
  which: 'proposed' | 'today',
  newPrefix: string,
): Layer | null {
  return useMemo(() => {
    if (!proposal || !map) return null;
    const polygons = which === 'today' ? map.today : proposal.polygons;
    const gridOf = (b: ProposalMap['buildings'][number]) => (which === 'today' ? b.today : b.grid);
    const grids = polygons.features.map((f) => f.properties.grid);
    const many = new Set(map.buildings.map((b) => b.today.slice(0, -3))).size > 1;
    const todayColours = colourGrids(
      map.today.features.map((f) => f.properties.grid),
      touchingPolygons(map.today),
    );
    const colours =
      which === 'today' ? todayColours : colourGrids(grids, touchingPolygons(polygons), todayColours);
    const labels = new Map(grids.map((g) => [g, gridLabel(g, many, newPrefix)]));
    const points = map.buildings.map((b) => ({
      id: b.id,
      lng: b.lng,
      lat: b.lat,
      colour: colours.get(gridOf(b)) ?? '#8c9bab',
      title: `${b.name} · ${labels.get(gridOf(b)) ?? gridOf(b)} · ${b.households}`,
    }));
    return { polygons, labels, colours, points };
  }, [proposal, map, which, newPrefix]);
}

/** A layer's grids as the map draws them, the selected building's grid outlined. */
function useAreas(layer: Layer | null, highlight: string | null): PlanArea[] {
  return useMemo(
    () =>
      layer
        ? [...layer.labels].map(([grid, label]) => ({
            grid,
            label,
            colour: layer.colours.get(grid) ?? '#8c9bab',
            highlight: grid === highlight,
          }))
        : [],
    [layer, highlight],
  );
}

/**
 * A proposal: its grids on the map beside today's (or another proposal's), the measures against today's, each grid's
 * figures, the buildings that change grid; moving a building (drag it, or pick a neighbouring grid); applying it
 * (planner:apply); exporting it.
 */
export function ProposalPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const proposal = useProposal(id);
  const map = useProposalMap(id);
  const canApply = useCan('planner:apply');
  const view = (params.get('view') ?? 'proposal') as 'proposal' | 'today' | 'compare';
  const compareWith = params.get('compare') ?? 'today';
  const other = useProposal(view === 'compare' && compareWith !== 'today' ? compareWith : null);
  const otherMap = useProposalMap(view === 'compare' && compareWith !== 'today' ? compareWith : null);
  const siblings = useProposals(proposal.data?.territoryId, Boolean(proposal.data));
  const newPrefix = t('planner.newPrefix');
  const proposed = useLayer(proposal.data, map.data, 'proposed', newPrefix);
  const today = useLayer(proposal.data, map.data, 'today', newPrefix);
  const otherLayer = useLayer(other.data, otherMap.data, 'proposed', newPrefix);
  // The selected buildings: one, or several (Shift-click, or the "select several" switch) to move at once.
  const [selected, setSelected] = useState<string[]>([]);
  const [many, setMany] = useState(false);
  const [target, setTarget] = useState<string | undefined>();
  const [moveError, setMoveError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const [sync] = useState(() => new MapSync());
  const move = useMoveBuilding(id);
  // The grid of the selected building is outlined on the editable map.
  const selectedGrid = map.data?.buildings.find((b) => b.id === selected[0])?.grid ?? null;
  const proposedAreas = useAreas(proposed, selectedGrid);
  const todayAreas = useAreas(today, null);
  const otherAreas = useAreas(otherLayer, null);
  const lines = useMemo(
    (): PlanLine[] =>
      (map.data?.barriers ?? []).map((points, i) => ({ id: String(i), points, kind: 'road' })),
    [map.data],
  );

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  if (proposal.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={proposal.error.message}
        action={<Link to="/planner">{t('planner.backToList')}</Link>}
      />
    );
  }
  if (!proposal.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const p = proposal.data;
  const draft = p.status === 'draft';
  const buildings = new Map((map.data?.buildings ?? []).map((b) => [b.id, b]));
  const chosen = selected.map((b) => buildings.get(b)).filter((b) => b !== undefined);
  const selectedBuilding = chosen.length === 1 ? chosen[0] : undefined;
  // Several: the grids any of them borders, except a grid all of them are in already.
  const manyTargets =
    chosen.length > 1
      ? [...new Set(chosen.flatMap((b) => b.neighbours))].filter((g) => chosen.some((b) => b.grid !== g))
      : [];
  const label = (grid: string | null) =>
    grid ? (proposed?.labels.get(grid) ?? today?.labels.get(grid) ?? grid) : '—';

  const doMove = (ids: string[], toGrid: string) => {
    setMoveError(null);
    move.mutate(ids.length === 1 ? { buildingId: ids[0]!, toGrid } : { buildingIds: ids, toGrid }, {
      onSuccess: () => {
        void message.success(
          ids.length === 1
            ? t('planner.moved', { name: buildings.get(ids[0]!)?.name ?? '', grid: label(toGrid) })
            : t('planner.movedMany', { n: ids.length, grid: label(toGrid) }),
        );
        setTarget(undefined);
      },
      onError: (e) => {
        const text =
          e instanceof ApiError && e.details.length > 0
            ? e.details.map((d) => d.message).join('；')
            : e.message;
        setMoveError(text);
        void message.error(text);
      },
    });
  };

  /** The grid to move the buildings to (while a draft), the move, and the server's refusal. */
  const moveControls = (ids: string[], grids: string[]) => (
    <>
      {draft ? (
        <Space wrap>
          <Select
            value={target}
            onChange={(v: string) => setTarget(v)}
            placeholder={t('planner.moveTo')}
            aria-label={t('planner.moveTo')}
            options={grids.map((g) => ({ value: g, label: label(g) }))}
            notFoundContent={t('planner.noNeighbours')}
            className="ww-plan-target"
            data-testid="planner-move-target"
          />
          <Button
            type="primary"
            disabled={!target}
            loading={move.isPending}
            onClick={() => target && doMove(ids, target)}
            data-testid="planner-move"
          >
            {t('planner.move')}
          </Button>
        </Space>
      ) : null}
      {moveError ? (
        <Alert
          type="error"
          showIcon
          title={moveError}
          data-testid="planner-move-error"
          className="ww-plan-alert"
        />
      ) : null}
    </>
  );

  const onDrop = (buildingId: string, at: [number, number]) => {
    const b = buildings.get(buildingId);
    if (!b) return;
    const into = p.polygons.features.find((f) => insideMultiPolygon(at, f.geometry))?.properties.grid;
    // A building of a selection of several takes the others with it.
    const ids = selected.length > 1 && selected.includes(buildingId) ? selected : [buildingId];
    setSelected(ids);
    if (!into || into === b.grid) return;
    doMove(ids, into);
  };

  const mapTexts = { zoomIn: t('planner.zoomIn'), zoomOut: t('planner.zoomOut') };
  const mapHeight = 460;
  const leftMap = (
    layer: Layer | null,
    areas: PlanArea[],
    name: string,
    editable: boolean,
    testId: string,
  ) =>
    layer ? (
      <PlannerMap
        polygons={layer.polygons}
        areas={areas}
        points={layer.points}
        lines={lines}
        selectedIds={selected}
        onSelect={(b, adding) => {
          setSelected((now) =>
            many || adding ? (now.includes(b) ? now.filter((x) => x !== b) : [...now, b]) : [b],
          );
          setTarget(undefined);
          setMoveError(null);
        }}
        onDrop={editable && draft && layer.points.length <= 3000 ? onDrop : undefined}
        sync={view === 'compare' ? sync : undefined}
        height={mapHeight}
        label={name}
        texts={mapTexts}
        testId={testId}
      />
    ) : (
      <div className="ww-map ww-plan-map" style={{ height: mapHeight }} aria-busy="true" />
    );

  const compareOptions = [
    { value: 'today', label: t('planner.todayLayout') },
    ...(siblings.data ?? [])
      .filter((s) => s.id !== id && s.territoryId === p.territoryId)
      .map((s) => ({
        value: s.id,
        label: t('planner.proposalOption', {
          time: formatDateTime(s.createdAt),
          mode: t(`planner.mode.${s.mode}`),
          grids: s.measures.grids,
        }),
      })),
  ];

  const rightLayer = compareWith === 'today' ? today : otherLayer;
  const rightAreas = compareWith === 'today' ? todayAreas : otherAreas;
  const rightTitle =
    compareWith === 'today'
      ? t('planner.todayLayout')
      : (compareOptions.find((o) => o.value === compareWith)?.label ?? t('planner.otherProposal'));

  const measureColumns: MeasuresColumn[] = [
    { key: 'today', title: t('planner.todayLayout'), measures: p.today },
    {
      key: 'proposal',
      title: t('planner.thisProposal'),
      measures: p.measures,
      lowerBound: p.mode === 'adjust' ? p.movesLowerBound : undefined,
    },
  ];
  if (view === 'compare' && compareWith !== 'today' && other.data) {
    measureColumns.push({
      key: 'other',
      title: t('planner.otherProposal'),
      measures: other.data.measures,
      lowerBound: other.data.mode === 'adjust' ? other.data.movesLowerBound : undefined,
    });
  }

  const devs = deviations(p.grids);
  type GridRow = Proposal['grids'][number];
  const gridColumns: ColumnsType<GridRow> = [
    {
      title: t('planner.g.grid'),
      key: 'grid',
      fixed: 'left',
      render: (_, g) => (
        <Space size={6}>
          <span
            className="ww-plan-swatch"
            style={{ background: proposed?.colours.get(g.id) ?? '#8c9bab' }}
            aria-hidden
          />
          <span>{label(g.id)}</span>
        </Space>
      ),
    },
    {
      title: t('planner.g.households'),
      dataIndex: 'households',
      align: 'right',
      sorter: (a, b) => a.households - b.households,
    },
    {
      title: t('planner.g.deviation'),
      key: 'deviation',
      align: 'right',
      sorter: (a, b) => devs.get(a.id)! - devs.get(b.id)!,
      render: (_, g) => {
        const d = devs.get(g.id) ?? 0;
        const out = Math.abs(d) > p.tolerance + 1e-9;
        const text = `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)}%`;
        return out ? (
          <Tag color="error" data-testid="planner-out-of-tolerance">
            {text} {t('planner.g.outside')}
          </Tag>
        ) : (
          text
        );
      },
    },
    {
      title: t('planner.g.residents'),
      dataIndex: 'residents',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    { title: t('planner.g.keyPopulation'), dataIndex: 'keyPopulation', align: 'right' },
    { title: t('planner.g.buildings'), dataIndex: 'buildings', align: 'right' },
    {
      title: t('planner.g.area'),
      dataIndex: 'area',
      align: 'right',
      render: (a: number) => (a / 10_000).toFixed(1),
    },
    {
      title: t('planner.g.state'),
      dataIndex: 'isNew',
      render: (isNew: boolean) =>
        isNew ? <Tag color="blue">{t('planner.g.new')}</Tag> : <Tag>{t('planner.g.kept')}</Tag>,
    },
  ];

  type ChangeRow = Proposal['changes'][number];
  const changeColumns: ColumnsType<ChangeRow> = [
    {
      title: t('planner.c.building'),
      key: 'building',
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          className="ww-plan-link"
          onClick={() => {
            setSelected([c.buildingId]);
            setTarget(undefined);
          }}
        >
          {c.buildingName}
        </Button>
      ),
    },
    { title: t('planner.c.households'), dataIndex: 'households', align: 'right' },
    {
      title: t('planner.c.fromTo'),
      key: 'fromTo',
      render: (_, c) => `${label(c.from)} → ${label(c.to)}`,
    },
    { title: t('planner.c.reason'), dataIndex: 'reason', render: (r: string) => reasonText(t, r) },
  ];

  const todayGrids = new Set((map.data?.buildings ?? []).map((b) => b.today));
  const proposedGrids = new Set(p.grids.map((g) => g.id));
  const created = p.grids.filter((g) => g.isNew).length;
  const retired = [...todayGrids].filter((g) => !proposedGrids.has(g)).length;
  const movedHouseholds = p.changes.reduce((s, c) => s + c.households, 0);

  const exportFile = (kind: 'geojson' | 'xlsx') => {
    const done = (e: unknown) => void message.error(e instanceof Error ? e.message : String(e));
    if (kind === 'geojson') {
      downloadFile('/planner/proposals/{id}/export.geojson', {
        path: { id },
        fileName: `plan-${id}.geojson`,
      }).catch(done);
    } else {
      downloadFile('/planner/proposals/{id}/export.xlsx', {
        path: { id },
        fileName: `plan-${id}.xlsx`,
      }).catch(done);
    }
  };

  return (
    <div className="ww-plan-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="planner-proposal-title">
              {t('planner.proposalTitle', { name: p.territoryName })}
            </span>
            <Tag color={draft ? 'processing' : 'success'} data-testid="planner-status">
              {t(`planner.status.${p.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => exportFile('geojson')}
              data-testid="planner-export-geojson"
            >
              {t('planner.exportGeoJson')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => exportFile('xlsx')}
              data-testid="planner-export-xlsx"
            >
              {t('planner.exportXlsx')}
            </Button>
            {canApply && draft ? (
              <Button
                type="primary"
                disabled={!map.data}
                onClick={() => setApplying(true)}
                data-testid="planner-apply"
              >
                {t('planner.apply')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" className="ww-plan-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'mode', label: t('planner.form.mode'), children: t(`planner.mode.${p.mode}`) },
            {
              key: 'target',
              label: t('planner.target'),
              children:
                p.gridCount !== null
                  ? t('planner.targetGrids', { n: p.gridCount })
                  : t('planner.targetText', { n: p.targetHouseholds, tol: Math.round(p.tolerance * 100) }),
            },
            { key: 'seed', label: t('planner.form.seed'), children: p.seed },
            {
              key: 'created',
              label: t('planner.createdAt'),
              children: `${formatDateTime(p.createdAt)}（${t('planner.elapsed', { s: (p.elapsedMs / 1000).toFixed(1) })}）`,
            },
          ]}
        />
        {p.timedOut ? <Alert type="warning" showIcon title={t('planner.timedOut')} /> : null}
        {p.balanceLimits.length > 0 ? (
          <Alert
            type="info"
            showIcon
            data-testid="planner-balance-limits"
            title={t('planner.limits.title', {
              n: p.balanceLimits.length,
              tol: Math.round(p.tolerance * 100),
            })}
            description={
              <ul className="ww-plan-limits">
                {p.balanceLimits.map((limit, i) => (
                  <li key={i}>{balanceLimitText(limit, t)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {p.status === 'applied' ? (
          <Alert
            type="success"
            showIcon
            title={t('planner.appliedAt', { time: formatDateTime(p.appliedAt) })}
          />
        ) : null}
      </Card>

      <Card size="small" className="ww-plan-card">
        <Space wrap size={12} className="ww-plan-toolbar">
          <Segmented
            value={view}
            onChange={(v) => setParam('view', v === 'proposal' ? null : String(v))}
            aria-label={t('planner.viewLabel')}
            data-testid="planner-view"
            options={[
              { value: 'proposal', label: t('planner.view.proposal') },
              { value: 'today', label: t('planner.view.today') },
              { value: 'compare', label: t('planner.view.compare') },
            ]}
          />
          {view === 'compare' ? (
            <Select
              value={compareWith}
              onChange={(v: string) => setParam('compare', v === 'today' ? null : v)}
              options={compareOptions}
              aria-label={t('planner.compareWith')}
              className="ww-plan-compare"
              popupMatchSelectWidth={false}
              data-testid="planner-compare-with"
            />
          ) : null}
        </Space>
        {view === 'compare' ? (
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <Typography.Text strong>{t('planner.thisProposal')}</Typography.Text>
              {leftMap(
                proposed,
                proposedAreas,
                t('planner.mapOf', { name: t('planner.thisProposal') }),
                true,
                'planner-map',
              )}
            </Col>
            <Col xs={24} md={12}>
              <Typography.Text strong>{rightTitle}</Typography.Text>
              {leftMap(
                rightLayer,
                rightAreas,
                t('planner.mapOf', { name: rightTitle }),
                false,
                'planner-map-other',
              )}
            </Col>
          </Row>
        ) : view === 'today' ? (
          leftMap(
            today,
            todayAreas,
            t('planner.mapOf', { name: t('planner.todayLayout') }),
            false,
            'planner-map-today',
          )
        ) : (
          leftMap(
            proposed,
            proposedAreas,
            t('planner.mapOf', { name: t('planner.thisProposal') }),
            true,
            'planner-map',
          )
        )}
        <Typography.Text type="secondary" className="ww-plan-note">
          {draft ? t('planner.editHint') : t('planner.appliedHint')}
        </Typography.Text>
        {draft ? (
          <label className="ww-plan-multi">
            <Switch
              size="small"
              checked={many}
              onChange={(on) => {
                setMany(on);
                if (!on) setSelected((now) => now.slice(0, 1));
              }}
              data-testid="planner-multi"
            />
            {t('planner.multi')}
          </label>
        ) : null}
        {chosen.length > 1 ? (
          <div className="ww-plan-selected" data-testid="planner-selected-many">
            <Typography.Text strong>
              {t('planner.selectedMany', {
                n: chosen.length,
                households: chosen.reduce((sum, b) => sum + b.households, 0),
              })}
            </Typography.Text>
            <div className="ww-plan-chosen">
              {chosen.map((b) => (
                <Tag
                  key={b.id}
                  closable
                  closeIcon={<CloseOutlined aria-label={t('planner.unselect', { name: b.name })} />}
                  onClose={() => setSelected((now) => now.filter((x) => x !== b.id))}
                >
                  {b.name} · {label(b.grid)}
                </Tag>
              ))}
              <Button type="link" size="small" onClick={() => setSelected([])}>
                {t('planner.clearSelection')}
              </Button>
            </div>
            {moveControls(selected, manyTargets)}
          </div>
        ) : null}
        {selectedBuilding ? (
          <div className="ww-plan-selected" data-testid="planner-selected">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                {
                  key: 'name',
                  label: t('planner.c.building'),
                  children: `${selectedBuilding.name}（${selectedBuilding.code}）`,
                },
                {
                  key: 'households',
                  label: t('planner.c.households'),
                  children: selectedBuilding.households,
                },
                { key: 'today', label: t('planner.todayGrid'), children: label(selectedBuilding.today) },
                { key: 'grid', label: t('planner.proposedGrid'), children: label(selectedBuilding.grid) },
              ]}
            />
            {moveControls([selectedBuilding.id], selectedBuilding.neighbours)}
          </div>
        ) : null}
      </Card>

      <Card size="small" className="ww-plan-card">
        <Tabs
          items={[
            {
              key: 'measures',
              label: t('planner.tab.measures'),
              children: <MeasuresTable columns={measureColumns} tolerance={p.tolerance} />,
            },
            {
              key: 'grids',
              label: t('planner.tab.grids', { n: p.grids.length }),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  columns={gridColumns}
                  dataSource={p.grids}
                  pagination={p.grids.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  scroll={{ x: 'max-content' }}
                  data-testid="planner-grids"
                />
              ),
            },
            {
              key: 'changes',
              label: t('planner.tab.changes', { n: p.changes.length }),
              children:
                p.changes.length === 0 ? (
                  <Empty description={t('planner.noChanges')} />
                ) : (
                  <Table
                    rowKey="buildingId"
                    size="small"
                    columns={changeColumns}
                    dataSource={p.changes}
                    pagination={p.changes.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                    scroll={{ x: 'max-content' }}
                    data-testid="planner-changes"
                  />
                ),
            },
          ]}
        />
      </Card>
      {applying ? (
        <ApplyDialog
          proposal={p}
          pinned={(map.data?.buildings ?? []).filter((b) => b.pinned).map((b) => b.id)}
          summary={{ created, retired, buildings: p.changes.length, households: movedHouseholds }}
          close={() => setApplying(false)}
        />
      ) : null}
    </div>
  );
}

/**
 * Applying: what will happen, then POST …/apply. A 409 stale (the place changed since) offers to plan again with the
 * same settings.
 */
function ApplyDialog({
  proposal,
  pinned,
  summary,
  close,
}: {
  proposal: Proposal;
  pinned: string[];
  summary: { created: number; retired: number; buildings: number; households: number };
  close: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const apply = useApplyProposal(proposal.id);
  const replan = useCreateProposal();
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    setError(null);
    apply.mutate(undefined, {
      onSuccess: (r) => {
        void message.success(
          t('planner.applied', {
            created: r.gridsCreated,
            retired: r.gridsRetired,
            households: r.householdsMoved,
          }),
        );
        close();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'PLANNER_PROPOSAL_STALE') setStale(true);
        setError(e.message);
      },
    });
  };

  const planAgain = () => {
    replan.mutate(
      {
        territoryId: proposal.territoryId,
        mode: proposal.mode,
        targetHouseholds: proposal.targetHouseholds,
        tolerance: proposal.tolerance,
        gridCount: proposal.gridCount ?? undefined,
        seed: proposal.seed,
        pinnedBuildingIds: pinned,
      },
      {
        onSuccess: (fresh) => {
          close();
          void navigate(`/planner/${fresh.id}`);
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Modal
      open
      title={
        <Space>
          <ExclamationCircleOutlined className="ww-plan-warn" />
          {t('planner.applyTitle')}
        </Space>
      }
      onCancel={close}
      footer={
        stale
          ? [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="replan"
                type="primary"
                loading={replan.isPending}
                onClick={planAgain}
                data-testid="planner-replan"
              >
                {t('planner.replan')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="ok"
                type="primary"
                danger
                loading={apply.isPending}
                onClick={run}
                data-testid="planner-apply-confirm"
              >
                {t('planner.applyConfirm')}
              </Button>,
            ]
      }
    >
      <div data-testid="planner-apply-dialog">
        <Typography.Paragraph>
          {t('planner.applyText', {
            name: proposal.territoryName,
            created: summary.created,
            retired: summary.retired,
            buildings: summary.buildings,
            households: summary.households,
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('planner.applyHistory')}</Typography.Paragraph>
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            description={stale ? t('planner.staleHint') : undefined}
            data-testid="planner-apply-error"
          />
        ) : null}
      </div>
    </Modal>
  );
}

/** One proven limit in plain words: where, why, and what would lift it. */
function balanceLimitText(limit: Proposal['balanceLimits'][number], t: Translate): string {
  const values = {
    community: limit.communityName ?? limit.communityCode,
    grids: limit.grids,
    households: limit.households,
    buildings: limit.buildings,
    lo: limit.lo,
    hi: limit.hi,
    building: limit.buildingName ?? '',
    bh: limit.buildingHouseholds ?? 0,
  };
  return `${t('planner.limits.where', values)}${t(`planner.limits.${limit.kind}`, values)}`;
}
