import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Grid,
  Input,
  Pagination,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { chinaDayEnd, chinaDayStart, formatDateTime } from '../../app/format.ts';
import { useI18n, type BiText } from '../../app/i18n.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAuditActors, useAuditLog, type AuditFilter, type AuditRow } from './api.ts';
import { useAuditLabelText } from './labels.ts';
import { changeLine, changeSummary } from './plain-words.ts';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';

const firstPage: AuditFilter = { page: 1, pageSize: 20 };

const actionColor: Record<string, string> = {
  auth: 'default',
  user: 'blue',
  personal: 'orange',
  territory: 'green',
  demo: 'purple',
};

type Pick = (text: BiText) => string;

/** The action's name from the server (its code when no module names it), coloured by its family. */
function ActionTag({ row, pick }: { row: AuditRow; pick: Pick }) {
  return (
    <Tag
      color={actionColor[row.action.split('.')[0] ?? ''] ?? 'default'}
      title={row.action}
      data-testid="audit-action"
    >
      {pick(row.actionLabel)}
    </Tag>
  );
}

/** Who: the account's name and roles, or a system actor ("系统（演示数据）"). */
function Actor({ row, pick }: { row: AuditRow; pick: Pick }) {
  const roles = row.actor.roles.map(pick).join(' / ');
  return (
    <span data-testid="audit-actor">
      {row.actor.kind === 'user' ? (
        pick(row.actor.name)
      ) : (
        <Typography.Text type="secondary">{pick(row.actor.name)}</Typography.Text>
      )}
      {roles ? <Typography.Text type="secondary"> · {roles}</Typography.Text> : null}
    </span>
  );
}

/** What: the object's type and name ("居民 王*明", "住户 3号楼1单元101室"). */
function Entity({ row, pick }: { row: AuditRow; pick: Pick }) {
  return (
    <span data-testid="audit-entity">
      <Typography.Text type="secondary">{pick(row.entityTypeLabel)}</Typography.Text>
      {row.entityName ? <> {row.entityName}</> : null}
    </span>
  );
}

