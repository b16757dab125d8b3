import { AppstoreOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Drawer, Grid, Space, Spin, Switch, Typography } from 'antd';
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isMessageKey, useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useTerritoryTree } from '../territory/api.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { indexTree } from '../territory/tree-search.ts';
import { usePlaceServants } from '../organisation/api.ts';
import { useTerritoryMap } from './api.ts';
import { MapView, type BuildingPoint, type MapArea } from './map-view.tsx';
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

type Person = { name: string; phone: string | null };

/** A person with the phone they agreed to publish, as a link a phone can call. */
function Who({ person }: { person: Person }) {
  return (
    <span className="ww-map-person">
      {person.name}
      {person.phone ? (
        <>
          {' '}
          <a href={`tel:${person.phone}`}>{person.phone}</a>
        </>
      ) : null}
    </span>
  );
}

/** A grid's workers and its branch with the secretary (GET /territories/{id}/servants, the fact sheet's source). */
function GridPeople({ gridId }: { gridId: string }) {
  const t = useT();
  const servants = usePlaceServants(gridId);
  if (servants.isPending) return <div className="ww-map-popup-people">{t('map.loadingPeople')}</div>;
  const grid = servants.data?.grids.find((g) => g.id === gridId);
  const branch = grid?.branch ?? null;
  return (
    <dl className="ww-map-popup-people" data-testid="map-popup-people">
      <dt>{t('map.workers')}</dt>
      <dd data-testid="map-popup-workers">
        {grid?.workers.length ? grid.workers.map((w, i) => <Who key={i} person={w} />) : t('map.nobody')}
      </dd>
      <dt>{t('map.branch')}</dt>
      <dd>{branch?.name ?? t('map.nobody')}</dd>
      {branch ? (
        <>
          <dt>{t('map.secretary')}</dt>
          <dd data-testid="map-popup-secretary">
            {branch.secretary ? <Who person={branch.secretary} /> : t('map.nobody')}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** A building's leaders (of the building and of its units), read with the rest of the place's servants. */
function BuildingLeaders({ placeId, buildingId }: { placeId: string; buildingId: string }) {
  const t = useT();
  const servants = usePlaceServants(placeId);
  if (servants.isPending) return <div className="ww-map-popup-people">{t('map.loadingPeople')}</div>;
  const leaders = servants.data?.buildings.find((b) => b.buildingId === buildingId)?.leaders ?? [];
  return (
    <dl className="ww-map-popup-people" data-testid="map-popup-people">
      <dt>{t('map.leaders')}</dt>
      <dd data-testid="map-popup-leaders">
        {leaders.length
          ? leaders.map((l, i) => (
              <span key={i} className="ww-map-person">
                <Who person={l} />
                {l.unitNumber !== null ? (
                  <span className="ww-map-popup-level">{t('map.unitLeader', { unit: l.unitNumber })}</span>
                ) : null}
              </span>
            ))
          : t('map.nobody')}
      </dd>
    </dl>
  );
}

/**
 * The map's height: from its top to the bottom of the window (less what goes below it), so that on a phone it
 * fills the screen under the header and on a desk the page does not scroll; at least 320 px.
 */
function useFillHeight(below: number) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [height, setHeight] = useState<number>(480);
  useLayoutEffect(() => {
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(320, Math.floor(window.innerHeight - top - below)));
    };
    fit();
    window.addEventListener('resize', fit);
    // What stands above the map (the filters wrapping, a breadcrumb arriving) moves its top.
    const observer = new ResizeObserver(fit);
    if (element.parentElement) observer.observe(element.parentElement);
    return () => {
      window.removeEventListener('resize', fit);
      observer.disconnect();
    };
  }, [element, below]);
  return [setElement, height] as const;
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
  const canSettings = useCan('settings:manage');
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
  const baseMap = view.data?.baseMap;
  const [layersOpen, setLayersOpen] = useState(false);
  // Below the map: the note line (and the page's bottom padding).
  const [mapBox, mapHeight] = useFillHeight(mobile ? 12 : 44);

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
        {area.level === 'grid' ? <GridPeople gridId={area.id} /> : null}
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
        {nodeId ? <BuildingLeaders placeId={nodeId} buildingId={id} /> : null}
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
  const placeName = place?.name ?? (nodeId && index.get(nodeId)?.node.name) ?? '';

  const layerSwitch = (testId: string, label: string, checked: boolean, onChange: (on: boolean) => void) => (
    <label className="ww-map-switch">
      <Switch size="small" checked={checked} onChange={onChange} data-testid={testId} aria-label={label} />
      <span>{label}</span>
    </label>
  );
  const switches: ReactNode = (
    <>
      {level === 'street'
        ? layerSwitch('map-show-grids', t('map.showGrids'), showGrids, (on) =>
            setParam('grids', on ? '1' : null),
          )
        : null}
      {layerSwitch('map-key-layer', t('map.keyLayer'), keyLayer, (on) => setParam('key', on ? '1' : null))}
    </>
  );
  const factSheetLink = nodeId ? (
    <Link to={`/territories/${nodeId}/fact-sheet`} data-testid="map-fact-sheet">
      {t('map.factSheetOf', { name: placeName })}
    </Link>
  ) : null;
  const settingsLink = canSettings ? (
    <Link to="/settings" data-testid="map-tiles-settings">
      <SettingOutlined /> {t('map.tilesSettings')}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('map.title')}
        subtitle={mobile ? undefined : t('map.subtitle')}
        extra={mobile ? undefined : settingsLink}
      />
      <Card size="small" className="ww-filter-card ww-map-filters">
        <div className="ww-filters">
          <TerritorySelect
            value={nodeId ?? undefined}
            onChange={(id) => setParams(id ? { node: id } : {})}
            placeholder={t('map.place')}
            className="ww-map-place"
            testId="map-place"
          />
          {mobile ? (
            <Button
              icon={<AppstoreOutlined />}
              onClick={() => setLayersOpen(true)}
              data-testid="map-layers-open"
              aria-label={t('map.layersTitle')}
            >
              {t('map.layers')}
            </Button>
          ) : (
            <>
              {switches}
              {factSheetLink}
            </>
          )}
        </div>
        {place && !mobile ? (
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
      {mobile ? (
        <Drawer
          open={layersOpen}
          onClose={() => setLayersOpen(false)}
          placement="bottom"
          size="auto"
          title={t('map.layersTitle')}
          data-testid="map-layers"
        >
          <Space orientation="vertical" size={12}>
            {switches}
            {factSheetLink}
            {settingsLink}
          </Space>
        </Drawer>
      ) : null}
      {view.isError ? (
        <Alert type="error" showIcon title={view.error.message} style={{ marginBottom: 12 }} />
      ) : null}
      <div className="ww-map-wrap" ref={mapBox}>
        <MapView
          outline={place?.boundary ?? null}
          areas={areas}
          buildings={buildingPoints}
          baseLayers={baseMap?.layers ?? []}
          baseLines={baseMap?.lines ?? []}
          renderAreaPopup={areaPopup}
          renderBuildingPopup={buildingPopup}
          height={mapHeight}
          texts={{
            map: t('map.region', { name: placeName }),
            zoomIn: t('map.zoomIn'),
            zoomOut: t('map.zoomOut'),
          }}
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
      <Typography.Text type="secondary" className="ww-map-note" data-testid="map-note">
        {[
          missing ? t('map.missingBoundaries', { count: missing }) : null,
          buildings
            ? buildings.total > buildings.features.length
              ? t('map.buildingsCapped', { shown: buildings.features.length, total: buildings.total })
              : t('map.buildingsShown', { count: buildings.features.length })
            : canReadResidents && level !== 'community' && level !== 'grid'
              ? t('map.buildingsHint')
              : null,
          !baseMap || baseMap.layers.length > 0
            ? null
            : baseMap.incomplete
              ? t('map.tilesIncomplete')
              : baseMap.lines.length > 0
                ? t('map.offlineLines')
                : t('map.noTiles'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </>
  );
}
