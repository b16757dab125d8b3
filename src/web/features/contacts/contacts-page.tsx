import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import {
  useApplyProposal,
  useCentralCandidates,
  useCentralHouseholds,
  useContactCoverage,
  useContactSettings,
  useDesignate,
  useEndCentral,
  useProposal,
  usePutContactSettings,
  type CentralHousehold,
  type ContactCoverage,
  type ContactKind,
  type ContactProposal,
} from './api.ts';
import { UncoveredList } from './uncovered-list.tsx';

type Counts = ContactCoverage['total'];
const STATS: (keyof Counts)[] = [
  'households',
  'withoutLeader',
  'withoutCentral',
  'withoutContact',
  'withoutGridWorker',
  'centralHouseholds',
];

/**
 * Contact assignment (联系挂包) of one community: coverage counts per grid, the households without a contact, the
 * central households (designate, end) and the automatic proposal (review, then apply the selected changes).
 */
export function ContactsPage() {
  const t = useT();
  const canManage = useCan('contact:manage');
  const all = useContactCoverage();
  const communities = all.data?.communities ?? [];
  const [picked, setCommunityId] = useState<string>();
  const communityId = picked ?? communities[0]?.id;
  const coverage = useContactCoverage(communityId);
  const data = communityId ? coverage.data : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contacts-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('contacts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('contacts.subtitle')}
            {data ? ` · ${t('contacts.asOf', { day: data.day })}` : ''}
          </Typography.Text>
        </Space>
        <Select
          style={{ minWidth: 200 }}
          value={communityId}
          onChange={setCommunityId}
          placeholder={t('contacts.community')}
          aria-label={t('contacts.community')}
          loading={all.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="contacts-community"
        />
      </Flex>
      {all.isError && <Alert type="error" showIcon title={all.error.message} />}
      {!communityId && !all.isPending && <Empty description={t('contacts.noCommunity')} />}
      {communityId && !data && (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      )}
      {communityId && data && (
        <>
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 12 }}
          >
            {STATS.map((key) => (
              <Card size="small" key={key} data-testid={`contacts-stat-${key}`}>
                <Typography.Text type="secondary">{t(`contacts.stat.${key}`)}</Typography.Text>
                <div style={{ fontSize: 22, fontWeight: 600 }}>{data.total[key].toLocaleString()}</div>
              </Card>
            ))}
          </div>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'coverage',
                  label: t('contacts.tab.coverage'),
                  children: <CoverageTable rows={data.grids} />,
                },
                {
                  key: 'uncovered',
                  label: t('contacts.tab.uncovered'),
                  children: (
                    <UncoveredList communityId={communityId} grids={data.grids} canManage={canManage} />
                  ),
                },
                {
                  key: 'central',
                  label: t('contacts.tab.central'),
                  children: <CentralList communityId={communityId} canManage={canManage} />,
                },
                ...(canManage
                  ? [
                      {
                        key: 'proposal',
                        label: t('contacts.tab.proposal'),
                        children: <ProposalPanel communityId={communityId} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

function CoverageTable({ rows }: { rows: ContactCoverage['grids'] }) {
  const t = useT();
  const columns: ColumnsType<ContactCoverage['grids'][number]> = [
    { title: t('contacts.col.grid'), dataIndex: 'name', fixed: 'left' },
    ...STATS.map((key) => ({
      title: t(`contacts.stat.${key}`),
      dataIndex: key,
      align: 'right' as const,
      render: (n: number) =>
        key !== 'households' && key !== 'centralHouseholds' && n > 0 ? (
          <Typography.Text type="danger">{n.toLocaleString()}</Typography.Text>
        ) : (
          n.toLocaleString()
        ),
    })),
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="contacts-coverage"
    />
  );
}

function CentralList({ communityId, canManage }: { communityId: string; canManage: boolean }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<'active' | 'ended' | 'all'>('active');
  const [designating, setDesignating] = useState(false);
  const list = useCentralHouseholds(communityId, status);
  const end = useEndCentral();
  const onEnd = (row: CentralHousehold) => {
    let reason = '';
    modal.confirm({
      title: t('contacts.end.title'),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('contacts.end.text')}</Typography.Text>
          <Input
            maxLength={200}
            placeholder={t('contacts.end.reason')}
            aria-label={t('contacts.end.reason')}
            onChange={(e) => (reason = e.target.value)}
          />
        </Space>
      ),
      onOk: () =>
        end
          .mutateAsync({ id: row.id, reason: reason.trim() || undefined })
          .then(() => void message.success(t('contacts.ended')))
          .catch((error: Error) => void message.error(error.message)),
    });
  };
  const columns: ColumnsType<CentralHousehold> = [
    { title: t('contacts.col.name'), dataIndex: 'name' },
    {
      title: t('contacts.col.place'),
      key: 'place',
      render: (_, r) => `${r.buildingName} ${t('contacts.unitRoom', { unit: r.unitNumber, room: r.room })}`,
    },
    { title: t('contacts.col.grid'), dataIndex: 'gridName' },
    {
      title: t('contacts.col.load'),
      key: 'load',
      align: 'right',
      render: (_, r) => `${r.load} / ${r.maxLoad}`,
    },
    { title: t('contacts.col.startsOn'), dataIndex: 'startsOn' },
    ...(status !== 'active'
      ? [{ title: t('contacts.col.endsOn'), dataIndex: 'endsOn', render: (v: string | null) => v ?? '—' }]
      : []),
    { title: t('contacts.col.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    ...(canManage
      ? [
          {
            key: 'actions',
            render: (_: unknown, r: CentralHousehold) =>
              r.endsOn ? null : (
                <Button size="small" danger onClick={() => onEnd(r)}>
                  {t('contacts.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Segmented<'active' | 'ended' | 'all'>
          value={status}
          onChange={setStatus}
          options={(['active', 'ended', 'all'] as const).map((s) => ({
            value: s,
            label: t(`contacts.status.${s}`),
          }))}
        />
        {canManage && (
          <Button type="primary" onClick={() => setDesignating(true)} data-testid="contacts-designate">
            {t('contacts.designate')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 720 }}
        data-testid="contacts-central"
      />
      {designating && <DesignateModal communityId={communityId} onClose={() => setDesignating(false)} />}
    </Space>
  );
}

function DesignateModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ personId: string; maxLoad?: number; note?: string }>();
  const candidates = useCentralCandidates(communityId, true);
  const settings = useContactSettings(communityId);
  const designate = useDesignate();
  return (
    <Modal
      open
      title={t('contacts.designate')}
      onCancel={onClose}
      confirmLoading={designate.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          designate.mutate(
            { personId: values.personId, maxLoad: values.maxLoad, note: values.note?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('contacts.designated'));
                onClose();
              },
              onError: (error) => void message.error(error.message),
            },
          )
        }
      >
        <Form.Item name="personId" label={t('contacts.designate.person')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isPending}
            notFoundContent={t('contacts.designate.empty')}
            options={(candidates.data ?? []).map((c) => ({
              value: c.personId,
              label: `${c.name} · ${c.buildingName} ${t('contacts.unitRoom', { unit: c.unitNumber, room: c.room })}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="maxLoad" label={t('contacts.designate.maxLoad')}>
          <InputNumber min={1} max={200} placeholder={String(settings.data?.centralMaxLoad ?? '')} />
        </Form.Item>
        <Form.Item name="note" label={t('contacts.designate.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettingsModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const settings = useContactSettings(communityId);
  const save = usePutContactSettings();
  const [form] = Form.useForm<{ leaderMaxLoad: number; centralMaxLoad: number; maxDistance: number }>();
  if (!settings.data) return null;
  return (
    <Modal open title={t('contacts.settings.edit')} onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        initialValues={settings.data}
        onFinish={(values) =>
          save.mutate(
            { communityId, ...values },
            {
              onSuccess: () => {
                void message.success(t('contacts.saved'));
                onClose();
              },
              onError: (error) => void message.error(error.message),
            },
          )
        }
      >
        <Form.Item
          name="leaderMaxLoad"
          label={t('contacts.settings.leaderMaxLoad')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={500} />
        </Form.Item>
        <Form.Item
          name="centralMaxLoad"
          label={t('contacts.settings.centralMaxLoad')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={200} />
        </Form.Item>
        <Form.Item name="maxDistance" label={t('contacts.settings.maxDistance')} rules={[{ required: true }]}>
          <InputNumber min={50} max={5000} step={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ProposalRow = ContactProposal['rows'][number];

function ProposalPanel({ communityId }: { communityId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ContactKind>('leader');
  // The proposal is asked for once per community and kind (the button), then kept fresh by the cache.
  const [askedFor, setAskedFor] = useState<string>();
  const asked = askedFor === `${communityId}:${kind}`;
  const [editing, setEditing] = useState(false);
  const settings = useContactSettings(communityId);
  const proposal = useProposal(communityId, kind, asked);
  const apply = useApplyProposal();
  const data = asked ? proposal.data : undefined;
  const changes = useMemo(() => (data?.rows ?? []).filter((r) => r.change !== 'none'), [data]);
  // Every change is selected until the user leaves some out (per proposal: a new one selects all again).
  const [excluded, setExcluded] = useState<{ fingerprint: string; ids: Set<string> }>();
  const selected = useMemo(() => {
    const out = excluded && excluded.fingerprint === data?.fingerprint ? excluded.ids : new Set<string>();
    return changes.map((r) => r.householdId).filter((id) => !out.has(id));
  }, [changes, excluded, data]);

  const contactCell = (c: ProposalRow['proposed'] | ProposalRow['current']) =>
    c ? (
      <Space size={4} wrap>
        <span>{c.name}</span>
        {c.place && <Typography.Text type="secondary">{c.place}</Typography.Text>}
        {'valid' in c && !c.valid && <Tag color="orange">{t('contacts.invalid')}</Tag>}
      </Space>
    ) : (
      '—'
    );
  const changeColor = { new: 'green', changed: 'blue', ended: 'red', none: 'default' } as const;
  const columns: ColumnsType<ProposalRow> = [
    {
      title: t('contacts.col.household'),
      key: 'place',
      render: (_, r) => `${r.buildingName} ${t('contacts.unitRoom', { unit: r.unitNumber, room: r.room })}`,
    },
    { title: t('contacts.col.proposed'), key: 'proposed', render: (_, r) => contactCell(r.proposed) },
    {
      title: t('contacts.col.distance'),
      key: 'distance',
      render: (_, r) =>
        r.tier === null
          ? '—'
          : `${t(`contacts.tier.${r.tier as 0 | 1 | 2 | 3}`)}${r.distance !== null && r.distance > 0 ? ` · ${t('contacts.metres', { n: r.distance })}` : ''}`,
    },
    { title: t('contacts.col.current'), key: 'current', render: (_, r) => contactCell(r.current) },
    {
      title: t('contacts.col.change'),
      dataIndex: 'change',
      render: (c: ProposalRow['change']) => <Tag color={changeColor[c]}>{t(`contacts.change.${c}`)}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="contacts-proposal">
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Segmented<ContactKind>
            value={kind}
            onChange={setKind}
            options={(['leader', 'central_household'] as const).map((k) => ({
              value: k,
              label: t(`contacts.kind.${k}`),
            }))}
          />
          <Button
            type="primary"
            onClick={() => (asked ? void proposal.refetch() : setAskedFor(`${communityId}:${kind}`))}
            loading={proposal.isFetching}
          >
            {t('contacts.propose')}
          </Button>
        </Space>
        {settings.data && (
          <Space wrap size={4}>
            <Tag>{`${t('contacts.settings.leaderMaxLoad')} ${settings.data.leaderMaxLoad}`}</Tag>
            <Tag>{`${t('contacts.settings.centralMaxLoad')} ${settings.data.centralMaxLoad}`}</Tag>
            <Tag>{`${t('contacts.settings.maxDistance')} ${settings.data.maxDistance}`}</Tag>
            <Typography.Text type="secondary">
              {t(settings.data.own ? 'contacts.settings.own' : 'contacts.settings.county')}
            </Typography.Text>
            <Button size="small" onClick={() => setEditing(true)}>
              {t('contacts.settings.edit')}
            </Button>
          </Space>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('contacts.propose.hint')}</Typography.Text>
      {proposal.isError && <Alert type="error" showIcon title={proposal.error.message} />}
      {data && (
        <>
          <Alert
            type={changes.length ? 'info' : 'success'}
            showIcon
            title={t('contacts.summary', { ...data.summary })}
            description={changes.length ? undefined : t('contacts.noChanges')}
          />
          <Table
            rowKey="householdId"
            size="small"
            columns={columns}
            dataSource={data.rows}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => {
                const kept = new Set(keys as string[]);
                setExcluded({
                  fingerprint: data.fingerprint,
                  ids: new Set(changes.map((r) => r.householdId).filter((id) => !kept.has(id))),
                });
              },
              getCheckboxProps: (r) => ({ disabled: r.change === 'none' }),
            }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 760 }}
            data-testid="contacts-proposal-rows"
          />
          <Flex justify="end">
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={apply.isPending}
              data-testid="contacts-apply"
              onClick={() =>
                apply.mutate(
                  {
                    communityId,
                    kind,
                    fingerprint: data.fingerprint,
                    householdIds: selected.length === changes.length ? undefined : selected,
                  },
                  {
                    onSuccess: (result) => {
                      void message.success(t('contacts.applied', { ...result }));
                      void proposal.refetch();
                    },
                    onError: (error) => {
                      void message.error(error.message);
                      void proposal.refetch();
                    },
                  },
                )
              }
            >
              {t('contacts.apply', { n: selected.length })}
            </Button>
          </Flex>
          <Typography.Title level={5}>{t('contacts.contactsLoad')}</Typography.Title>
          <Table
            rowKey="key"
            size="small"
            dataSource={data.contacts}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 480 }}
            columns={[
              { title: t('contacts.col.contact'), dataIndex: 'name' },
              { title: t('contacts.col.place'), dataIndex: 'place' },
              {
                title: t('contacts.col.load'),
                key: 'load',
                align: 'right',
                render: (_, c) => `${c.load} / ${c.maxLoad}`,
              },
            ]}
          />
        </>
      )}
      {editing && <SettingsModal communityId={communityId} onClose={() => setEditing(false)} />}
    </Space>
  );
}