/** Everything about one entry: who, what, when, from where, and each changed field as "label: old → new". */
function EntryDrawer({ row, onClose }: { row: AuditRow | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const mobile = Grid.useBreakpoint().md === false;
  const empty = t('audit.empty');
  return (
    <Drawer
      open={row !== null}
      afterOpenChange={focusOpenDrawer}
      onClose={onClose}
      size={mobile ? '100%' : 560}
      destroyOnHidden
      title={row ? pick(row.actionLabel) : null}
      data-testid="audit-drawer"
    >
      {row ? (
        <div className="ww-audit-detail" data-testid="audit-detail">
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'at', label: t('audit.at'), children: formatDateTime(row.at) },
              { key: 'actor', label: t('audit.actor'), children: <Actor row={row} pick={pick} /> },
              { key: 'action', label: t('audit.action'), children: <ActionTag row={row} pick={pick} /> },
              { key: 'entity', label: t('audit.entity'), children: <Entity row={row} pick={pick} /> },
              {
                key: 'territoryCode',
                label: t('audit.territoryCode'),
                children: row.territoryCode ? <span className="ww-mono">{row.territoryCode}</span> : '—',
              },
              { key: 'ip', label: t('audit.ip'), children: row.ip ?? '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('audit.changes')}
          </Typography.Title>
          {row.changeList.length ? (
            <div data-testid="audit-changes">
              <Descriptions
                size="small"
                column={1}
                bordered
                items={row.changeList.map((change) => {
                  const { label, value } = changeLine(change, pick, empty);
                  return {
                    key: change.field,
                    label: <span title={change.field}>{label}</span>,
                    children: <span className="ww-break">{value}</span>,
                  };
                })}
              />
            </div>
          ) : (
            <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>
          )}
          <Collapse
            size="small"
            ghost
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'technical',
                label: t('audit.technical'),
                children: (
                  <>
                    <Descriptions
                      size="small"
                      column={1}
                      items={[
                        {
                          key: 'action',
                          label: t('audit.actionCode'),
                          children: <span className="ww-mono">{row.action}</span>,
                        },
                        {
                          key: 'entityId',
                          label: t('audit.entityId'),
                          children: <span className="ww-mono">{row.entityId ?? '—'}</span>,
                        },
                        {
                          key: 'requestId',
                          label: t('audit.requestId'),
                          children: row.requestId ? (
                            <Typography.Text copyable className="ww-mono">
                              {row.requestId}
                            </Typography.Text>
                          ) : (
                            '—'
                          ),
                        },
                        {
                          key: 'ua',
                          label: t('audit.userAgent'),
                          children: <span className="ww-break">{row.userAgent ?? '—'}</span>,
                        },
                      ]}
                    />
                    {row.changes && Object.keys(row.changes).length ? (
                      <pre className="ww-json">{JSON.stringify(row.changes, null, 2)}</pre>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </div>
      ) : null}
    </Drawer>
  );
}

/** A phone shows each entry as a card; its details open in the drawer. */
function AuditCard({ row, onOpen }: { row: AuditRow; onOpen: () => void }) {
  const { t, pick } = useI18n();
  const summary = changeSummary(row.changeList, pick, t('audit.empty'));
  return (
    <Card
      size="small"
      className="ww-mobile-card"
      title={<ActionTag row={row} pick={pick} />}
      extra={<span className="ww-mono">{formatDateTime(row.at)}</span>}
    >
      <div className="ww-mobile-card-row">
        <span className="ww-mobile-card-label">{t('audit.actor')}</span>
        <Actor row={row} pick={pick} />
      </div>
      <div className="ww-mobile-card-row">
        <span className="ww-mobile-card-label">{t('audit.entity')}</span>
        <Entity row={row} pick={pick} />
      </div>
      {summary ? (
        <div className="ww-mobile-card-row">
          <span className="ww-mobile-card-label">{t('audit.changes')}</span>
          <span className="ww-break">{summary}</span>
        </div>
      ) : null}
      <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpen}>
        {t('audit.details')}
      </Button>
    </Card>
  );
}

/** The actor filter: accounts with entries the caller may read, found by part of their name. */
function ActorFilter({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const actors = useAuditActors(useDeferredValue(search.trim()));
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const options = (actors.data?.data ?? []).map((a) => ({
    value: a.id,
    label: `${a.name}（${a.username}）`,
  }));
  // The chosen account stays an option while another search runs, so the select keeps its name.
  if (picked && picked.value === value && !options.some((o) => o.value === picked.value)) {
    options.unshift(picked);
  }
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('audit.actor')}
      aria-label={t('audit.actor')}
      value={value}
      loading={actors.isFetching}
      notFoundContent={actors.isFetching ? t('audit.searching') : t('audit.noActor')}
      onChange={(id) => {
        setPicked(options.find((o) => o.value === id) ?? null);
        onChange(id);
      }}
      options={options}
      className="ww-filter-select"
      data-testid="audit-actor-filter"
    />
  );
}

/** Who did what to which object, when and from where, in plain words; each entry opens in a drawer. */
export function AuditPage() {
  const { t, pick } = useI18n();
  const labels = useAuditLabelText();
  const [filter, setFilter] = useState<AuditFilter>(firstPage);
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const log = useAuditLog(filter);
  const rows = log.data?.data ?? [];
  const mobile = Grid.useBreakpoint().md === false;
  const empty = t('audit.empty');

  const columns: ColumnsType<AuditRow> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => <span className="ww-mono">{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 170,
      render: (_, row) => <Actor row={row} pick={pick} />,
    },
    {
      title: t('audit.action'),
      key: 'action',
      width: 140,
      render: (_, row) => <ActionTag row={row} pick={pick} />,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 170,
      render: (_, row) => <Entity row={row} pick={pick} />,
    },
    {
      title: t('audit.changes'),
      key: 'changes',
      ellipsis: true,
      minWidth: 220,
      responsive: ['lg'],
      render: (_, row) => {
        const summary = changeSummary(row.changeList, pick, empty);
        return summary ? <span title={summary}>{summary}</span> : '—';
      },
    },
    {
      title: t('audit.territoryCode'),
      dataIndex: 'territoryCode',
      width: 150,
      responsive: ['xl'],
      render: (code: string | null) => (code ? <span className="ww-mono">{code}</span> : '—'),
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 130,
      responsive: ['xxl'],
      render: (ip: string | null) => ip ?? '—',
    },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setOpen(row)} data-testid="audit-open">
          {t('audit.details')}
        </Button>
      ),
    },
  ];

  const applyRange = (value: [Dayjs | null, Dayjs | null] | null) => {
    setRange(value);
    const [start, end] = value ?? [null, null];
    setFilter((f) => ({
      ...f,
      from: start ? chinaDayStart(start.format('YYYY-MM-DD')) : undefined,
      to: end ? chinaDayEnd(end.format('YYYY-MM-DD')) : undefined,
      page: 1,
    }));
  };

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card className="ww-filter-card" size="small">
        <div className="ww-filters">
          <Input.Search
            allowClear
            value={search}
            placeholder={t('audit.searchPlaceholder')}
            aria-label={t('audit.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => setFilter((f) => ({ ...f, q: value.trim() || undefined, page: 1 }))}
            enterButton={t('common.search')}
            className="ww-filter-search"
            data-testid="audit-search"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.action')}
            aria-label={t('audit.action')}
            value={filter.action}
            onChange={(action) => setFilter((f) => ({ ...f, action, page: 1 }))}
            options={labels.actionOptions}
            className="ww-filter-select"
            data-testid="audit-action-filter"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.entityType')}
            aria-label={t('audit.entityType')}
            value={filter.entityType}
            onChange={(entityType) => setFilter((f) => ({ ...f, entityType, page: 1 }))}
            options={labels.entityTypeOptions}
            className="ww-filter-select"
            data-testid="audit-entity-filter"
          />
          <ActorFilter
            value={filter.actorId}
            onChange={(actorId) => setFilter((f) => ({ ...f, actorId, page: 1 }))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => applyRange(value)}
            placeholder={[t('audit.startDate'), t('audit.endDate')]}
            allowEmpty={[true, true]}
            className="ww-filter-range"
            data-testid="audit-range"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setSearch('');
              setRange(null);
              setFilter(firstPage);
            }}
          >
            {t('common.reset')}
          </Button>
        </div>
        <Typography.Text type="secondary" className="ww-filter-note">
          {t('audit.timeZone')}
        </Typography.Text>
      </Card>
      {log.isError ? (
        <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {mobile ? (
        <div data-testid="audit-cards">
          {log.isPending ? (
            <Card size="small">
              <Skeleton active />
            </Card>
          ) : rows.length === 0 ? (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            </Card>
          ) : (
            rows.map((row) => <AuditCard key={row.id} row={row} onOpen={() => setOpen(row)} />)
          )}
          <Pagination
            simple
            align="center"
            current={filter.page}
            pageSize={filter.pageSize}
            total={log.data?.page.total ?? 0}
            onChange={(page) => setFilter((f) => ({ ...f, page }))}
          />
        </div>
      ) : (
        <Card size="small">
          <Table<AuditRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={log.isFetching}
            scroll={{ x: 1080 }}
            onRow={(row) => ({ onDoubleClick: () => setOpen(row) })}
            data-testid="audit-table"
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: log.data?.page.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) =>
                setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
            }}
          />
        </Card>
      )}
      <EntryDrawer row={open} onClose={() => setOpen(null)} />
    </>
  );
}
