import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Progress,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { HouseholdVisitsDrawer } from './household-visits.tsx';
import {
  coverageStates,
  useCloseRound,
  useRound,
  useRoundHouseholds,
  useRoundProgress,
  type HouseholdFilter,
  type Round,
  type RoundHousehold,
  type RoundProgress,
} from './api.ts';

const stateColor: Record<RoundHousehold['state'], string> = {
  pending: 'default',
  met: 'green',
  documented: 'blue',
  attempted: 'gold',
};

const percent = (share: number) => Math.floor(share * 1000) / 10;

/** One round: its facts, live progress per community / grid / visitor, its households, and closing it. */
export function RoundPage() {
  const t = useT();
  const { id = '' } = useParams();
  const round = useRound(id);
  const progress = useRoundProgress(id, round.data?.status === 'open');
  const canManage = useCan('round:manage');
  const [closing, setClosing] = useState(false);
  if (round.error) return <Alert type="error" showIcon title={round.error.message} />;
  if (!round.data) return <Skeleton active />;
  const r = round.data;
  return (
    <div>
      <PageHeader
        title={r.name}
        subtitle={`${r.territoryName} · ${r.startsOn} ~ ${r.endsOn}`}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void progress.refetch()}>
              {t('rounds.refresh')}
            </Button>
            {canManage && r.status === 'open' ? (
              <Button danger onClick={() => setClosing(true)} data-testid="round-close">
                {t('rounds.close')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={24} align="center">
          <Statistic
            title={t('rounds.detail.overall')}
            value={percent(r.coverage.share)}
            suffix="%"
            data-testid="round-coverage"
          />
          <div style={{ minWidth: 220, flex: 1 }}>
            <Progress percent={percent(r.coverage.share)} aria-label={t('rounds.detail.overall')} />
            <div>
              {t('rounds.coverageText', { c: r.coverage.covered, n: r.coverage.households })} ·{' '}
              {t('rounds.detail.visited', { n: r.coverage.visited })}
            </div>
          </div>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('rounds.col.status')}>
            <Tag color={r.status === 'open' ? 'processing' : 'default'}>{t(`rounds.status.${r.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('rounds.detail.scope')}>{r.territoryName}</Descriptions.Item>
          {r.purpose ? (
            <Descriptions.Item label={t('rounds.detail.purpose')}>{r.purpose}</Descriptions.Item>
          ) : null}
          {r.checklist.length ? (
            <Descriptions.Item label={t('rounds.detail.checklist')}>
              {r.checklist.map((c) => c.text).join('；')}
            </Descriptions.Item>
          ) : null}
          {r.closedAt ? (
            <Descriptions.Item label={t('rounds.detail.closedAt')}>
              {formatDateTime(r.closedAt)}
            </Descriptions.Item>
          ) : null}
          {r.closeReason ? (
            <Descriptions.Item label={t('rounds.detail.closeReason')}>{r.closeReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'progress',
            label: t('rounds.tab.progress'),
            children: <ProgressTables progress={progress.data} loading={progress.isPending} />,
          },
          {
            key: 'households',
            label: t('rounds.tab.households'),
            children: <HouseholdTable round={r} grids={progress.data?.grids ?? []} />,
          },
        ]}
      />
      {closing ? <CloseModal round={r} close={() => setClosing(false)} /> : null}
    </div>
  );
}

type Row = RoundProgress['communities'][number];

function ProgressTables({ progress, loading }: { progress: RoundProgress | undefined; loading: boolean }) {
  const t = useT();
  const coverageColumns = (nameTitle: string): ColumnsType<Row> => [
    { title: nameTitle, dataIndex: 'name' },
    { title: t('rounds.col.households'), dataIndex: 'households', align: 'right' },
    { title: t('rounds.col.visited'), dataIndex: 'visited', align: 'right' },
    { title: t('rounds.col.covered'), dataIndex: 'covered', align: 'right' },
    {
      title: t('rounds.col.coverage'),
      dataIndex: 'share',
      width: 220,
      sorter: (a, b) => a.share - b.share,
      render: (share: number, row) => (
        <Progress
          percent={percent(share)}
          size="small"
          aria-label={`${row.name} ${t('rounds.col.coverage')}`}
        />
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('rounds.progress.communities')}>
        <Table
          rowKey="code"
          size="small"
          loading={loading}
          dataSource={progress?.communities ?? []}
          columns={coverageColumns(t('rounds.col.community'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="round-communities"
        />
      </Card>
      <Card size="small" title={t('rounds.progress.grids')}>
        <Table
          rowKey="code"
          size="small"
          loading={loading}
          dataSource={progress?.grids ?? []}
          columns={coverageColumns(t('rounds.col.grid'))}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          data-testid="round-grids"
        />
      </Card>
      <Card size="small" title={t('rounds.progress.people')}>
        <Table
          rowKey={(p) => `${p.userId ?? ''}:${p.name}`}
          size="small"
          loading={loading}
          dataSource={progress?.people ?? []}
          columns={[
            { title: t('rounds.col.person'), dataIndex: 'name' },
            { title: t('rounds.col.visits'), dataIndex: 'visits', align: 'right' },
            { title: t('rounds.col.visitedHouseholds'), dataIndex: 'households', align: 'right' },
          ]}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          data-testid="round-people"
        />
      </Card>
    </Space>
  );
}

function HouseholdTable({ round, grids }: { round: Round; grids: RoundProgress['grids'] }) {
  const t = useT();
  const [filter, setFilter] = useState<HouseholdFilter>({ page: 1, pageSize: 50 });
  const [search, setSearch] = useState('');
  const households = useRoundHouseholds(round.id, filter);
  const [shown, setShown] = useState<RoundHousehold | null>(null);
  const columns: ColumnsType<RoundHousehold> = [
    {
      title: t('rounds.col.address'),
      key: 'address',
      render: (_, h) =>
        `${h.compound ? `${h.compound} ` : ''}${h.buildingName} ${t('rounds.unitRoom', { unit: h.unitNumber, room: h.room })}`,
    },
    { title: t('rounds.col.grid'), dataIndex: 'gridName' },
    {
      title: t('rounds.col.head'),
      key: 'head',
      render: (_, h) => h.members[0]?.name ?? '—',
    },
    {
      title: t('rounds.col.state'),
      dataIndex: 'state',
      render: (s: RoundHousehold['state']) => <Tag color={stateColor[s]}>{t(`rounds.state.${s}`)}</Tag>,
    },
    {
      title: t('rounds.col.visits'),
      dataIndex: 'visits',
      align: 'right',
      render: (n: number, h) =>
        n > 0 ? (
          <Button
            type="link"
            size="small"
            data-testid="round-household-visits-open"
            aria-label={t('rounds.visits.open', { room: h.room })}
            onClick={() => setShown(h)}
          >
            {n}
          </Button>
        ) : (
          n
        ),
    },
    {
      title: t('rounds.col.lastVisit'),
      key: 'last',
      render: (_, h) =>
        h.lastVisitedAt
          ? `${formatDateTime(h.lastVisitedAt)} ${h.lastOutcome ? t(`rounds.outcome.${h.lastOutcome}`) : ''}`
          : '—',
    },
  ];
  return (
    <div>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 180 }}
          placeholder={t('rounds.filter.grid')}
          aria-label={t('rounds.filter.grid')}
          value={filter.gridId}
          onChange={(gridId?: string) => setFilter((f) => ({ ...f, gridId, page: 1 }))}
          options={grids.map((g) => ({ value: g.id, label: g.name }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('rounds.filter.state')}
          aria-label={t('rounds.filter.state')}
          value={filter.state}
          onChange={(state?: HouseholdFilter['state']) => setFilter((f) => ({ ...f, state, page: 1 }))}
          options={[...coverageStates, 'covered' as const].map((s) => ({
            value: s,
            label: t(`rounds.state.${s}`),
          }))}
          data-testid="round-households-state"
        />
        <Input.Search
          allowClear
          style={{ maxWidth: 260 }}
          placeholder={t('rounds.filter.q')}
          aria-label={t('rounds.filter.q')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
        />
      </Flex>
      {households.error ? <Alert type="error" showIcon title={households.error.message} /> : null}
      <Table
        rowKey="householdId"
        size="small"
        loading={households.isFetching}
        dataSource={households.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid="round-households"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: households.data?.page.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
      <HouseholdVisitsDrawer roundId={round.id} household={shown} close={() => setShown(null)} />
    </div>
  );
}

/** Closing: at once when every household is covered; otherwise the server's 409 says how many are not, and a reason is needed. */
function CloseModal({ round, close }: { round: Round; close: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const closeRound = useCloseRound();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () =>
    closeRound.mutate(
      { id: round.id, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('rounds.closed'));
          close();
        },
        onError: (error) =>
          setProblem(
            error instanceof ApiError && error.details.length
              ? error.details.map((d) => d.message).join('；')
              : error.message,
          ),
      },
    );
  return (
    <Modal
      open
      title={t('rounds.closeTitle')}
      onCancel={close}
      onOk={submit}
      okButtonProps={{ danger: true }}
      confirmLoading={closeRound.isPending}
    >
      <p>{t('rounds.closeHint')}</p>
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem}
          style={{ marginBottom: 12 }}
          data-testid="round-close-error"
        />
      ) : null}
      <Input.TextArea
        aria-label={t('rounds.closeReason')}
        placeholder={t('rounds.closeReasonPlaceholder')}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="round-close-reason"
      />
    </Modal>
  );
}
