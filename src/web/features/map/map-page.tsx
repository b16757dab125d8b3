import { SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Form,
  Grid,
  Input,
  Modal,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isMessageKey, useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useOverview, useOverviews, type OverviewChild } from '../overview/api.ts';
import { useTerritory, useTerritoryTree, type TerritoryTreeNode } from '../territory/api.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { indexTree } from '../territory/tree-search.ts';
import { BUILDING_LIMIT, useBoundaries, useBuildingsIn } from './api.ts';
import { MapView, type MapArea } from './map-view.tsx';
import { isTileUrl, setTileUrl, tileUrl } from './tiles.ts';
import './map.css';

type Stats = Pick<OverviewChild, 'households' | 'residents' | 'keyPopulation'>;

const levelFill: Record<string, string> = {
  county: '#f5222d',
  street: '#fa8c16',
  community: '#1f56c3',
  grid: '#52c41a',
};

/** Five shades from light to dark for the key-population choropleth. */
const RAMP = ['#fff1e6', '#ffc69a', '#ff9450', '#e8590c', '#a83206'];

function levelText(t: Translate, level: string): string {
  const key = `level.${level}`;
  return isMessageKey(key) ? t(key) : level;
}

type Range = { min: number; max: number };

/** Five classes of equal width between the smallest and the largest count shown, so differences stand out. */
function classOf(value: number, range: Range): number {
  const width = range.max - range.min;
  if (width <= 0) return value > 0 ? RAMP.length - 1 : 0;
  return Math.min(RAMP.length - 1, Math.floor(((value - range.min) / width) * RAMP.length));
}

/** The counts a class stands for, for the legend. */
function classBounds(i: number, range: Range): { from: number; to: number } {
  const width = (range.max - range.min) / RAMP.length;
  const from = Math.ceil(range.min + width * i);
  const to = i === RAMP.length - 1 ? range.max : Math.ceil(range.min + width * (i + 1)) - 1;
  return { from, to: Math.max(from, to) };
}

function TileSettings({ onChange }: { onChange: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ url?: string }>();
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="map-tiles-open">
        {t('map.tiles')}
      </Button>
      <Modal
        open={open}
        title={t('map.tilesTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ url: tileUrl() ?? '' }}
          onFinish={(values) => {
            setTileUrl(values.url?.trim() || null);
            setOpen(false);
            onChange();
          }}
        >
          <Typography.Paragraph type="secondary">{t('map.tilesHint')}</Typography.Paragraph>
          <Form.Item
            name="url"
            label={t('map.tilesUrl')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || isTileUrl(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('map.tilesInvalid'))),
              },
            ]}
          >
            <Input placeholder="https://…/{z}/{x}/{y}.png" allowClear />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The territory map: the chosen place's outline and its child areas (a street may show all its grids), with
 * building points for a community or grid, and a key-population layer that shades areas by their count.
 * Boundaries are fetched per child of the chosen place only, so no view fires more than a street's grids.
 */
