import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ChatModal } from './chat-modal.tsx';
import {
  leaderTags,
  nominations,
  termStatuses,
  useBuildingOptions,
  useBuildingResidents,
  useEndTerm,
  useNominate,
  useRenewTerm,
  useReview,
  useTerms,
  useWithdraw,
  type LeaderTag,
  type LeaderTerm,
  type Nomination,
  type TermFilter,
  type TermStatus,
} from './api.ts';

const statusColor: Record<TermStatus, string> = {
  submitted: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** Days from today (in the browser's calendar) to an ISO day. */
function daysUntil(day: string): number {
  const today = new Date();
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.parse(`${day}T00:00:00Z`) - start) / 86_400_000);
}

/** The community's list of building leader terms: filter, nominate, approve or reject, renew, end, withdraw. */
export function LeadersPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canWrite = useCan('leader:write');
  const canReview = useCan('leader:review');
  const canChat = useCan('leader:chat');
  const [chatOf, setChatOf] = useState<string | null>(null);
  const [filter, setFilter] = useState<TermFilter>({ page: 1, pageSize: 20 });
  const terms = useTerms(filter);
  const review = useReview();
  const end = useEndTerm();
  const renew = useRenewTerm();
  const withdraw = useWithdraw();
  const [nominating, setNominating] = useState(false);

  const showOpened = (opened: { username: string; password: string } | null | undefined) => {
    if (opened) modal.info({ title: t('leaders.openedTitle'), content: t('leaders.opened', opened) });
  };
  const onError = (error: Error) => void message.error(error.message);

  /** Asks for a reason, then runs `act` with it. */
  const withReason = (title: string, act: (reason: string) => Promise<unknown>) => {
    let reason = '';
    modal.confirm({
      title,
      content: (
        <Input.TextArea
          data-testid="leaders-reason"
          maxLength={500}
          placeholder={t('leaders.reason')}
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      onOk: async () => {
        if (!reason.trim()) {
          void message.warning(t('leaders.reasonRequired'));
          throw new Error('reason');
        }
        await act(reason.trim()).catch((error: Error) => {
          onError(error);
          throw error;
        });
      },
    });
  };

  const actions = (term: LeaderTerm) => {
    const buttons = [];
    if (term.status === 'submitted' && canReview) {
      buttons.push(
        <Button
          key="approve"
          size="small"
          type="link"
          onClick={() =>
            review.mutate(
              { id: term.id, decision: 'approve' },
              { onSuccess: (r) => showOpened(r.opened), onError },
            )
          }
        >
          {t('leaders.approve')}
        </Button>,
        <Button
          key="reject"
          size="small"
          type="link"
          danger
          onClick={() =>
            withReason(t('leaders.reject'), (reason) =>
              review.mutateAsync({ id: term.id, decision: 'reject', reason }),
            )
          }
        >
          {t('leaders.reject')}
        </Button>,
      );
    }
    if (term.status === 'submitted' && canWrite) {
      buttons.push(
        <Button key="withdraw" size="small" type="link" onClick={() => withdraw.mutate(term.id, { onError })}>
          {t('leaders.withdraw')}
        </Button>,
      );
    }
    if (term.status === 'approved' && !term.endedAt && canReview) {
      // A term renewed already (its renewal submitted or approved) offers no second renewal.
      if (term.renewed) {
        buttons.push(
          <Tag key="renewed" color="green">
            {t('leaders.renewed')}
          </Tag>,
        );
      } else {
        buttons.push(
          <Button
            key="renew"
            size="small"
            type="link"
            onClick={() => renew.mutate(term.id, { onSuccess: (r) => showOpened(r.opened), onError })}
          >
            {t('leaders.renew')}
          </Button>,
        );
      }
      if (term.active) {
        buttons.push(
          <Button
            key="end"
            size="small"
            type="link"
            danger
            onClick={() => withReason(t('leaders.end'), (reason) => end.mutateAsync({ id: term.id, reason }))}
          >
            {t('leaders.end')}
          </Button>,
        );
      }
    }
    return <Space size={0}>{buttons}</Space>;
  };

  return (
    <>
      <PageHeader
        title={t('leaders.title')}
        subtitle={t('leaders.subtitle')}
        extra={
          canWrite ? (
            <Button type="primary" data-testid="leaders-nominate" onClick={() => setNominating(true)}>
              {t('leaders.nominate')}
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('leaders.filter.status')}
          aria-label={t('leaders.filter.status')}
          value={filter.status}
          onChange={(status?: TermStatus) => setFilter({ ...filter, status, page: 1 })}
          options={termStatuses.map((s) => ({ value: s, label: t(`leaders.status.${s}`) }))}
        />
        <Checkbox
          checked={filter.active === 'true'}
          onChange={(e) => setFilter({ ...filter, active: e.target.checked ? 'true' : undefined, page: 1 })}
        >
          {t('leaders.filter.active')}
        </Checkbox>
        <Checkbox
          data-testid="leaders-expiring"
          checked={filter.expiringWithin !== undefined}
          onChange={(e) =>
            setFilter({ ...filter, expiringWithin: e.target.checked ? 30 : undefined, page: 1 })
          }
        >
          {t('leaders.filter.expiring')}
        </Checkbox>
      </Space>
      <Table<LeaderTerm>
        rowKey="id"
        size="middle"
        loading={terms.isFetching}
        dataSource={terms.data?.data ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: terms.data?.page.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          {
            title: t('leaders.col.building'),
            key: 'building',
            render: (_, r) => (
              <>
                {r.buildingName}
                {r.unitNumber !== null ? ` · ${t('leaders.unitN', { n: r.unitNumber })}` : ''}
                {canChat ? (
                  <Button
                    type="link"
                    size="small"
                    data-testid="leaders-chat"
                    onClick={() => setChatOf(r.buildingId)}
                  >
                    {t('leaders.chat.open')}
                  </Button>
                ) : null}
              </>
            ),
          },
          { title: t('leaders.col.person'), dataIndex: 'personName' },
          { title: t('leaders.col.mobile'), dataIndex: 'mobile' },
          {
            title: t('leaders.col.term'),
            key: 'term',
            render: (_, r) => {
              const left = daysUntil(r.endsOn);
              return (
                <>
                  {r.startsOn} ~ {r.endsOn}
                  {r.active && left <= 30 ? (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      {t('leaders.expiringSoon', { days: left })}
                    </Tag>
                  ) : null}
                </>
              );
            },
          },
          {
            title: t('leaders.col.nomination'),
            dataIndex: 'nomination',
            render: (n: Nomination) => t(`leaders.nomination.${n}`),
          },
          {
            title: t('leaders.col.tags'),
            dataIndex: 'tags',
            render: (tags: LeaderTag[]) => tags.map((tag) => <Tag key={tag}>{t(`leaders.tag.${tag}`)}</Tag>),
          },
          {
            title: t('leaders.col.status'),
            key: 'status',
            render: (_, r) => (
              <>
                <Tag color={statusColor[r.status]}>{t(`leaders.status.${r.status}`)}</Tag>
                {r.active ? <Tag color="blue">{t('leaders.active')}</Tag> : null}
                {r.reason ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{r.reason}</div> : null}
              </>
            ),
          },
          { title: t('leaders.col.actions'), key: 'actions', render: (_, r) => actions(r) },
        ]}
      />
      {chatOf ? <ChatModal buildingId={chatOf} onClose={() => setChatOf(null)} /> : null}
      {nominating ? (
        <NominateModal
          t={t}
          onClose={() => setNominating(false)}
          onDone={() => {
            setNominating(false);
            void message.success(t('leaders.saved'));
          }}
        />
      ) : null}
    </>
  );
}

