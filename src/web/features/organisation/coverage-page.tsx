import { Alert, Card, Flex, InputNumber, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT, type Translate } from '../../app/i18n.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { useCoverage, type Coverage } from './api.ts';
import './organisation.css';

type ListKey =
  | 'buildingsWithoutLeader'
  | 'gridsWithoutWorker'
  | 'gridsWithoutBranch'
  | 'branchesWithoutSecretary'
  | 'termsExpiring'
  | 'workersOverLoad';

const LISTS: ListKey[] = [
  'buildingsWithoutLeader',
  'gridsWithoutWorker',
  'gridsWithoutBranch',
  'branchesWithoutSecretary',
  'termsExpiring',
  'workersOverLoad',
];

type Row<K extends ListKey> = Coverage[K]['rows'][number];

function columnsOf(key: ListKey, t: Translate): ColumnsType<never> {
  const gridLink = (name: string | null, row: { id?: string; gridCode?: string }) =>
    name ?? row.gridCode ?? '—';
  switch (key) {
    case 'buildingsWithoutLeader':
      return [
        { title: t('organisation.building'), dataIndex: 'name' },
        { title: t('organisation.code'), dataIndex: 'code' },
        { title: t('organisation.grid'), dataIndex: 'gridName', render: gridLink },
        { title: t('organisation.households'), dataIndex: 'households', align: 'right' },
        {
          key: 'actions',
          render: (_: unknown, row: Row<'buildingsWithoutLeader'>) => (
            <Link to={`/buildings/${row.id}/cards`}>{t('organisation.cards')}</Link>
          ),
        },
      ] as ColumnsType<never>;
    case 'gridsWithoutWorker':
    case 'gridsWithoutBranch':
      return [
        { title: t('organisation.grid'), dataIndex: 'name' },
        { title: t('organisation.code'), dataIndex: 'code' },
        {
          key: 'actions',
          render: (_: unknown, row: Row<'gridsWithoutWorker'>) => (
            <Link to={`/territories/${row.id}/fact-sheet`}>{t('organisation.factSheet')}</Link>
          ),
        },
      ] as ColumnsType<never>;
    case 'branchesWithoutSecretary':
      return [
        { title: t('organisation.branch'), dataIndex: 'name' },
        { title: t('organisation.code'), dataIndex: 'communityCode' },
      ] as ColumnsType<never>;
    case 'termsExpiring':
      return [
        { title: t('organisation.building'), dataIndex: 'buildingName' },
        { title: t('organisation.grid'), dataIndex: 'gridName', render: gridLink },
        { title: t('organisation.leader'), dataIndex: 'personName' },
        { title: t('organisation.endsOn'), dataIndex: 'endsOn' },
        {
          title: t('organisation.reminded'),
          dataIndex: 'reminded',
          render: (reminded: boolean) =>
            reminded ? (
              <Tag color="green">{t('organisation.reminded')}</Tag>
            ) : (
              <Tag>{t('organisation.notReminded')}</Tag>
            ),
        },
      ] as ColumnsType<never>;
    case 'workersOverLoad':
      return [
        { title: t('organisation.worker'), dataIndex: 'name' },
        { title: t('organisation.load'), dataIndex: 'load', align: 'right' },
        {
          title: t('organisation.grids'),
          dataIndex: 'grids',
          render: (grids: Row<'workersOverLoad'>['grids']) =>
            grids.map((g) => `${g.name}（${g.households.toLocaleString()}）`).join('、'),
        },
      ] as ColumnsType<never>;
  }
}

function rowKey(row: { id?: string; personId?: string }) {
  return row.id ?? row.personId ?? '';
}

/**
 * The coverage board: what is missing where, today — buildings without a leader, grids without a worker or a
 * branch, branches without a secretary, leaders' terms ending soon, overloaded workers — each a list to act on.
 */
export function CoveragePage() {
  const t = useT();
  const [territoryId, setTerritoryId] = useState<string>();
  const [maxLoad, setMaxLoad] = useState<number>();
  const [active, setActive] = useState<ListKey>('buildingsWithoutLeader');
  const board = useCoverage(territoryId, maxLoad);
  const data = board.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="coverage-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('organisation.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">{t('organisation.asOf', { day: data.asOf })}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          <TerritorySelect
            value={territoryId}
            onChange={setTerritoryId}
            placeholder={t('organisation.place')}
            className="ww-org-place"
            testId="coverage-place"
          />
          <InputNumber
            min={1}
            max={100000}
            value={maxLoad ?? data?.maxLoad}
            onChange={(v) => setMaxLoad(v ?? undefined)}
            addonBefore={t('organisation.maxLoad')}
            aria-label={t('organisation.maxLoad')}
          />
        </Space>
      </Flex>
      {board.isError && <Alert type="error" showIcon title={board.error.message} />}
      {board.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {data && (
        <>
          <div className="ww-org-stats">
            {LISTS.map((key) => (
              <button
                type="button"
                key={key}
                className={`ww-org-stat${active === key ? ' ww-org-stat-active' : ''}${data[key].total ? ' ww-org-stat-gap' : ''}`}
                onClick={() => setActive(key)}
                data-testid={`coverage-${key}`}
              >
                <span className="ww-org-stat-value">{data[key].total.toLocaleString()}</span>
                <span className="ww-org-stat-label">
                  {t(`organisation.${key}`, { days: data.expiringWithinDays })}
                </span>
              </button>
            ))}
          </div>
          <Card size="small">
            <Tabs
              activeKey={active}
              onChange={(key) => setActive(key as ListKey)}
              items={LISTS.map((key) => ({
                key,
                label: `${t(`organisation.${key}`, { days: data.expiringWithinDays })}（${data[key].total.toLocaleString()}）`,
                children: (
                  <Table<never>
                    rowKey={rowKey}
                    size="small"
                    columns={columnsOf(key, t)}
                    dataSource={data[key].rows as never[]}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                    locale={{ emptyText: t('organisation.allCovered') }}
                    footer={
                      data[key].total > data[key].rows.length
                        ? () =>
                            t('organisation.shownOf', {
                              shown: data[key].rows.length,
                              total: data[key].total,
                            })
                        : undefined
                    }
                    scroll={{ x: 560 }}
                    data-testid={`coverage-list-${key}`}
                  />
                ),
              }))}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