export function MapPage() {
  const t = useT();
  const mobile = Grid.useBreakpoint().md === false;
  const canReadResidents = useCan('resident:read');
  const [params, setParams] = useSearchParams();
  const tree = useTerritoryTree();
  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const nodeId = params.get('node') ?? roots[0]?.id ?? null;
  const node = useTerritory(nodeId);
  const treeNode: TerritoryTreeNode | undefined = nodeId ? index.get(nodeId)?.node : undefined;
  const level = node.data?.level ?? treeNode?.level;
  const showGrids = level === 'street' && params.get('grids') === '1';
  const keyLayer = params.get('key') === '1';
  const [tiles, setTiles] = useState(tileUrl);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };

  // The areas drawn: the children of the place, all grids of a street on request, or a grid itself.
  const areaNodes = useMemo((): TerritoryTreeNode[] => {
    if (!treeNode) return [];
    if (treeNode.level === 'grid') return [treeNode];
    if (showGrids) return treeNode.children.flatMap((c) => c.children);
    return treeNode.children;
  }, [treeNode, showGrids]);
  const boundaries = useBoundaries(areaNodes.map((a) => a.id));
  const loadingBoundaries = boundaries.pending;

  // Numbers per area from the overview of the place (or of each community, for a street's grids).
  const overview = useOverview(nodeId ?? undefined, Boolean(nodeId));
  const communityOverviews = useOverviews(showGrids && treeNode ? treeNode.children.map((c) => c.id) : []);
  const stats = useMemo(() => {
    const map = new Map<string, Stats>();
    if (treeNode?.level === 'grid' && overview.data) map.set(treeNode.id, overview.data.figures);
    const sources = showGrids ? communityOverviews : [overview.data];
    for (const source of sources) for (const child of source?.children ?? []) map.set(child.id, child);
    return map;
  }, [treeNode, overview.data, showGrids, communityOverviews]);

  const keyCounts = areaNodes.map((a) => stats.get(a.id)?.keyPopulation ?? 0);
  const keyMin = keyCounts.length ? Math.min(...keyCounts) : 0;
  const keyMax = keyCounts.length ? Math.max(...keyCounts) : 0;
  const areas = useMemo(
    (): MapArea[] =>
      areaNodes.map((a) => {
        const keyCount = stats.get(a.id)?.keyPopulation ?? 0;
        return {
          id: a.id,
          name: a.name,
          level: a.level,
          boundary: boundaries.byId.get(a.id) ?? null,
          fill: keyLayer
            ? RAMP[classOf(keyCount, { min: keyMin, max: keyMax })]!
            : (levelFill[a.level] ?? '#1f56c3'),
          fillOpacity: keyLayer ? 0.75 : 0.12,
        };
      }),
    [areaNodes, keyLayer, keyMin, keyMax, stats, boundaries.byId],
  );

  const withBuildings = canReadResidents && (level === 'community' || level === 'grid');
  const buildings = useBuildingsIn(nodeId, withBuildings);
  const buildingList = useMemo(() => buildings.data?.buildings ?? [], [buildings.data]);

  const areaPopup = (id: string) => {
    const area = areaNodes.find((a) => a.id === id);
    if (!area) return null;
    const s = stats.get(id);
    return (
      <div className="ww-map-popup" data-testid="map-popup">
        <div className="ww-map-popup-title">
          {area.name}
          <span className="ww-map-popup-level">{levelText(t, area.level)}</span>
        </div>
        <div className="ww-map-popup-code">{area.code}</div>
        {s ? (
          <dl className="ww-map-popup-stats">
            <dt>{t('factSheet.households')}</dt>
            <dd>{s.households.toLocaleString()}</dd>
            <dt>{t('factSheet.residents')}</dt>
            <dd>{s.residents.toLocaleString()}</dd>
            <dt>{t('factSheet.keyPopulation')}</dt>
            <dd>{s.keyPopulation.toLocaleString()}</dd>
          </dl>
        ) : null}
        <div className="ww-map-popup-links">
          <Link to={`/territories/${id}/fact-sheet`} data-testid="map-popup-fact-sheet">
            {t('map.factSheet')}
          </Link>
          {area.level !== 'grid' && area.id !== nodeId ? (
            <a
              href={`?node=${id}`}
              onClick={(e) => {
                e.preventDefault();
                setParams({ node: id, ...(keyLayer ? { key: '1' } : {}) });
              }}
            >
              {t('map.drillDown')}
            </a>
          ) : null}
        </div>
      </div>
    );
  };

  const buildingPopup = (id: string) => {
    const b = buildingList.find((x) => x.id === id);
    if (!b) return null;
    return (
      <div className="ww-map-popup" data-testid="map-building-popup">
        <div className="ww-map-popup-title">{b.name}</div>
        <div className="ww-map-popup-code">{t(`buildingKind.${b.kind}`)}</div>
        <dl className="ww-map-popup-stats">
          <dt>{t('factSheet.floors')}</dt>
          <dd>{b.floors}</dd>
          <dt>{t('factSheet.units')}</dt>
          <dd>{b.unitCount}</dd>
          <dt>{t('factSheet.households')}</dt>
          <dd>{b.households}</dd>
          <dt>{t('factSheet.residents')}</dt>
          <dd>{b.residents}</dd>
        </dl>
        {canReadResidents ? (
          <div className="ww-map-popup-links">
            <Link to={`/residents?mode=households&q=${encodeURIComponent(b.name)}`}>
              {t('map.households')}
            </Link>
          </div>
        ) : null}
      </div>
    );
  };

  const ancestors = node.data?.ancestors ?? [];
  const missing = areas.filter((a) => !a.boundary).length;

  return (
    <>
      <PageHeader
        title={t('map.title')}
        subtitle={t('map.subtitle')}
        extra={<TileSettings onChange={() => setTiles(tileUrl())} />}
      />
      <Card size="small" className="ww-filter-card">
        <div className="ww-filters">
          <TerritorySelect
            value={nodeId ?? undefined}
            onChange={(id) => setParams(id ? { node: id } : {})}
            placeholder={t('map.place')}
            className="ww-map-place"
            testId="map-place"
          />
          {level === 'street' ? (
            <Space size={6}>
              <Switch
                size="small"
                checked={showGrids}
                onChange={(on) => setParam('grids', on ? '1' : null)}
                data-testid="map-show-grids"
              />
              {t('map.showGrids')}
            </Space>
          ) : null}
          <Space size={6}>
            <Switch
              size="small"
              checked={keyLayer}
              onChange={(on) => setParam('key', on ? '1' : null)}
              data-testid="map-key-layer"
            />
            {t('map.keyLayer')}
          </Space>
          {nodeId ? (
            <Link to={`/territories/${nodeId}/fact-sheet`} data-testid="map-fact-sheet">
              {t('map.factSheetOf', { name: node.data?.name ?? treeNode?.name ?? '' })}
            </Link>
          ) : null}
        </div>
        {node.data ? (
          <Breadcrumb
            style={{ marginTop: 8 }}
            items={[
              ...ancestors.map((a) => ({
                key: a.id,
                title: (
                  <a
                    href={`?node=${a.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setParams({ node: a.id });
                    }}
                  >
                    {a.name}
                  </a>
                ),
              })),
              { key: node.data.id, title: node.data.name },
            ]}
          />
        ) : null}
      </Card>
      {node.isError ? (
        <Alert type="error" showIcon title={node.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      <div className="ww-map-wrap">
        <MapView
          outline={node.data?.boundary ?? null}
          areas={areas}
          buildings={buildingList}
          tileUrl={tiles}
          labels={areas.length <= 30}
          renderAreaPopup={areaPopup}
          renderBuildingPopup={buildingPopup}
          height={mobile ? '62vh' : 'calc(100vh - 260px)'}
        />
        {loadingBoundaries || buildings.isFetching ? (
          <div className="ww-map-loading">
            <Spin size="small" />
          </div>
        ) : null}
        {keyLayer ? (
          <div className="ww-map-legend" data-testid="map-legend">
            <div className="ww-map-legend-title">{t('map.legendTitle')}</div>
            {RAMP.map((color, i) => (
              <div key={color} className="ww-map-legend-row">
                <span className="ww-map-legend-swatch" style={{ background: color }} />
                {t('map.legendRange', classBounds(i, { min: keyMin, max: keyMax }))}
              </div>
            ))}
          </div>
        ) : null}
      </div>
      <Typography.Text type="secondary" className="ww-map-note">
        {[
          missing && !loadingBoundaries ? t('map.missingBoundaries', { count: missing }) : null,
          withBuildings && buildings.data
            ? buildings.data.total > BUILDING_LIMIT
              ? t('map.buildingsCapped', { shown: buildingList.length, total: buildings.data.total })
              : t('map.buildingsShown', { count: buildingList.length })
            : canReadResidents
              ? t('map.buildingsHint')
              : null,
          tiles ? null : t('map.noTiles'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </>
  );
}
