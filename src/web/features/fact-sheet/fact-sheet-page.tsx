import { ArrowLeftOutlined, EnvironmentOutlined, IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Empty, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { isMessageKey, useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { AgePyramid } from '../../components/charts/age-pyramid.tsx';
import { usePlaceServants, type PlaceServants } from '../organisation/api.ts';
import { careLevels, tagColors } from '../registry/labels.ts';
import { useFactSheet, type FactSheet, type FactSheetBuilding, type FactSheetChild } from './api.ts';
import './fact-sheet.css';

type Stat = { key: string; label: string; value: number; note?: string };

function stats(sheet: FactSheet, t: Translate): Stat[] {
  const { households: h, residents: r } = sheet;
  return [
    {
      key: 'households',
      label: t('factSheet.households'),
      value: h.total,
      note: t('factSheet.householdsNote', { permanent: h.permanent, floating: h.floating }),
    },
    {
      key: 'residents',
      label: t('factSheet.residents'),
      value: r.total,
      note: t('factSheet.residentsNote', { male: r.male, female: r.female }),
    },
    { key: 'vacant', label: t('factSheet.vacant'), value: h.vacant },
    { key: 'rented', label: t('factSheet.rented'), value: h.rented },
    { key: 'partyMembers', label: t('factSheet.partyMembers'), value: r.partyMembers },
    {
      key: 'over60',
      label: t('factSheet.over60'),
      value: r.over60,
      note: t('factSheet.over80Note', { count: r.over80 }),
    },
    {
      key: 'keyPopulation',
      label: t('factSheet.keyPopulation'),
      value: sheet.keyPopulation.total,
      note: t('factSheet.keyPopulationNote', { tags: sheet.keyPopulation.byTag.length }),
    },
  ];
}

function KeyPopulationTable({ sheet }: { sheet: FactSheet }) {
  const t = useT();
  type Row = FactSheet['keyPopulation']['byTag'][number];
  const columns: ColumnsType<Row> = [
    {
      title: t('factSheet.tag'),
      dataIndex: 'tag',
      render: (tag: Row['tag']) => (
        <Space size={6}>
          <span className="ww-fs-dot" style={{ background: tagColors[tag] }} />
          {t(`keyTag.${tag}`)}
        </Space>
      ),
    },
    { title: t('factSheet.count'), dataIndex: 'count', align: 'right' },
    ...careLevels.map((level) => ({
      title: t(`careLevel.${level}`),
      key: `level-${level}`,
      align: 'right' as const,
      render: (_: unknown, row: Row) => row.byCareLevel[String(level)] ?? 0,
    })),
  ];
  return (
    <Table<Row>
      rowKey="tag"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={sheet.keyPopulation.byTag}
      locale={{ emptyText: t('factSheet.noKeyPopulation') }}
      data-testid="fact-sheet-key-population"
    />
  );
}

function BuildingsTable({
  buildings,
  servants,
}: {
  buildings: FactSheetBuilding[];
  servants: PlaceServants | undefined;
}) {
  const t = useT();
  const leaders = new Map(servants?.buildings.map((b) => [b.buildingId, b.leaders]));
  const canCards = useCan('resident:read');
  const columns: ColumnsType<FactSheetBuilding> = [
    { title: t('factSheet.building'), dataIndex: 'name' },
    {
      title: t('factSheet.buildingKind'),
      dataIndex: 'kind',
      render: (kind: FactSheetBuilding['kind']) => t(`buildingKind.${kind}`),
    },
    { title: t('factSheet.floors'), dataIndex: 'floors', align: 'right' },
    { title: t('factSheet.units'), dataIndex: 'unitCount', align: 'right' },
    { title: t('factSheet.households'), dataIndex: 'households', align: 'right' },
    { title: t('factSheet.residents'), dataIndex: 'residents', align: 'right' },
    { title: t('factSheet.vacant'), dataIndex: 'vacant', align: 'right' },
    { title: t('factSheet.rented'), dataIndex: 'rented', align: 'right' },
    { title: t('factSheet.keyPopulation'), dataIndex: 'keyPopulation', align: 'right' },
    {
      title: t('factSheet.leader'),
      key: 'leader',
      render: (_: unknown, b: FactSheetBuilding) => {
        const list = leaders.get(b.id);
        if (!list?.length) return '—';
        return list.map((l) => [l.name, l.phone].filter(Boolean).join(' ')).join('；');
      },
    },
    ...(canCards
      ? [
          {
            key: 'cards',
            className: 'ww-no-print',
            render: (_: unknown, b: FactSheetBuilding) => (
              <Link to={`/buildings/${b.id}/cards`}>{t('factSheet.cards')}</Link>
            ),
          },
        ]
      : []),
  ];
  // Many buildings (a village of houses) do not fit one printed page: the print shows them summed by compound.
  const many = buildings.length > PRINTED_BUILDINGS;
  return (
    <>
      <Table<FactSheetBuilding>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={buildings}
        scroll={{ x: 640 }}
        className={many ? 'ww-fs-buildings-many' : undefined}
        locale={{ emptyText: t('factSheet.noBuildings') }}
        data-testid="fact-sheet-buildings"
      />
      {many ? <CompoundsTable buildings={buildings} /> : null}
    </>
  );
}

/** Building rows a printed fact sheet holds before it sums them by compound instead. */
const PRINTED_BUILDINGS = 20;

type CompoundRow = {
  compound: string;
  buildings: number;
  households: number;
  residents: number;
  vacant: number;
  rented: number;
  keyPopulation: number;
};

/** The grid's buildings summed by compound (小区) or village: printed instead of the building rows when many. */
function CompoundsTable({ buildings }: { buildings: FactSheetBuilding[] }) {
  const t = useT();
  const rows = new Map<string, CompoundRow>();
  for (const b of buildings) {
    const compound = b.compound ?? '—';
    const row = rows.get(compound) ?? {
      compound,
      buildings: 0,
      households: 0,
      residents: 0,
      vacant: 0,
      rented: 0,
      keyPopulation: 0,
    };
    row.buildings += 1;
    row.households += b.households;
    row.residents += b.residents;
    row.vacant += b.vacant;
    row.rented += b.rented;
    row.keyPopulation += b.keyPopulation;
    rows.set(compound, row);
  }
  const columns: ColumnsType<CompoundRow> = [
    { title: t('factSheet.compound'), dataIndex: 'compound' },
    { title: t('factSheet.buildingCount'), dataIndex: 'buildings', align: 'right' },
    { title: t('factSheet.households'), dataIndex: 'households', align: 'right' },
    { title: t('factSheet.residents'), dataIndex: 'residents', align: 'right' },
    { title: t('factSheet.vacant'), dataIndex: 'vacant', align: 'right' },
    { title: t('factSheet.rented'), dataIndex: 'rented', align: 'right' },
    { title: t('factSheet.keyPopulation'), dataIndex: 'keyPopulation', align: 'right' },
  ];
  return (
    <div className="ww-print-only" data-testid="fact-sheet-compounds">
      <Table<CompoundRow>
        rowKey="compound"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={[...rows.values()]}
      />
      <div className="ww-fs-meta">{t('factSheet.compoundsNote', { count: buildings.length })}</div>
    </div>
  );
}

function ChildrenTable({ items }: { items: FactSheetChild[] }) {
  const t = useT();
  const columns: ColumnsType<FactSheetChild> = [
    {
      title: t('factSheet.area'),
      dataIndex: 'name',
      render: (name: string, c) => <Link to={`/territories/${c.id}/fact-sheet`}>{name}</Link>,
    },
    {
      title: t('territory.level'),
      dataIndex: 'level',
      render: (level: string) => {
        const key = `level.${level}`;
        return isMessageKey(key) ? t(key) : level;
      },
    },
    { title: t('factSheet.households'), dataIndex: 'households', align: 'right' },
    { title: t('factSheet.residents'), dataIndex: 'residents', align: 'right' },
    { title: t('factSheet.keyPopulation'), dataIndex: 'keyPopulation', align: 'right' },
  ];
  return (
    <Table<FactSheetChild>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: t('territory.noChildren') }}
      data-testid="fact-sheet-children"
    />
  );
}