type NominateValues = {
  buildingId?: string;
  residentId?: string;
  nomination: Nomination;
  note?: string;
  startsOn?: { format: (f: string) => string };
  tags?: LeaderTag[];
};

function NominateModal({ t, onClose, onDone }: { t: Translate; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<NominateValues>();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const buildings = useBuildingOptions(deferred);
  const buildingId = Form.useWatch('buildingId', form);
  const residents = useBuildingResidents(buildingId);
  const nominate = useNominate();
  return (
    <Modal
      open
      title={t('leaders.nominate')}
      onCancel={onClose}
      confirmLoading={nominate.isPending}
      onOk={() =>
        form.validateFields().then((values) =>
          nominate.mutate(
            {
              buildingId: values.buildingId!,
              residentId: values.residentId!,
              nomination: values.nomination,
              note: values.note || undefined,
              startsOn: values.startsOn ? values.startsOn.format('YYYY-MM-DD') : undefined,
              tags: values.tags,
            },
            { onSuccess: onDone, onError: (error) => void message.error(error.message) },
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ nomination: 'residents' }}>
        <Form.Item name="buildingId" label={t('leaders.building')} rules={[{ required: true }]}>
          <Select
            data-testid="leaders-building"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('leaders.buildingSearch')}
            loading={buildings.isFetching}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            onChange={() => form.setFieldValue('residentId', undefined)}
          />
        </Form.Item>
        <Form.Item name="residentId" label={t('leaders.resident')} rules={[{ required: true }]}>
          <Select
            data-testid="leaders-resident"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('leaders.residentPick')}
            disabled={!buildingId}
            loading={residents.isFetching}
            options={(residents.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.name}${r.address ? ` · ${r.address}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="nomination" label={t('leaders.nomination')} rules={[{ required: true }]}>
          <Select options={nominations.map((n) => ({ value: n, label: t(`leaders.nomination.${n}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('leaders.note')}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('leaders.startsOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="tags" label={t('leaders.tags')}>
          <Checkbox.Group
            options={leaderTags.map((tag) => ({ value: tag, label: t(`leaders.tag.${tag}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
