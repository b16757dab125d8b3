import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
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
import { useState } from 'react';
import { chinaDayEnd, chinaDayStart, formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRoleCatalogue, type RoleInfo } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useAuditLog, type AuditFilter, type AuditRow } from './api.ts';
import { useAuditLabelText, type AuditLabelText } from './labels.ts';

const firstPage: AuditFilter = { page: 1, pageSize: 20 };

const actionColor: Record<string, string> = {
  auth: 'default',
  user: 'blue',
  personal: 'orange',
  territory: 'green',
  demo: 'purple',
};

function roleNames(
  codes: string | null,
  catalogue: RoleInfo[],
  pick: (text: { zh: string; en: string }) => string,
) {
  if (!codes) return '';
  return codes
    .split(',')
    .map((code) => {
      const role = catalogue.find((r) => r.code === code);
      return role ? pick(role.name) : code;
    })
    .join(' / ');
}

function RowDetail({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  return (
    <div className="ww-audit-detail" data-testid="audit-detail">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
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
          { key: 'ip', label: t('audit.ip'), children: row.ip ?? '—' },
          {
            key: 'ua',
            label: t('audit.userAgent'),
            children: <span className="ww-break">{row.userAgent ?? '—'}</span>,
          },
        ]}
      />
      <Typography.Text strong>{t('audit.changes')}</Typography.Text>
      {row.changes && Object.keys(row.changes).length ? (
        <pre className="ww-json" data-testid="audit-changes">
          {JSON.stringify(row.changes, null, 2)}
        </pre>
      ) : (
        <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>
      )}
    </div>
  );
}

/** The action's name from the server, or its code for an action it does not name. */
function ActionTag({ action, labels }: { action: string; labels: AuditLabelText }) {
  return (
    <Tag
      color={actionColor[action.split('.')[0] ?? ''] ?? 'default'}
      title={action}
      data-testid="audit-action"
    >
      {labels.action(action)}
    </Tag>
  );
}

/** A phone shows each row as a card; the details open in place. */
function AuditCard({ row, roles, labels }: { row: AuditRow; roles: string; labels: AuditLabelText }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      className="ww-mobile-card"
      title={<ActionTag action={row.action} labels={labels} />}
      extra={<span className="ww-mono">{formatDateTime(row.at)}</span>}
    >
      <div className="ww-mobile-card-row">
        <span className="ww-mobile-card-label">{t('audit.actor')}</span>
        <span>
          {row.actorName ?? t('audit.system')}
          {roles ? <Typography.Text type="secondary"> · {roles}</Typography.Text> : null}
        </span>
      </div>
      <div className="ww-mobile-card-row">
        <span className="ww-mobile-card-label">{t('audit.entity')}</span>
        <span>
          {labels.entityType(row.entityType)}
          {row.territoryCode ? (
            <Typography.Text type="secondary"> · {row.territoryCode}</Typography.Text>
          ) : null}
        </span>
      </div>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen((o) => !o)}>
        {open ? t('audit.hideDetails') : t('audit.details')}
      </Button>
      {open ? <RowDetail row={row} /> : null}
    </Card>
  );
}

/** Who did what, when and from where; rows open to show the changed fields. */
export function AuditPage() {
  const { t, pick } = useI18n();
  const catalogue = useRoleCatalogue().data ?? [];
  const labels = useAuditLabelText();
  const [filter, setFilter] = useState<AuditFilter>(firstPage);
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useAuditLog(filter);
  const rows = log.data?.data ?? [];
  const mobile = Grid.useBreakpoint().md === false;

  const columns: ColumnsType<AuditRow> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => <span className="ww-mono">{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 130,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.actorRole'),
      dataIndex: 'actorRole',
      width: 130,
      responsive: ['md'],
      render: (codes: string | null) => roleNames(codes, catalogue, pick) || '—',
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => <ActionTag action={action} labels={labels} />,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 150,
      render: (_, row) => (
        <span title={row.entityId ?? undefined}>
          {labels.entityType(row.entityType)}
          {row.entityId ? (
            <Typography.Text type="secondary"> #{row.entityId.slice(-8)}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('audit.territoryCode'),
      dataIndex: 'territoryCode',
      width: 150,
      responsive: ['lg'],
      render: (code: string | null) => (code ? <span className="ww-mono">{code}</span> : '—'),
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 130,
      responsive: ['lg'],
      render: (ip: string | null) => ip ?? '—',
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      ellipsis: true,
      responsive: ['xl'],
      render: (id: string | null) => (id ? <span className="ww-mono">{id}</span> : '—'),
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
            value={filter.action}
            onChange={(action) => setFilter((f) => ({ ...f, action, page: 1 }))}
            options={labels.actionOptions}
            className="ww-filter-select"
            data-testid="audit-action-filter"
          />
          <Select<string>
            allowClear
            placeholder={t('audit.entityType')}
            value={filter.entityType}
            onChange={(entityType) => setFilter((f) => ({ ...f, entityType, page: 1 }))}
            options={labels.entityTypeOptions}
            className="ww-filter-select"
            data-testid="audit-entity-filter"
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
            rows.map((row) => (
              <AuditCard
                key={row.id}
                row={row}
                roles={roleNames(row.actorRole, catalogue, pick)}
                labels={labels}
              />
            ))
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
            scroll={{ x: 800 }}
            expandable={{ expandedRowRender: (row) => <RowDetail row={row} /> }}
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
    </>
  );
}