/** A grid's workers and branch secretary, with the phones they agreed to publish. */
function GridServants({ servants }: { servants: PlaceServants['grids'][number] | undefined }) {
  const t = useT();
  const who = (p: { name: string; phone: string | null }) => [p.name, p.phone].filter(Boolean).join(' ');
  return (
    <div className="ww-fs-people" data-testid="fact-sheet-servants">
      {t('factSheet.servants', {
        workers: servants?.workers.length ? servants.workers.map(who).join('、') : '—',
        branch: servants?.branch?.name ?? '—',
        secretary: servants?.branch?.secretary ? who(servants.branch.secretary) : '—',
      })}
    </div>
  );
}

/**
 * The fact sheet (一口清) of a grid, or of any higher area: the numbers a grid worker recites, the age pyramid,
 * key populations by tag and care level, and the buildings (or child areas). It prints on one A4 page.
 */
export function FactSheetPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const canMap = useCan('territory:read');
  const canCards = useCan('resident:read');
  const sheet = useFactSheet(id);
  const isGridSheet = sheet.data?.territory.level === 'grid';
  const servants = usePlaceServants(id, isGridSheet);

  if (sheet.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (sheet.isError) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('common.back')}
        </Button>
        <Alert type="error" showIcon title={sheet.error.message} />
      </Space>
    );
  }

  const data = sheet.data;
  const node = data.territory;
  const isGrid = node.level === 'grid';

  return (
    <div className="ww-fact-sheet" data-testid="fact-sheet">
      <div className="ww-fs-head">
        <div className="ww-fs-title">
          <Breadcrumb
            className="ww-fs-breadcrumb"
            data-testid="fact-sheet-breadcrumb"
            items={[
              ...node.ancestors.map((a) => ({
                key: a.id,
                title: <Link to={`/territories/${a.id}/fact-sheet`}>{a.name}</Link>,
              })),
              { key: node.id, title: node.name },
            ]}
          />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="fact-sheet-title">
            {t('factSheet.title', { name: node.name })}
          </Typography.Title>
          <Typography.Text type="secondary" className="ww-fs-meta">
            {t('factSheet.meta', {
              level: t(`level.${node.level}`),
              code: node.code,
              at: formatDateTime(data.generatedAt),
            })}
          </Typography.Text>
        </div>
        <Space wrap className="ww-no-print">
          {canMap ? (
            <Link to={`/map?node=${node.id}`}>
              <Button icon={<EnvironmentOutlined />}>{t('factSheet.onMap')}</Button>
            </Link>
          ) : null}
          {canCards && (node.level === 'grid' || node.level === 'community') ? (
            <>
              <Link to={`/territories/${node.id}/cards`} data-testid="fact-sheet-cards-set">
                <Button icon={<IdcardOutlined />}>{t('organisation.printSet')}</Button>
              </Link>
              <Link to={`/territories/${node.id}/cards?kind=placards`}>
                <Button icon={<IdcardOutlined />}>{t('organisation.printPlacards')}</Button>
              </Link>
            </>
          ) : null}
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="fact-sheet-print"
          >
            {t('factSheet.print')}
          </Button>
        </Space>
      </div>

      <div className="ww-fs-stats" data-testid="fact-sheet-stats">
        {stats(data, t).map((s) => (
          <div
            key={s.key}
            className={`ww-fs-stat ww-fs-stat-${s.key}`}
            data-testid={`fact-sheet-stat-${s.key}`}
          >
            <div className="ww-fs-stat-label">{s.label}</div>
            <div className="ww-fs-stat-value">{s.value.toLocaleString()}</div>
            {s.note ? <div className="ww-fs-stat-note">{s.note}</div> : null}
          </div>
        ))}
      </div>

      {isGrid ? <GridServants servants={servants.data?.grids[0]} /> : null}
      <div className="ww-fs-people">
        {t('factSheet.people', {
          registered: data.residents.registered,
          floating: data.residents.floating,
          under18: data.residents.under18,
          over80: data.residents.over80,
        })}
      </div>

      <div className="ww-fs-two">
        <Card size="small" title={t('factSheet.agePyramid')} className="ww-fs-card">
          {data.residents.total ? (
            <AgePyramid bands={data.agePyramid} height={300} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
        <Card
          size="small"
          title={t('factSheet.keyPopulationTitle', { total: data.keyPopulation.total })}
          className="ww-fs-card"
        >
          <KeyPopulationTable sheet={data} />
        </Card>
      </div>

      {isGrid ? (
        <Card
          size="small"
          title={t('factSheet.buildingsTitle', { count: data.buildings.length })}
          className="ww-fs-card"
        >
          <BuildingsTable buildings={data.buildings} servants={servants.data} />
        </Card>
      ) : (
        <Card
          size="small"
          title={t('factSheet.childrenTitle', { count: data.children.length })}
          className="ww-fs-card"
        >
          <ChildrenTable items={data.children} />
        </Card>
      )}
      <div className="ww-fs-footer">{t('factSheet.footer', { at: formatDateTime(data.generatedAt) })}</div>
      <div className="ww-fs-signature" data-testid="fact-sheet-signature">
        <span>{t('factSheet.signedBy')}</span>
        <span>{t('factSheet.checkedBy')}</span>
        <span>{t('factSheet.signedOn')}</span>
      </div>
    </div>
  );
}
