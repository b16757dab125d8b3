import { FilterOutlined, HomeOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Empty,
  Grid,
  Input,
  InputNumber,
  Pagination,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  useHouseholds,
  useResidents,
  type Household,
  type HouseholdFilter,
  type HouseholdKind,
  type KeyPopulationTag,
  type Resident,
  type ResidentFilter,
  type ResidentSort,
} from './api.ts';
import { ColumnSettings, useColumnSettings } from './column-settings.tsx';
import { HouseholdCreateDrawer } from './household-create-drawer.tsx';
import { householdKinds, keyPopulationTags, topCareLevel } from './labels.ts';
import { ResidentDrawer } from './resident-drawer.tsx';
import { ResidentExportButton } from './resident-export-button.tsx';
import { CareLevelTag, ResidentTags } from './resident-tags.tsx';
import './registry.css';

type Mode = 'residents' | 'households';

const number = (value: string | null) => {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** The search lives in the URL, so the back button from a household card returns to the same list. */
function readParams(params: URLSearchParams) {
  const base = {
    q: params.get('q') ?? undefined,
    territoryId: params.get('territoryId') ?? undefined,
    page: number(params.get('page')) ?? 1,
    pageSize: number(params.get('pageSize')) ?? 20,
  };
  const residents: ResidentFilter = {
    ...base,
    tag: (params.get('tag') as KeyPopulationTag | null) ?? undefined,
    ageFrom: number(params.get('ageFrom')),
    ageTo: number(params.get('ageTo')),
    includeMovedOut: params.get('includeMovedOut') === 'true',
    sort: (params.get('sort') as ResidentSort | null) ?? undefined,
    order: params.get('order') === 'desc' ? 'desc' : undefined,
  };
  const households: HouseholdFilter = {
    ...base,
    kind: (params.get('kind') as HouseholdKind | null) ?? undefined,
  };
  return {
    mode: params.get('mode') === 'households' ? ('households' as const) : ('residents' as const),
    residents,
    households,
    residentId: params.get('resident'),
  };
}

function ResidentCards({
  rows,
  loading,
  onOpen,
}: {
  rows: Resident[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  if (rows.length === 0) return <NoCards loading={loading} emptyText={t('residents.empty')} />;
  return (
    <div data-testid="residents-cards">
      {rows.map((r) => (
        <Card
          key={r.id}
          size="small"
          hoverable
          className="ww-mobile-card"
          onClick={() => onOpen(r.id)}
          data-testid="resident-row"
          title={
            <Space size={6}>
              <span>{r.name}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {t('resident.summary', { gender: t(`gender.${r.gender}`), age: r.age })}
              </Typography.Text>
            </Space>
          }
          extra={
            r.movedOutAt ? (
              <Tag>{t('residents.movedOut')}</Tag>
            ) : r.tags.length ? (
              <CareLevelTag level={topCareLevel(r.tags)} />
            ) : null
          }
        >
          <div className="ww-mobile-card-row">
            <span className="ww-mobile-card-label">{t('residents.address')}</span>
            <span>{r.address ?? '—'}</span>
          </div>
          <div className="ww-mobile-card-row">
            <span className="ww-mobile-card-label">{t('residents.idCard')}</span>
            <span className="ww-mono">{r.idCard ?? '—'}</span>
          </div>
          <div className="ww-mobile-card-row">
            <span className="ww-mobile-card-label">{t('residents.phone')}</span>
            <span className="ww-mono">{r.phone ?? '—'}</span>
          </div>
          {r.tags.length ? (
            <div className="ww-mobile-card-row">
              <span className="ww-mobile-card-label">{t('residents.tags')}</span>
              <ResidentTags tags={r.tags} />
            </div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}

/** What a phone's card list shows without rows: a skeleton while the first page loads, then "none found". */
function NoCards({ loading, emptyText }: { loading: boolean; emptyText: string }) {
  return (
    <Card size="small">
      {loading ? <Skeleton active /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />}
    </Card>
  );
}

function HouseholdCards({ rows, loading }: { rows: Household[]; loading: boolean }) {
  const t = useT();
  if (rows.length === 0) return <NoCards loading={loading} emptyText={t('households.empty')} />;
  return (
    <div data-testid="households-cards">
      {rows.map((h) => (
        <Link key={h.id} to={`/households/${h.id}`} data-testid="household-row">
          <Card size="small" hoverable className="ww-mobile-card" title={h.address}>
            <Space size={[6, 6]} wrap>
              <Tag color="blue">{t(`householdKind.${h.kind}`)}</Tag>
              <Tag>{t(`tenure.${h.tenure}`)}</Tag>
              <span>{t('household.sizeValue', { size: h.size })}</span>
              <Typography.Text type="secondary">{h.gridName}</Typography.Text>
            </Space>
          </Card>
        </Link>
      ))}
    </div>
  );
}

/**
 * The resident registry: find residents by name, ID card or phone (or households by address), filter by place,
 * key-population tag and age, and open a resident's drawer or a household's card.
 */
export function ResidentsPage() {
  const t = useT();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const canImport = useCan('resident:import');
  const canExport = useCan('resident:export');
  const canWrite = useCan('resident:write');
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const state = readParams(params);
  const [search, setSearch] = useState(state.mode === 'residents' ? (state.residents.q ?? '') : '');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [address, setAddress] = useState(state.mode === 'households' ? (state.households.q ?? '') : '');
  const residents = useResidents(state.residents);
  const households = useHouseholds(state.households, state.mode === 'households');

  /** Sets URL parameters (undefined removes one); any change but paging starts again at page 1. */
  const update = (changes: Record<string, string | number | boolean | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '' || value === false) next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes) && !('resident' in changes)) next.delete('page');
    setParams(next, { replace: 'resident' in changes });
  };

  const { page: _page, pageSize: _pageSize, ...exportFilter } = state.residents;
  const headerActions =
    canExport || canImport || canWrite ? (
      <Space wrap>
        {canWrite ? (
          <Button
            type="primary"
            icon={<HomeOutlined />}
            onClick={() => setCreating(true)}
            data-testid="household-create-open"
          >
            {t('household.create')}
          </Button>
        ) : null}
        {state.mode === 'residents' ? (
          <ResidentExportButton filter={exportFilter} total={residents.data?.page.total} />
        ) : null}
        {canImport ? (
          <Button icon={<UploadOutlined />} onClick={() => void navigate('/import')}>
            {t('menu.import')}
          </Button>
        ) : null}
      </Space>
    ) : null;
  // On a phone the filters beyond the search box fold away; a badge counts those in use.
  const activeFilters =
    state.mode === 'residents'
      ? [
          state.residents.territoryId,
          state.residents.tag,
          state.residents.ageFrom,
          state.residents.ageTo,
          state.residents.includeMovedOut || undefined,
        ].filter((v) => v !== undefined).length
      : [state.households.territoryId, state.households.kind].filter((v) => v !== undefined).length;
  const showFilters = !mobile || filtersOpen;

  const sortOrder = (key: ResidentSort) =>
    (state.residents.sort ?? 'name') === key
      ? state.residents.order === 'desc'
        ? ('descend' as const)
        : ('ascend' as const)
      : null;
  const sortable = (key: ResidentSort) => ({
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
  });
  const allColumns: ColumnsType<Resident> = [
    {
      key: 'name',
      title: t('residents.name'),
      dataIndex: 'name',
      width: 110,
      ...sortable('name'),
      render: (name: string, r) => (
        <Space size={4} wrap>
          <Typography.Link onClick={() => update({ resident: r.id })}>{name}</Typography.Link>
          {r.movedOutAt ? <Tag>{t('residents.movedOut')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'gender',
      title: t('residents.gender'),
      dataIndex: 'gender',
      width: 64,
      render: (g: Resident['gender']) => t(`gender.${g}`),
    },
    { key: 'age', title: t('residents.age'), dataIndex: 'age', width: 80, ...sortable('age') },
    {
      key: 'idCard',
      title: t('residents.idCard'),
      dataIndex: 'idCard',
      width: 190,
      render: (v: string | null) => <span className="ww-mono">{v ?? '—'}</span>,
    },
    {
      key: 'phone',
      title: t('residents.phone'),
      dataIndex: 'phone',
      width: 130,
      responsive: ['lg'],
      render: (v: string | null) => <span className="ww-mono">{v ?? '—'}</span>,
    },
    {
      key: 'address',
      title: t('residents.address'),
      dataIndex: 'address',
      ...sortable('address'),
      render: (v: string | null, r) =>
        r.householdId ? (
          <Link to={`/households/${r.householdId}`} onClick={(e) => e.stopPropagation()}>
            {v}
          </Link>
        ) : (
          (v ?? '—')
        ),
    },
    {
      key: 'grid',
      title: t('residents.gridName'),
      dataIndex: 'gridName',
      width: 140,
      ...sortable('grid'),
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'tags',
      title: t('residents.tags'),
      dataIndex: 'tags',
      render: (tags: Resident['tags']) => <ResidentTags tags={tags} />,
    },
    {
      title: t('residents.careLevel'),
      key: 'care',
      width: 100,
      render: (_, r) => <CareLevelTag level={topCareLevel(r.tags)} />,
    },
  ];

  const [residentColumns, setResidentColumns] = useColumnSettings('residents', allColumns);
  const householdColumns: ColumnsType<Household> = [
    {
      title: t('household.address'),
      dataIndex: 'address',
      render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link>,
    },
    {
      title: t('household.head'),
      dataIndex: 'headName',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('household.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: HouseholdKind) => t(`householdKind.${k}`),
    },
    {
      title: t('household.tenure'),
      dataIndex: 'tenure',
      width: 100,
      render: (v: Household['tenure']) => t(`tenure.${v}`),
    },
    { title: t('household.size'), dataIndex: 'size', width: 90 },
    { title: t('household.grid'), dataIndex: 'gridName', responsive: ['md'] },
  ];

  const residentRows = residents.data?.data ?? [];
  const householdRows = households.data?.data ?? [];
  const active = state.mode === 'residents' ? residents : households;
  const filter = state.mode === 'residents' ? state.residents : state.households;

  const totalText = (total: number) => t('common.total', { total: total.toLocaleString() });
  const pager = {
    current: filter.page,
    pageSize: filter.pageSize,
    total: active.data?.page.total ?? 0,
    onChange: (page: number, pageSize: number) =>
      update({ page: pageSize === filter.pageSize ? page : 1, pageSize }),
  };

  return (
    <>
      <PageHeader title={t('residents.title')} subtitle={t('residents.subtitle')} extra={headerActions} />
      <Card className="ww-filter-card" size="small">
        <Segmented<Mode>
          value={state.mode}
          onChange={(mode) =>
            update({ mode: mode === 'households' ? mode : undefined, q: undefined, resident: undefined })
          }
          options={[
            { value: 'residents', label: t('residents.modeResidents') },
            { value: 'households', label: t('residents.modeHouseholds') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="residents-mode"
        />
        <div className="ww-filters">
          {state.mode === 'residents' ? (
            <Input.Search
              allowClear
              value={search}
              placeholder={t(mobile ? 'residents.searchPlaceholderShort' : 'residents.searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(value) => update({ q: value.trim() })}
              enterButton={t('common.search')}
              className="ww-filter-search ww-filter-search-wide"
              data-testid="residents-search"
            />
          ) : (
            <Input.Search
              allowClear
              value={address}
              placeholder={t(mobile ? 'households.searchPlaceholderShort' : 'households.searchPlaceholder')}
              onChange={(e) => setAddress(e.target.value)}
              onSearch={(value) => update({ q: value.trim() })}
              enterButton={t('common.search')}
              className="ww-filter-search ww-filter-search-wide"
              data-testid="households-search"
            />
          )}
          {mobile ? (
            <Badge count={activeFilters} size="small">
              <Button
                icon={<FilterOutlined />}
                onClick={() => setFiltersOpen((open) => !open)}
                data-testid="residents-filters-toggle"
              >
                {t('residents.filters')}
              </Button>
            </Badge>
          ) : null}
          {showFilters ? (
            <>
              <TerritorySelect
                value={filter.territoryId}
                onChange={(territoryId) => update({ territoryId })}
                placeholder={t('residents.territoryFilter')}
                className="ww-filter-select"
                testId="residents-territory"
              />
              {state.mode === 'residents' ? (
                <>
                  <Select<KeyPopulationTag>
                    allowClear
                    value={state.residents.tag}
                    placeholder={t('residents.tagFilter')}
                    aria-label={t('residents.tagFilter')}
                    onChange={(tag) => update({ tag })}
                    options={keyPopulationTags.map((tag) => ({ value: tag, label: t(`keyTag.${tag}`) }))}
                    className="ww-filter-select"
                    data-testid="residents-tag"
                  />
                  <Space.Compact className="ww-filter-age">
                    <InputNumber
                      min={0}
                      max={130}
                      value={state.residents.ageFrom}
                      placeholder={t('residents.ageFrom')}
                      onChange={(v) => update({ ageFrom: v ?? undefined })}
                      aria-label={t('residents.ageFrom')}
                      data-testid="residents-age-from"
                    />
                    <InputNumber
                      min={0}
                      max={130}
                      value={state.residents.ageTo}
                      placeholder={t('residents.ageTo')}
                      onChange={(v) => update({ ageTo: v ?? undefined })}
                      aria-label={t('residents.ageTo')}
                      data-testid="residents-age-to"
                    />
                  </Space.Compact>
                  <Checkbox
                    checked={state.residents.includeMovedOut}
                    onChange={(e) => update({ includeMovedOut: e.target.checked })}
                    data-testid="residents-moved-out"
                  >
                    {t('residents.includeMovedOut')}
                  </Checkbox>
                </>
              ) : (
                <Select<HouseholdKind>
                  allowClear
                  value={state.households.kind}
                  placeholder={t('household.kind')}
                  aria-label={t('household.kind')}
                  onChange={(kind) => update({ kind })}
                  options={householdKinds.map((k) => ({ value: k, label: t(`householdKind.${k}`) }))}
                  className="ww-filter-select"
                />
              )}
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  setSearch('');
                  setAddress('');
                  setParams(state.mode === 'households' ? { mode: 'households' } : {});
                }}
              >
                {t('common.reset')}
              </Button>
            </>
          ) : null}
        </div>
        <Typography.Text type="secondary" className="ww-filter-note">
          {state.mode === 'residents' ? t('residents.searchNote') : t('households.searchNote')}
        </Typography.Text>
      </Card>
      {active.isError ? (
        <Alert type="error" showIcon title={active.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {mobile ? (
        <>
          {state.mode === 'residents' ? (
            <ResidentCards
              rows={residentRows}
              loading={residents.isFetching}
              onOpen={(id) => update({ resident: id })}
            />
          ) : (
            <HouseholdCards rows={householdRows} loading={households.isFetching} />
          )}
          <Typography.Text type="secondary" className="ww-mobile-total">
            {totalText(pager.total)}
          </Typography.Text>
          <Pagination simple align="center" {...pager} />
        </>
      ) : (
        <Card size="small">
          {state.mode === 'residents' ? (
            <Table<Resident>
              rowKey="id"
              size="middle"
              columns={residentColumns}
              dataSource={residentRows}
              loading={residents.isFetching}
              scroll={{ x: 1100 }}
              sticky={{ offsetHeader: 0 }}
              title={() => (
                <div className="ww-table-tools">
                  <ColumnSettings
                    columns={allColumns}
                    value={residentColumns}
                    onChange={setResidentColumns}
                  />
                </div>
              )}
              onChange={(_pagination, _filters, sorter, extra) => {
                if (extra.action !== 'sort' || Array.isArray(sorter)) return;
                const key = (sorter.order ? sorter.columnKey : undefined) as ResidentSort | undefined;
                update({
                  sort: key && key !== 'name' ? key : undefined,
                  order: sorter.order === 'descend' ? 'desc' : undefined,
                });
              }}
              onRow={(r) => ({ onClick: () => update({ resident: r.id }), className: 'ww-clickable-row' })}
              locale={{ emptyText: t('residents.empty') }}
              data-testid="residents-table"
              pagination={{
                ...pager,
                showSizeChanger: true,
                showTotal: totalText,
              }}
            />
          ) : (
            <Table<Household>
              rowKey="id"
              size="middle"
              columns={householdColumns}
              dataSource={householdRows}
              loading={households.isFetching}
              onRow={(h) => ({
                onClick: () => void navigate(`/households/${h.id}`),
                className: 'ww-clickable-row',
              })}
              locale={{ emptyText: t('households.empty') }}
              sticky={{ offsetHeader: 0 }}
              data-testid="households-table"
              pagination={{
                ...pager,
                showSizeChanger: true,
                showTotal: totalText,
              }}
            />
          )}
        </Card>
      )}
      <ResidentDrawer id={state.residentId} onClose={() => update({ resident: undefined })} />
      {canWrite ? <HouseholdCreateDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
