import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Grid,
  Input,
  List,
  Pagination,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { useCan, useMe } from '../../app/session.ts';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  followUps,
  useComment,
  useEditVisitLog,
  useSetFollowUp,
  useVisitLog,
  useVisitLogs,
  useVisitLogTags,
  visitLogKinds,
  type FollowUp,
  type VisitLog,
  type VisitLogFilter,
  type VisitLogKind,
} from './api.ts';

export const kindColor: Record<VisitLogKind, string> = {
  need: 'blue',
  conflict: 'red',
  opinion: 'green',
  other: 'default',
};
export const followUpColor: Record<FollowUp, string> = {
  none: 'default',
  open: 'orange',
  in_progress: 'gold',
  done: 'green',
};

/** The visit logs inside the caller's scope: search the text, filter, open one in a drawer with its comments. */
export function VisitLogsPage() {
  const t = useT();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const canWrite = useCan('visitlog:write');
  // `?mine=true` (the workbench's "my logs") opens the list on the caller's own logs.
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<VisitLogFilter>({
    page: 1,
    pageSize: 20,
    ...(params.get('mine') === 'true' ? { mine: 'true' as const } : {}),
  });
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const logs = useVisitLogs(filter);
  const tags = useVisitLogTags();
  const update = (patch: Partial<VisitLogFilter>) => setFilter({ ...filter, ...patch, page: 1 });
  const tagOptions = [
    ...new Set([...(tags.data?.used ?? []).map((u) => u.tag), ...(tags.data?.suggested ?? [])]),
  ].map((tag) => ({ value: tag, label: tag }));
  const rows = logs.data?.data ?? [];
  const page = logs.data?.page;

  return (
    <>
      <PageHeader
        title={t('visitLogs.title')}
        subtitle={t('visitLogs.subtitle')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              data-testid="visit-logs-write"
              onClick={() => void navigate('/visit-logs/new')}
            >
              {t('visitLogs.write')}
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          className="ww-filter-search"
          data-testid="visit-logs-search"
          placeholder={t('visitLogs.search')}
          aria-label={t('visitLogs.search')}
          value={search}
          maxLength={40}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
        <Select<VisitLogKind>
          allowClear
          className="ww-filter-select"
          placeholder={t('visitLogs.filter.kind')}
          aria-label={t('visitLogs.filter.kind')}
          value={filter.kind}
          onChange={(kind) => update({ kind })}
          options={visitLogKinds.map((k) => ({ value: k, label: t(`visitLogs.kind.${k}`) }))}
        />
        <Select<string>
          allowClear
          showSearch
          className="ww-filter-select"
          data-testid="visit-logs-tag"
          placeholder={t('visitLogs.filter.tag')}
          aria-label={t('visitLogs.filter.tag')}
          value={filter.tag}
          onChange={(tag) => update({ tag })}
          options={tagOptions}
        />
        <Select<FollowUp>
          allowClear
          className="ww-filter-select"
          placeholder={t('visitLogs.filter.followUp')}
          aria-label={t('visitLogs.filter.followUp')}
          value={filter.followUp}
          onChange={(followUp) => update({ followUp })}
          options={followUps.map((f) => ({ value: f, label: t(`visitLogs.followUp.${f}`) }))}
        />
        <TerritorySelect
          value={filter.territoryId}
          onChange={(territoryId) => update({ territoryId })}
          placeholder={t('visitLogs.filter.place')}
          className="ww-filter-select"
        />
        <DatePicker.RangePicker
          className="ww-filter-range"
          aria-label={t('visitLogs.filter.period')}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            update({
              from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
        {canWrite ? (
          <Checkbox
            checked={filter.mine === 'true'}
            onChange={(e) => update({ mine: e.target.checked ? 'true' : undefined })}
          >
            {t('visitLogs.filter.mine')}
          </Checkbox>
        ) : null}
      </Space>
      {page ? (
        <Typography.Paragraph type="secondary" data-testid="visit-logs-total">
          {t('visitLogs.total', { n: page.total })}
          {page.totalCapped ? t('visitLogs.capped') : ''}
        </Typography.Paragraph>
      ) : null}
      {mobile ? (
        <>
          <List
            loading={logs.isFetching}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t('visitLogs.empty')} /> }}
            renderItem={(log) => (
              <Card
                size="small"
                className="ww-mobile-card"
                onClick={() => setOpen(log.id)}
                data-testid="visit-log-card"
                title={
                  <Space size={4}>
                    <Tag color={kindColor[log.kind]}>{t(`visitLogs.kind.${log.kind}`)}</Tag>
                    {log.occurredOn}
                  </Space>
                }
                extra={
                  <Tag color={followUpColor[log.followUp]}>{t(`visitLogs.followUp.${log.followUp}`)}</Tag>
                }
              >
                <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 4 }}>
                  {log.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {log.placeName} · {log.authorName}
                  {log.comments ? ` · ${t('visitLogs.comments', { n: log.comments })}` : ''}
                </Typography.Text>
              </Card>
            )}
          />
          <Pagination
            simple
            current={filter.page}
            pageSize={filter.pageSize}
            total={page?.total ?? 0}
            onChange={(p) => setFilter({ ...filter, page: p })}
          />
        </>
      ) : (
        <Table<VisitLog>
          rowKey="id"
          size="middle"
          loading={logs.isFetching}
          dataSource={rows}
          locale={{ emptyText: t('visitLogs.empty') }}
          onRow={(log) => ({ onClick: () => setOpen(log.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: page?.total ?? 0,
            onChange: (p, pageSize) => setFilter({ ...filter, page: p, pageSize }),
          }}
          columns={[
            { title: t('visitLogs.col.day'), dataIndex: 'occurredOn', width: 110 },
            {
              title: t('visitLogs.col.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: VisitLogKind) => (
                <Tag color={kindColor[kind]}>{t(`visitLogs.kind.${kind}`)}</Tag>
              ),
            },
            {
              title: t('visitLogs.col.text'),
              key: 'text',
              render: (_, log) => (
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {log.text}
                  </Typography.Paragraph>
                  {log.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                  {log.comments ? (
                    <Tag color="purple">{t('visitLogs.comments', { n: log.comments })}</Tag>
                  ) : null}
                </>
              ),
            },
            { title: t('visitLogs.col.place'), dataIndex: 'placeName', width: 160 },
            { title: t('visitLogs.col.author'), dataIndex: 'authorName', width: 110 },
            {
              title: t('visitLogs.col.followUp'),
              dataIndex: 'followUp',
              width: 100,
              render: (f: FollowUp) => <Tag color={followUpColor[f]}>{t(`visitLogs.followUp.${f}`)}</Tag>,
            },
          ]}
        />
      )}
      <LogDrawer id={open} onClose={() => setOpen(null)} t={t} mobile={mobile} />
    </>
  );
}

/** One log with its households and comments: comment, set the follow-up, edit one's own. */
function LogDrawer({
  id,
  onClose,
  t,
  mobile,
}: {
  id: string | null;
  onClose: () => void;
  t: Translate;
  mobile: boolean;
}) {
  const { message } = App.useApp();
  const log = useVisitLog(id);
  const canComment = useCan('visitlog:comment');
  const me = useMe().data;
  const comment = useComment();
  const setFollowUp = useSetFollowUp();
  const edit = useEditVisitLog();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const data = log.data;
  const onError = (error: Error) => void message.error(error.message);
  // The author or a supervisor who may comment (the server checks the supervisor's scope).
  const mayFollowUp = Boolean(data && (canComment || (me && data.authorUserId === me.id)));
  return (
    <Drawer
      open={Boolean(id)}
      afterOpenChange={focusOpenDrawer}
      onClose={() => {
        setEditing(null);
        onClose();
      }}
      title={t('visitLogs.detail')}
      size={mobile ? '100%' : 560}
      destroyOnHidden
      loading={log.isPending && Boolean(id)}
      data-testid="visit-log-drawer"
    >
      {data ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={kindColor[data.kind]}>{t(`visitLogs.kind.${data.kind}`)}</Tag>
            <span>{data.occurredOn}</span>
            {data.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
          {editing !== null ? (
            <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
              <Input.TextArea
                aria-label={t('visitLogs.form.text')}
                value={editing}
                maxLength={2000}
                autoSize={{ minRows: 4 }}
                onChange={(e) => setEditing(e.target.value)}
              />
              <Space>
                <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
                <Button
                  type="primary"
                  loading={edit.isPending}
                  onClick={() =>
                    edit.mutate(
                      { id: data.id, text: editing },
                      {
                        onSuccess: () => {
                          setEditing(null);
                          void message.success(t('visitLogs.saved'));
                        },
                        onError,
                      },
                    )
                  }
                >
                  {t('common.save')}
                </Button>
              </Space>
            </Space>
          ) : (
            <Typography.Paragraph data-testid="visit-log-text" style={{ whiteSpace: 'pre-wrap' }}>
              {data.text}
            </Typography.Paragraph>
          )}
          {data.editable && editing === null ? (
            <Button size="small" onClick={() => setEditing(data.text)} title={t('visitLogs.editHint')}>
              {t('visitLogs.edit')}
            </Button>
          ) : null}
          <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('visitLogs.place')}>{data.placeName}</Descriptions.Item>
            {data.households.length ? (
              <Descriptions.Item label={t('visitLogs.households')}>
                {data.households.map((h) => h.address).join('、')}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('visitLogs.author')}>{data.authorName}</Descriptions.Item>
            <Descriptions.Item label={t('visitLogs.written')}>
              {formatDateTime(data.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('visitLogs.setFollowUp')}>
              {mayFollowUp ? (
                <Select<FollowUp>
                  size="small"
                  style={{ width: 140 }}
                  aria-label={t('visitLogs.setFollowUp')}
                  data-testid="visit-log-follow-up"
                  value={data.followUp}
                  loading={setFollowUp.isPending}
                  onChange={(followUp) => setFollowUp.mutate({ id: data.id, followUp }, { onError })}
                  options={followUps.map((f) => ({ value: f, label: t(`visitLogs.followUp.${f}`) }))}
                />
              ) : (
                <Tag color={followUpColor[data.followUp]}>{t(`visitLogs.followUp.${data.followUp}`)}</Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('visitLogs.commentList')}
          </Typography.Title>
          <List
            size="small"
            dataSource={data.commentList}
            locale={{ emptyText: t('visitLogs.noComments') }}
            renderItem={(c) => (
              <List.Item data-testid="visit-log-comment">
                <List.Item.Meta
                  title={`${c.authorName} · ${formatDateTime(c.createdAt)}`}
                  description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.text}</span>}
                />
              </List.Item>
            )}
          />
          {canComment ? (
            <Space.Compact style={{ width: '100%', marginTop: 12 }}>
              <Input.TextArea
                aria-label={t('visitLogs.commentPlaceholder')}
                placeholder={t('visitLogs.commentPlaceholder')}
                data-testid="visit-log-comment-input"
                value={draft}
                maxLength={1000}
                autoSize={{ minRows: 2 }}
                onChange={(e) => setDraft(e.target.value)}
              />
              <Button
                type="primary"
                data-testid="visit-log-comment-send"
                loading={comment.isPending}
                disabled={!draft.trim()}
                onClick={() =>
                  comment.mutate(
                    { id: data.id, text: draft.trim() },
                    {
                      onSuccess: () => {
                        setDraft('');
                        void message.success(t('visitLogs.commented'));
                      },
                      onError,
                    },
                  )
                }
              >
                {t('visitLogs.commentSend')}
              </Button>
            </Space.Compact>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
