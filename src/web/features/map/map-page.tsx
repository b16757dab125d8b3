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
import { useTerritoryTree } from '../territory/api.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { indexTree } from '../territory/tree-search.ts';
import { useTerritoryMap } from './api.ts';
import { MapView, type BuildingPoint, type MapArea } from './map-view.tsx';
import { isTileUrl, setTileUrl, tileUrl } from './tiles.ts';
import './map.css';

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
 * Everything a view draws comes in one request (GET /territories/{id}/map).
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
  // The tree (which the place picker loads anyway) tells a street before the map answers, so that the map is asked
  // for once, with the right areas.
  const treeLevel = nodeId ? index.get(nodeId)?.node.level : undefined;
  const showGrids = treeLevel === 'street' && params.get('grids') === '1';
  const view = useTerritoryMap(nodeId, showGrids ? 'grids' : 'children', !tree.isPending);
  const place = view.data?.territory;
  const level = place?.level ?? treeLevel;
  const keyLayer = params.get('key') === '1';
  const [tiles, setTiles] = useState(tileUrl);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };

  // The areas drawn: the children of the place, all grids of a street on request, or a grid itself.
  const features = useMemo(() => view.data?.areas.features ?? [], [view.data]);
  const keyCounts = features.map((f) => f.properties.keyPopulation);
  const keyMin = keyCounts.length ? Math.min(...keyCounts) : 0;
  const keyMax = keyCounts.length ? Math.max(...keyCounts) : 0;
  const areas = useMemo(
    (): MapArea[] =>
      features.map(({ geometry, properties: a }) => ({
        id: a.id,
        name: a.name,
        level: a.level,
        boundary: geometry,
        fill: keyLayer
          ? RAMP[classOf(a.keyPopulation, { min: keyMin, max: keyMax })]!
          : (levelFill[a.level] ?? '#1f56c3'),
        fillOpacity: keyLayer ? 0.75 : 0.12,
      })),
    [features, keyLayer, keyMin, keyMax],
  );

  const buildings = view.data?.buildings ?? null;
  const buildingPoints = useMemo(
    (): BuildingPoint[] =>
      (buildings?.features ?? []).flatMap((b) =>
        b.geometry
          ? [{ id: b.properties.id, lng: b.geometry.coordinates[0], lat: b.geometry.coordinates[1] }]
          : [],
      ),
    [buildings],
  );

  const areaPopup = (id: string) => {
    const area = features.find((f) => f.properties.id === id)?.properties;
    if (!area) return null;
    return (
      <div className="ww-map-popup" data-testid="map-popup">
        <div className="ww-map-popup-title">
          {area.name}
          <span className="ww-map-popup-level">{levelText(t, area.level)}</span>
        </div>
        <div className="ww-map-popup-code">{area.code}</div>
        <dl className="ww-map-popup-stats">
          <dt>{t('factSheet.households')}</dt>
          <dd>{area.households.toLocaleString()}</dd>
          <dt>{t('factSheet.residents')}</dt>
          <dd>{area.residents.toLocaleString()}</dd>
          <dt>{t('factSheet.keyPopulation')}</dt>
          <dd>{area.keyPopulation.toLocaleString()}</dd>
        </dl>
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
    const b = buildings?.features.find((x) => x.properties.id === id)?.properties;
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

  const ancestors = place?.ancestors ?? [];
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
                aria-label={t('map.showGrids')}
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
              aria-label={t('map.keyLayer')}
            />
            {t('map.keyLayer')}
          </Space>
          {nodeId ? (
            <Link to={`/territories/${nodeId}/fact-sheet`} data-testid="map-fact-sheet">
              {t('map.factSheetOf', { name: place?.name ?? (nodeId && index.get(nodeId)?.node.name) ?? '' })}
            </Link>
          ) : null}
        </div>
        {place ? (
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
              { key: place.id, title: place.name },
            ]}
          />
        ) : null}
      </Card>
      {view.isError ? (
        <Alert type="error" showIcon title={view.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      <div className="ww-map-wrap">
        <MapView
          outline={place?.boundary ?? null}
          areas={areas}
          buildings={buildingPoints}
          tileUrl={tiles}
          labels={areas.length <= 30}
          renderAreaPopup={areaPopup}
          renderBuildingPopup={buildingPopup}
          height={mobile ? '62vh' : 'calc(100vh - 260px)'}
        />
        {view.isFetching ? (
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
          missing ? t('map.missingBoundaries', { count: missing }) : null,
          buildings
            ? buildings.total > buildings.features.length
              ? t('map.buildingsCapped', { shown: buildings.features.length, total: buildings.total })
              : t('map.buildingsShown', { count: buildings.features.length })
            : canReadResidents && level !== 'community' && level !== 'grid'
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
