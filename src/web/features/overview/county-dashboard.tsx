import {
  ApartmentOutlined,
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  ProfileOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isMessageKey, useT, type Translate } from '../../app/i18n.tsx';
import { AgePyramid } from '../../components/charts/age-pyramid.tsx';
import { EChart, type EChartOption } from '../../components/charts/echart.tsx';
import { tagColors } from '../registry/labels.ts';
import { useTerritoryTree } from '../territory/api.ts';
import { indexTree } from '../territory/tree-search.ts';
import { useOverview, type Overview, type OverviewChild } from './api.ts';
import { WorkResults } from './work-results.tsx';
import './dashboard.css';

type FigureKey = keyof Overview['figures'];

const figureIcons: Record<FigureKey, ReactNode> = {
  streets: <ApartmentOutlined />,
  communities: <BankOutlined />,
  grids: <ClusterOutlined />,
  buildings: <HomeOutlined />,
  households: <ProfileOutlined />,
  residents: <TeamOutlined />,
  keyPopulation: <WarningOutlined />,
};

/** The counts that say something at a level: a community has no streets, a grid no communities. */
function figureKeys(level: string): FigureKey[] {
  const people: FigureKey[] = ['buildings', 'households', 'residents', 'keyPopulation'];
  switch (level) {
    case 'county':
      return ['streets', 'communities', 'grids', ...people];
    case 'street':
      return ['communities', 'grids', ...people];
    case 'community':
      return ['grids', ...people];
    default:
      return people;
  }
}

const levelOrder = ['county', 'street', 'community', 'grid'];

/** The most general level among several places (what their sum counts). */
function topLevel(places: { level: string }[]): string {
  return places.reduce(
    (top, p) => (levelOrder.indexOf(p.level) < levelOrder.indexOf(top) ? p.level : top),
    'grid',
  );
}

/**
 * The switch between all of a user's places and each one (shown when their scope holds several): the place holding
 * the area shown is selected, "all" when the whole scope is shown.
 */
function PlaceSwitch({ data, onPick }: { data: Overview; onPick: (id: string | null) => void }) {
  const t = useT();
  const place = data.territory;
  const current = place ? (data.places.find((p) => place.code.startsWith(p.code))?.id ?? '') : '';
  return (
    <Segmented
      data-testid="dashboard-place-switch"
      aria-label={t('dashboard.placeSwitch')}
      value={current}
      onChange={(value) => onPick(value ? String(value) : null)}
      options={[
        { label: t('dashboard.allPlaces'), value: '' },
        ...data.places.map((p) => ({ label: p.name, value: p.id })),
      ]}
      style={{ maxWidth: '100%', overflowX: 'auto' }}
    />
  );
}

function levelText(t: Translate, level: string): string {
  const key = `level.${level}`;
  return isMessageKey(key) ? t(key) : level;
}

function ChildBars({ items, onPick }: { items: OverviewChild[]; onPick: (id: string) => void }) {
  const t = useT();
  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('dashboard.households'), t('dashboard.residents')] },
      grid: { left: 8, right: 12, top: 30, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: items.map((c) => c.name),
        axisLabel: { interval: 0, rotate: items.length > 6 ? 35 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          name: t('dashboard.households'),
          type: 'bar',
          data: items.map((c) => c.households),
          itemStyle: { color: '#5b8ff9' },
          cursor: 'pointer',
        },
        {
          name: t('dashboard.residents'),
          type: 'bar',
          data: items.map((c) => c.residents),
          itemStyle: { color: '#1f56c3' },
          cursor: 'pointer',
        },
      ],
    }),
    [items, t],
  );
  return (
    <EChart
      option={option}
      height={300}
      testId="dashboard-child-bars"
      onClick={(event) => {
        const child = items[event.dataIndex];
        if (child && child.level !== 'grid') onPick(child.id);
      }}
    />
  );
}

function KeyPopulationBars({ byTag }: { byTag: Overview['keyPopulationByTag'] }) {
  const t = useT();
  const option = useMemo<EChartOption>(() => {
    const rows = [...byTag].reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 4, containLabel: true },
      xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', data: rows.map((r) => t(`keyTag.${r.tag}`)), axisTick: { show: false } },
      series: [
        {
          name: t('dashboard.keyPopulation'),
          type: 'bar',
          data: rows.map((r) => ({ value: r.count, itemStyle: { color: tagColors[r.tag] } })),
          label: { show: true, position: 'right', fontSize: 11 },
          barMaxWidth: 18,
        },
      ],
    };
  }, [byTag, t]);
  return <EChart option={option} height={300} testId="dashboard-key-population" />;
}

/**
 * The county overview for holders of territory:read: figures of the chosen place (the top of the user's scope
 * at first), its children by households and residents, age structure and key populations. Clicking a child
 * (row or bar) drills down; the breadcrumb goes back up. Every number comes from GET /insights/overview.
 */
