import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  availabilities,
  useCreateTeam,
  useDissolveTeam,
  useEndVolunteer,
  useJoinTeam,
  useLeaveTeam,
  usePersonSearch,
  useRegister,
  useRenameTeam,
  useTeam,
  useTeams,
  useVolunteers,
  type Availability,
  type Volunteer,
  type VolunteerFilter,
  type VolunteerTeam,
} from './api.ts';

type RegisterValues = {
  personId: string;
  territoryId?: string;
  skills: string[];
  availability: Availability;
};

function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [q, setQ] = useState('');
  const people = usePersonSearch(q);
  const register = useRegister();
  const required = [{ required: true, message: t('volunteers.required') }];
  const submit = async (values: RegisterValues) => {
    try {
      const volunteer = await register.mutateAsync(values);
      void message.success(t('volunteers.registered', { name: volunteer.name }));
      form.resetFields();
      onClose();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Modal
      open={open}
      title={t('volunteers.register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={register.isPending}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ skills: [], availability: 'anytime' }}
        onFinish={submit}
      >
        <Form.Item name="personId" label={t('volunteers.person')} rules={required}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder={t('volunteers.personSearch')}
            loading={people.isFetching}
            options={(people.data ?? []).flatMap((p) =>
              p ? [{ value: p.id, label: `${p.name}${p.territoryName ? ` · ${p.territoryName}` : ''}` }] : [],
            )}
          />
        </Form.Item>
        <Form.Item name="territoryId" label={t('volunteers.place')}>
          <TerritorySelect
            placeholder={t('volunteers.place')}
            onChange={(id) => form.setFieldValue('territoryId', id)}
          />
        </Form.Item>
        <Form.Item name="skills" label={t('volunteers.skills')}>
          <Select mode="tags" maxCount={10} />
        </Form.Item>
        <Form.Item name="availability" label={t('volunteers.availability')}>
          <Select
            options={availabilities.map((a) => ({ value: a, label: t(`volunteers.availability.${a}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProfilesTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [filter, setFilter] = useState<VolunteerFilter>({ status: 'active', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [registering, setRegistering] = useState(false);
  const volunteers = useVolunteers(filter);
  const end = useEndVolunteer();
  const set = (patch: Partial<VolunteerFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  const columns: ColumnsType<Volunteer> = [
    { title: t('volunteers.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('volunteers.mobile'),
      key: 'mobile',
      render: (_, v) => <span className="ww-mono">{v.mobile ?? '—'}</span>,
    },
    { title: t('volunteers.place'), dataIndex: 'territoryName', key: 'place' },
    {
      title: t('volunteers.skills'),
      key: 'skills',
      render: (_, v) => (
        <Space size={[4, 4]} wrap>
          {v.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('volunteers.availability'),
      key: 'availability',
      render: (_, v) => t(`volunteers.availability.${v.availability}`),
    },
    {
      title: t('volunteers.teams'),
      key: 'teams',
      render: (_, v) => (
        <Space size={[4, 4]} wrap>
          {v.teams.map((team) => (
            <Tag key={team.id} color={team.kind === 'corps' ? 'red' : 'volcano'}>
              {team.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('volunteers.since'),
      key: 'since',
      render: (_, v) => (v.endsOn ? `${v.startsOn} – ${v.endsOn}` : v.startsOn),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, v: Volunteer) =>
              v.endsOn ? null : (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('volunteers.end'),
                      content: t('volunteers.endConfirm', { name: v.name }),
                      okText: t('common.ok'),
                      cancelText: t('common.cancel'),
                      okButtonProps: { danger: true },
                      onOk: () =>
                        end.mutateAsync(v.id).then(
                          () => void message.success(t('volunteers.ended')),
                          (error: Error) => void message.error(error.message),
                        ),
                    })
                  }
                >
                  {t('volunteers.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('volunteers.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 160 }}
        />
        <Input.Search
          allowClear
          placeholder={t('volunteers.skill')}
          onSearch={(skill) => set({ skill: skill || undefined })}
          style={{ width: 140 }}
        />
        <TerritorySelect
          value={filter.territoryId}
          onChange={(territoryId) => set({ territoryId })}
          placeholder={t('volunteers.place')}
        />
        <Select
          allowClear
          placeholder={t('volunteers.availability')}
          aria-label={t('volunteers.availability')}
          value={filter.availability}
          onChange={(availability: Availability | undefined) => set({ availability })}
          options={availabilities.map((a) => ({ value: a, label: t(`volunteers.availability.${a}`) }))}
          style={{ width: 120 }}
        />
        <Select
          value={filter.status}
          onChange={(status: VolunteerFilter['status']) => set({ status })}
          aria-label={t('volunteers.status')}
          options={(['active', 'ended', 'all'] as const).map((s) => ({
            value: s,
            label: t(`volunteers.status.${s}`),
          }))}
          style={{ width: 100 }}
        />
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('volunteers.register')}
          </Button>
        ) : null}
      </Space>
      {volunteers.isError ? <Alert type="error" showIcon message={t('common.loadFailed')} /> : null}
      <Table<Volunteer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={volunteers.data?.data ?? []}
        loading={volunteers.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: volunteers.data?.page.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        data-testid="volunteers-table"
      />
      {canWrite ? <RegisterModal open={registering} onClose={() => setRegistering(false)} /> : null}
    </>
  );
}

type TeamDialog =
  { kind: 'corps' } | { kind: 'sub'; parent: VolunteerTeam } | { kind: 'rename'; team: VolunteerTeam };

function TeamDialogModal({ dialog, onClose }: { dialog: TeamDialog | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; territoryId?: string }>();
  const create = useCreateTeam();
  const rename = useRenameTeam();
  if (!dialog) return null;
  const submit = async (values: { name: string; territoryId?: string }) => {
    try {
      if (dialog.kind === 'rename') await rename.mutateAsync({ id: dialog.team.id, name: values.name });
      else if (dialog.kind === 'sub') {
        await create.mutateAsync({ name: values.name, parentId: dialog.parent.id });
      } else await create.mutateAsync({ name: values.name, territoryId: values.territoryId });
      void message.success(t('volunteers.done'));
      onClose();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  const title =
    dialog.kind === 'rename'
      ? t('volunteers.rename')
      : dialog.kind === 'sub'
        ? `${t('volunteers.newSubTeam')} · ${dialog.parent.name}`
        : t('volunteers.newCorps');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || rename.isPending}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: dialog.kind === 'rename' ? dialog.team.name : '' }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('volunteers.teamName')}
          rules={[{ required: true, message: t('volunteers.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        {dialog.kind === 'corps' ? (
          <Form.Item
            name="territoryId"
            label={t('volunteers.place')}
            rules={[{ required: true, message: t('volunteers.required') }]}
          >
            <TerritorySelect
              placeholder={t('volunteers.place')}
              onChange={(id) => form.setFieldValue('territoryId', id)}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function TeamPanel({
  id,
  canWrite,
  onDialog,
}: {
  id: string;
  canWrite: boolean;
  onDialog: (d: TeamDialog) => void;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const team = useTeam(id);
  const dissolve = useDissolveTeam();
  const join = useJoinTeam();
  const leave = useLeaveTeam();
  const [q, setQ] = useState('');
  const candidates = useVolunteers({ q: q || undefined, status: 'active', page: 1, pageSize: 20 });
  const data = team.data;
  if (!data) return <Card loading />;
  const fail = (error: Error) => void message.error(error.message);
  return (
    <Card
      title={
        <Space>
          <Tag color={data.kind === 'corps' ? 'red' : 'volcano'}>
            {t(data.kind === 'corps' ? 'volunteers.corps' : 'volunteers.team')}
          </Tag>
          {data.name}
          <Typography.Text type="secondary">{data.territoryName}</Typography.Text>
        </Space>
      }
      extra={
        canWrite ? (
          <Space>
            {data.kind === 'corps' ? (
              <Button size="small" onClick={() => onDialog({ kind: 'sub', parent: data })}>
                {t('volunteers.newSubTeam')}
              </Button>
            ) : null}
            <Button size="small" onClick={() => onDialog({ kind: 'rename', team: data })}>
              {t('volunteers.rename')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: t('volunteers.dissolve'),
                  content: t('volunteers.dissolveConfirm', { name: data.name }),
                  okText: t('common.ok'),
                  cancelText: t('common.cancel'),
                  okButtonProps: { danger: true },
                  onOk: () =>
                    dissolve
                      .mutateAsync(data.id)
                      .then(() => void message.success(t('volunteers.done')), fail),
                })
              }
            >
              {t('volunteers.dissolve')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Tag>{t('volunteers.members', { n: data.members })}</Tag>
        {data.kind === 'corps' ? <Tag>{t('volunteers.subTeams', { n: data.subTeams })}</Tag> : null}
      </Space>
      {canWrite ? (
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          value={null}
          placeholder={t('volunteers.addMember')}
          style={{ width: 260, marginBottom: 12, display: 'block' }}
          options={(candidates.data?.data ?? [])
            .filter((v) => !data.memberList.some((m) => m.volunteerId === v.id))
            .map((v) => ({ value: v.id, label: `${v.name} · ${v.territoryName ?? ''}` }))}
          onChange={(volunteerId: string | null) => {
            if (volunteerId) join.mutate({ id: data.id, volunteerId }, { onError: fail });
          }}
        />
      ) : null}
      <Table
        rowKey="volunteerId"
        size="small"
        dataSource={data.memberList}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('volunteers.name'), dataIndex: 'name', key: 'name' },
          { title: t('volunteers.since'), dataIndex: 'startsOn', key: 'since' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, m: (typeof data.memberList)[number]) => (
                    <Button
                      size="small"
                      onClick={() =>
                        leave.mutate({ id: data.id, volunteerId: m.volunteerId }, { onError: fail })
                      }
                    >
                      {t('volunteers.removeMember')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function TeamsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const [territoryId, setTerritoryId] = useState<string | undefined>();
  const teams = useTeams(territoryId);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<TeamDialog | null>(null);
  const treeData = useMemo(() => {
    const rows = teams.data ?? [];
    const label = (x: VolunteerTeam) =>
      `${x.name}（${t('volunteers.members', { n: x.members })}${x.kind === 'corps' ? `，${t('volunteers.subTeams', { n: x.subTeams })}` : ''}）`;
    const ids = new Set(rows.map((r) => r.id));
    return rows
      .filter((r) => !r.parentId || !ids.has(r.parentId))
      .map((corps) => ({
        key: corps.id,
        title: label(corps),
        children: rows
          .filter((r) => r.parentId === corps.id)
          .map((sub) => ({ key: sub.id, title: label(sub) })),
      }));
  }, [teams.data, t]);
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Space wrap style={{ marginBottom: 12 }}>
          <TerritorySelect
            value={territoryId}
            onChange={setTerritoryId}
            placeholder={t('volunteers.place')}
          />
          {canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'corps' })}>
              {t('volunteers.newCorps')}
            </Button>
          ) : null}
        </Space>
        {treeData.length ? (
          <Tree
            treeData={treeData}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
            defaultExpandAll
            data-testid="teams-tree"
          />
        ) : (
          <Empty />
        )}
      </Col>
      <Col xs={24} md={14}>
        {selected ? (
          <TeamPanel id={selected} canWrite={canWrite} onDialog={setDialog} />
        ) : (
          <Empty description={t('volunteers.pickTeam')} />
        )}
      </Col>
      <TeamDialogModal dialog={dialog} onClose={() => setDialog(null)} />
    </Row>
  );
}

/** Volunteers within the caller's scope, and the corps and sub-teams with their members. */
export function VolunteersPage() {
  const { t } = useI18n();
  const canWrite = useCan('volunteer:write');
  return (
    <div>
      <PageHeader title={t('volunteers.title')} subtitle={t('volunteers.subtitle')} />
      <Tabs
        items={[
          {
            key: 'profiles',
            label: t('volunteers.tabProfiles'),
            children: <ProfilesTab canWrite={canWrite} />,
          },
          { key: 'teams', label: t('volunteers.tabTeams'), children: <TeamsTab canWrite={canWrite} /> },
        ]}
      />
    </div>
  );
}
