import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useBuildings, useTerritory } from '../territory/api.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { AllianceUnitsCard } from './alliance-units-card.tsx';
import {
  useAddMember,
  useAppointSecretary,
  useCommunityOrgs,
  useCreateOrg,
  useDissolveOrg,
  useEndMember,
  useEndSecretary,
  useMergeOrg,
  useOrg,
  usePeopleSearch,
  useUpdateOrg,
  type OrgDetail,
  type OrgNode,
} from './api.ts';

type TreeItem = { key: string; title: string; children: TreeItem[] };

function toTree(orgs: OrgNode[], label: (o: OrgNode) => string): TreeItem[] {
  const ids = new Set(orgs.map((o) => o.id));
  const build = (parentId: string | null): TreeItem[] =>
    orgs
      .filter((o) => (parentId === null ? !o.parentId || !ids.has(o.parentId) : o.parentId === parentId))
      .map((o) => ({ key: o.id, title: label(o), children: build(o.id) }));
  return build(null);
}

/** The party organisation of a community: the tree with counts on the left, the chosen organisation on the right. */
export function PartyOrgPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const community = params.get('community') ?? undefined;
  const selected = params.get('org');
  const orgs = useCommunityOrgs(community);
  const canWrite = useCan('party:write');
  const create = useCreateOrg();
  const { message } = App.useApp();

  const list = useMemo(() => orgs.data ?? [], [orgs.data]);
  const tree = useMemo(
    () =>
      toTree(list, (o) => {
        const parts = [o.name, t('party.membersCount', { count: o.counts.members })];
        if (o.secretary) parts.push(`${t('party.secretary')}: ${o.secretary.name}`);
        return parts.join(' · ');
      }),
    [list, t],
  );
  const hasAlliance = list.some((o) => o.kind === 'alliance');

  return (
    <>
      <PageHeader title={t('party.title')} subtitle={t('party.subtitle')} />
      <Space style={{ marginBottom: 16 }} wrap>
        <TerritorySelect
          value={community}
          onChange={(id) => setParams(id ? { community: id } : {})}
          placeholder={t('party.chooseCommunity')}
          className="party-community-select"
        />
        {canWrite && community && orgs.isSuccess && !hasAlliance ? (
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { kind: 'alliance', name: t('party.allianceDefaultName'), territoryId: community },
                {
                  onSuccess: () => void message.success(t('party.saved')),
                  onError: (e) => void message.error(e.message),
                },
              )
            }
          >
            {t('party.createAlliance')}
          </Button>
        ) : null}
      </Space>
      {orgs.isError ? (
        <Alert type="error" showIcon title={orgs.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {!community ? (
        <Empty description={t('party.chooseCommunity')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title={t('party.tree')} loading={orgs.isPending}>
              {tree.length ? (
                <Tree
                  data-testid="party-tree"
                  treeData={tree}
                  defaultExpandAll
                  selectedKeys={selected ? [selected] : []}
                  onSelect={(keys) => keys[0] && setParams({ community, org: String(keys[0]) })}
                />
              ) : (
                <Empty />
              )}
            </Card>
            <AllianceUnitsCard
              community={community}
              allianceId={list.find((o) => o.kind === 'alliance')?.id ?? null}
            />
          </Col>
          <Col xs={24} lg={14}>
            {selected ? (
              <OrgPanel
                id={selected}
                communityId={community}
                orgs={list}
                onGone={() => setParams({ community })}
                onSelect={(id) => setParams({ community, org: id })}
              />
            ) : (
              <Empty description={t('party.chooseOrg')} />
            )}
          </Col>
        </Row>
      )}
    </>
  );
}

function OrgPanel({
  id,
  communityId,
  orgs,
  onGone,
  onSelect,
}: {
  id: string;
  communityId: string;
  orgs: OrgNode[];
  onGone: () => void;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan('party:write');
  const org = useOrg(id);
  const dissolve = useDissolveOrg();
  const endMember = useEndMember();
  const endSecretary = useEndSecretary();
  const [dialog, setDialog] = useState<null | 'rename' | 'child' | 'merge' | 'member' | 'secretary'>(null);
  const [secretaryFor, setSecretaryFor] = useState<string | null>(null);
  const fail = (e: Error) => void message.error(e.message);

  if (org.isError) return <Alert type="error" showIcon title={org.error.message} />;
  if (!org.data) return <Card loading />;
  const o = org.data;
  const current = o.secretaries.filter((s) => s.endsOn === null);
  const active = o.endsOn === null;

  return (
    <Card
      data-testid="party-org"
      title={`${o.name}（${t(`party.kind.${o.kind}`)}）`}
      extra={
        canWrite && active ? (
          <Space wrap>
            <Button size="small" onClick={() => setDialog('rename')}>
              {t('party.rename')}
            </Button>
            {o.kind !== 'group' ? (
              <Button size="small" onClick={() => setDialog('child')}>
                {o.kind === 'alliance' ? t('party.newBranch') : t('party.newGroup')}
              </Button>
            ) : null}
            {o.kind !== 'alliance' ? (
              <>
                <Button size="small" onClick={() => setDialog('member')}>
                  {t('party.addMember')}
                </Button>
                <Button size="small" onClick={() => setDialog('merge')}>
                  {t('party.merge')}
                </Button>
              </>
            ) : null}
            <Popconfirm
              title={t('party.dissolveConfirm')}
              onConfirm={() => dissolve.mutate(id, { onSuccess: onGone, onError: fail })}
            >
              <Button size="small" danger>
                {t('party.dissolve')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('party.startsOn')}>{o.startsOn}</Descriptions.Item>
        {o.endsOn ? <Descriptions.Item label={t('party.endsOn')}>{o.endsOn}</Descriptions.Item> : null}
        <Descriptions.Item label={t('party.places')}>
          {o.places.length ? o.places.map((p) => <Tag key={p.id}>{p.name}</Tag>) : '—'}
        </Descriptions.Item>
        {o.children.length ? (
          <Descriptions.Item label={t('party.children')}>
            {o.children.map((c) => (
              <Tag key={c.id} style={{ cursor: 'pointer' }} onClick={() => onSelect(c.id)}>
                {c.name}
              </Tag>
            ))}
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      {o.kind !== 'alliance' ? (
        <>
          <Typography.Title level={5}>{t('party.secretaries')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.secretaries}
            columns={[
              { title: t('party.name'), dataIndex: 'name' },
              {
                title: t('party.cadre'),
                render: (_, s) =>
                  s.isCadre ? <Tag color="red">{s.cadreUnit ?? t('party.cadre')}</Tag> : '—',
              },
              { title: t('party.startsOn'), dataIndex: 'startsOn' },
              { title: t('party.endsOn'), dataIndex: 'endsOn', render: (v: string | null) => v ?? '—' },
              {
                title: '',
                render: (_, s) =>
                  canWrite && s.endsOn === null ? (
                    <Popconfirm
                      title={t('party.endTermConfirm')}
                      onConfirm={() => endSecretary.mutate(s.id, { onError: fail })}
                    >
                      <Button size="small" type="link">
                        {t('party.endTerm')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('party.members')}（{o.members.length}）
          </Typography.Title>
          <Table
            data-testid="party-members"
            size="small"
            rowKey="id"
            dataSource={o.members}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('party.name'), dataIndex: 'name' },
              { title: t('party.mobile'), dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
              {
                title: t('party.status'),
                dataIndex: 'status',
                render: (v: string) => t(`party.status.${v}` as never),
              },
              {
                title: t('party.centralHousehold'),
                dataIndex: 'centralHousehold',
                render: (v: boolean) => (v ? <Tag color="red">{t('party.centralHousehold')}</Tag> : null),
              },
              {
                title: '',
                render: (_, m) =>
                  canWrite && active ? (
                    <Space size={0}>
                      {current.length === 0 ? (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => {
                            setSecretaryFor(m.personId);
                            setDialog('secretary');
                          }}
                        >
                          {t('party.appoint')}
                        </Button>
                      ) : null}
                      <Popconfirm
                        title={t('party.endMemberConfirm')}
                        onConfirm={() => endMember.mutate(m.id, { onError: fail })}
                      >
                        <Button size="small" type="link" danger>
                          {t('party.endMember')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </>
      ) : null}

      {dialog === 'rename' ? <RenameModal org={o} onClose={() => setDialog(null)} /> : null}
      {dialog === 'child' ? (
        <ChildModal parent={o} communityId={communityId} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'merge' ? (
        <MergeModal org={o} orgs={orgs} onClose={() => setDialog(null)} onMerged={onSelect} />
      ) : null}
      {dialog === 'member' ? <MemberModal org={o} orgs={orgs} onClose={() => setDialog(null)} /> : null}
      {dialog === 'secretary' && secretaryFor ? (
        <SecretaryModal org={o} personId={secretaryFor} onClose={() => setDialog(null)} />
      ) : null}
    </Card>
  );
}

function RenameModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const update = useUpdateOrg();
  const [name, setName] = useState(org.name);
  return (
    <Modal
      open
      title={t('party.rename')}
      onCancel={onClose}
      confirmLoading={update.isPending}
      onOk={() =>
        update.mutate(
          { id: org.id, name },
          { onSuccess: onClose, onError: (e) => void message.error(e.message) },
        )
      }
    >
      <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
    </Modal>
  );
}

/** A new branch under an alliance (covering grids of the community) or a group under a branch (covering buildings). */
function ChildModal({
  parent,
  communityId,
  onClose,
}: {
  parent: OrgDetail;
  communityId: string;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateOrg();
  const community = useTerritory(parent.kind === 'alliance' ? communityId : null);
  const [q, setQ] = useState('');
  const buildings = useBuildings(q, parent.kind === 'branch');
  const [form] = Form.useForm<{ name: string; placeIds: string[] }>();
  const branchGrids = new Set(parent.places.map((p) => p.code));
  const options =
    parent.kind === 'alliance'
      ? (community.data?.children ?? []).map((g) => ({ value: g.id, label: g.name }))
      : (buildings.data ?? [])
          .filter((b) => [...branchGrids].some((code) => b.code.startsWith(code)))
          .map((b) => ({ value: b.id, label: b.name }));
  return (
    <Modal
      open
      title={parent.kind === 'alliance' ? t('party.newBranch') : t('party.newGroup')}
      onCancel={onClose}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate(
            {
              kind: parent.kind === 'alliance' ? 'branch' : 'group',
              parentId: parent.id,
              name: values.name,
              placeIds: values.placeIds ?? [],
            },
            { onSuccess: onClose, onError: (e) => void message.error(e.message) },
          )
        }
      >
        <Form.Item name="name" label={t('party.name')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="placeIds"
          label={parent.kind === 'alliance' ? t('party.grids') : t('party.buildings')}
        >
          <Select
            mode="multiple"
            options={options}
            showSearch
            filterOption={parent.kind === 'alliance'}
            onSearch={parent.kind === 'branch' ? setQ : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MergeModal({
  org,
  orgs,
  onClose,
  onMerged,
}: {
  org: OrgDetail;
  orgs: OrgNode[];
  onClose: () => void;
  onMerged: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const merge = useMergeOrg();
  const [intoId, setIntoId] = useState<string>();
  const candidates = orgs.filter(
    (o) => o.kind === org.kind && o.id !== org.id && (org.kind === 'branch' || o.parentId === org.parentId),
  );
  return (
    <Modal
      open
      title={t('party.merge')}
      onCancel={onClose}
      okButtonProps={{ disabled: !intoId }}
      confirmLoading={merge.isPending}
      onOk={() =>
        merge.mutate(
          { id: org.id, intoId: intoId! },
          {
            onSuccess: () => {
              onClose();
              onMerged(intoId!);
            },
            onError: (e) => void message.error(e.message),
          },
        )
      }
    >
      <Typography.Paragraph>{t('party.mergeHint', { name: org.name })}</Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        value={intoId}
        onChange={setIntoId}
        options={candidates.map((o) => ({ value: o.id, label: o.name }))}
      />
    </Modal>
  );
}

function MemberModal({ org, orgs, onClose }: { org: OrgDetail; orgs: OrgNode[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const add = useAddMember();
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q);
  const [form] = Form.useForm<{
    personId: string;
    status: 'formal' | 'probationary';
  }>();
  const branchId = org.kind === 'branch' ? org.id : org.parentId!;
  const groupId = org.kind === 'group' ? org.id : null;
  void orgs;
  return (
    <Modal
      open
      title={t('party.addMember')}
      onCancel={onClose}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: 'formal' }}
        onFinish={(values) =>
          add.mutate(
            { ...values, branchId, groupId },
            { onSuccess: onClose, onError: (e) => void message.error(e.message) },
          )
        }
      >
        <Form.Item name="personId" label={t('party.person')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={people.isFetching}
            options={(people.data ?? [])
              .flatMap((p) => (p ? [p] : []))
              .map((p) => ({
                value: p.id,
                label: `${p.name}${p.territoryName ? `（${p.territoryName}）` : ''}`,
              }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('party.status')}>
          <Select
            options={[
              { value: 'formal', label: t('party.status.formal') },
              { value: 'probationary', label: t('party.status.probationary') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SecretaryModal({
  org,
  personId,
  onClose,
}: {
  org: OrgDetail;
  personId: string;
  onClose: () => void;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const appoint = useAppointSecretary();
  const [isCadre, setIsCadre] = useState(false);
  const [cadreUnit, setCadreUnit] = useState('');
  return (
    <Modal
      open
      title={t('party.appoint')}
      onCancel={onClose}
      confirmLoading={appoint.isPending}
      onOk={() =>
        appoint.mutate(
          { orgId: org.id, personId, isCadre, cadreUnit: isCadre && cadreUnit ? cadreUnit : null },
          {
            onSuccess: (answer) => {
              onClose();
              if (answer.opened) {
                modal.info({
                  title: t('party.accountOpened'),
                  content: `${answer.opened.username} / ${answer.opened.password}`,
                });
              }
            },
            onError: (e) => void message.error(e.message),
          },
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox checked={isCadre} onChange={(e) => setIsCadre(e.target.checked)}>
          {t('party.cadre')}
        </Checkbox>
        {isCadre ? (
          <Input
            placeholder={t('party.cadreUnit')}
            value={cadreUnit}
            onChange={(e) => setCadreUnit(e.target.value)}
            maxLength={60}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