export function CountyDashboard() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const areaId = params.get('area') ?? undefined;
  const overview = useOverview(areaId);
  const tree = useTerritoryTree();
  const index = useMemo(() => indexTree(tree.data ?? []), [tree.data]);
  const drill = (id: string | null) => setParams(id ? { area: id } : {});

  if (overview.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (overview.isError) return <Alert type="error" showIcon title={overview.error.message} />;
  const data = overview.data;
  if (!data) {
    return (
      <Card>
        <Empty description={t('dashboard.empty')} />
      </Card>
    );
  }
  const place = data.territory;
  const childLevel = data.children[0]?.level;
  const several = data.places.length > 1;

  const columns: ColumnsType<OverviewChild> = [
    {
      title: childLevel ? levelText(t, childLevel) : t('territory.name'),
      dataIndex: 'name',
      render: (name: string, c) =>
        c.level === 'grid' ? (
          <Link to={`/territories/${c.id}/fact-sheet`}>{name}</Link>
        ) : (
          <Typography.Link onClick={() => drill(c.id)} data-testid="dashboard-drill">
            {name}
          </Typography.Link>
        ),
    },
    {
      title: t('dashboard.households'),
      dataIndex: 'households',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
      sorter: (a, b) => a.households - b.households,
    },
    {
      title: t('dashboard.residents'),
      dataIndex: 'residents',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
      sorter: (a, b) => a.residents - b.residents,
    },
    {
      title: t('dashboard.keyPopulation'),
      dataIndex: 'keyPopulation',
      align: 'right',
      render: (n: number) => n.toLocaleString(),
      sorter: (a, b) => a.keyPopulation - b.keyPopulation,
    },
    {
      title: t('dashboard.keyShare'),
      key: 'share',
      align: 'right',
      responsive: ['md'],
      render: (_, c) => (c.residents ? `${((c.keyPopulation / c.residents) * 100).toFixed(1)}%` : '—'),
    },
    {
      title: '',
      key: 'links',
      responsive: ['sm'],
      render: (_, c) => (
        <Space size={10}>
          <Tooltip title={t('dashboard.factSheet')}>
            <Link to={`/territories/${c.id}/fact-sheet`} aria-label={t('dashboard.factSheet')}>
              <ProfileOutlined />
            </Link>
          </Tooltip>
          <Tooltip title={t('dashboard.map')}>
            <Link to={`/map?node=${c.id}`} aria-label={t('dashboard.map')}>
              <EnvironmentOutlined />
            </Link>
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card
        title={
          <Space orientation="vertical" size={2}>
            <span data-testid="dashboard-title">
              {place
                ? t('dashboard.title', { name: place.name })
                : t('dashboard.titleAll', { count: data.places.length })}
            </span>
            {place ? (
              <Breadcrumb
                data-testid="dashboard-breadcrumb"
                items={[
                  ...place.ancestors.map((a) => ({
                    key: a.id,
                    // Places above the user's scope are named but cannot be opened.
                    title: index.has(a.id) ? (
                      <a
                        href={`?area=${a.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          drill(a.id);
                        }}
                      >
                        {a.name}
                      </a>
                    ) : (
                      a.name
                    ),
                  })),
                  { key: place.id, title: place.name },
                ]}
              />
            ) : null}
          </Space>
        }
        extra={
          place ? (
            <Space wrap>
              <Link to={`/territories/${place.id}/fact-sheet`}>
                <Button size="small" icon={<ProfileOutlined />}>
                  {t('dashboard.factSheet')}
                </Button>
              </Link>
              <Link to={`/map?node=${place.id}`}>
                <Button size="small" icon={<EnvironmentOutlined />}>
                  {t('dashboard.map')}
                </Button>
              </Link>
            </Space>
          ) : null
        }
      >
        {several ? (
          <div style={{ marginBottom: 16 }}>
            <PlaceSwitch data={data} onPick={drill} />
          </div>
        ) : null}
        <div className="ww-dash-figures">
          {figureKeys(place ? place.level : topLevel(data.places)).map((key) => (
            <div key={key} className={`ww-figure ww-figure-${key}`} data-testid={`dashboard-figure-${key}`}>
              <Statistic
                title={
                  <Space size={6}>
                    {figureIcons[key]}
                    {t(`dashboard.figure.${key}`)}
                  </Space>
                }
                value={data.figures[key]}
              />
            </div>
          ))}
        </div>
      </Card>
      <WorkResults territoryId={place?.id} />
      {data.children.length ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('dashboard.byChild', { level: levelText(t, childLevel ?? '') })}>
              <ChildBars items={data.children} onPick={drill} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('dashboard.childTable')} styles={{ body: { padding: 0 } }}>
              <Table<OverviewChild>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={data.children}
                pagination={data.children.length > 10 ? { pageSize: 10, size: 'small' } : false}
                scroll={{ x: 'max-content' }}
                className="ww-dash-children"
                data-testid="dashboard-children"
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.ageStructure', { total: data.residents.total })}>
            <AgePyramid bands={data.agePyramid} height={300} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.keyPopulationByTag', { total: data.figures.keyPopulation })}>
            {data.keyPopulationByTag.length ? (
              <KeyPopulationBars byTag={data.keyPopulationByTag} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
