import { ArrowLeftOutlined, EditOutlined, ExportOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import {
  useHousehold,
  useMoveOutHousehold,
  useUpdateHousehold,
  type HouseholdCard,
  type HouseholdKind,
  type Resident,
  type Tenure,
} from './api.ts';
import { HouseholdContacts } from './household-contacts.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { householdKinds, tenures, topCareLevel } from './labels.ts';
import { ResidentDrawer } from './resident-drawer.tsx';
import { ResidentFormModal } from './resident-form-modal.tsx';
import { MoveOutModal } from './resident-move-modals.tsx';
import { CareLevelTag, ResidentTags } from './resident-tags.tsx';
import './registry.css';

type HouseholdValues = { kind: HouseholdKind; tenure: Tenure; note?: string };

function HouseholdEditModal({ household, onClose }: { household: HouseholdCard; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdValues>();
  const update = useUpdateHousehold();
  const errors = useApiFormErrors(form, fieldsNamed('kind', 'tenure', 'note'));
  return (
    <Modal
      open
      title={t('household.editTitle', { address: household.address })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {errors.alert}
      <Form<HouseholdValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: household.kind, tenure: household.tenure, note: household.note ?? undefined }}
        onFinish={(values) => {
          errors.clear();
          update.mutate(
            { id: household.id, ...values, note: values.note?.trim() || null },
            {
              onSuccess: () => {
                void message.success(t('household.updated'));
                onClose();
              },
              onError: errors.apply,
            },
          );
        }}
      >
        <Form.Item name="kind" label={t('household.kind')}>
          <Select options={householdKinds.map((k) => ({ value: k, label: t(`householdKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="tenure" label={t('household.tenure')}>
          <Select options={tenures.map((v) => ({ value: v, label: t(`tenure.${v}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('residents.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HouseholdMoveOutModal({ household, onClose }: { household: HouseholdCard; onClose: () => void }) {
  const t = useT();
  const moveOut = useMoveOutHousehold();
  return (
    <MoveOutModal
      title={t('household.moveOutTitle', { address: household.address })}
      hint={t('household.moveOutHint', { count: household.size })}
      okText={t('household.moveOut')}
      doneText={t('household.movedOutOk')}
      testId="household-move-out"
      pending={moveOut.isPending}
      submit={(note, callbacks) => moveOut.mutate({ id: household.id, note }, callbacks)}
      onClose={onClose}
    />
  );
}

type Dialog = 'add' | 'edit' | 'moveOut' | null;

/** The household card (户卡): address, kind and tenure, its members, adding a member, moving out, history. */
export function HouseholdPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const mobile = Grid.useBreakpoint().md === false;
  const canWrite = useCan('resident:write');
  const household = useHousehold(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [residentId, setResidentId] = useState<string | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
      {t('common.back')}
    </Button>
  );
  if (household.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (household.isError) {
    return (
      <>
        <PageHeader title={t('household.title')} extra={back} />
        <Alert type="error" showIcon title={household.error.message} />
      </>
    );
  }
  const h = household.data;
  const movedOut = Boolean(h.movedOutAt);

  const columns: ColumnsType<Resident> = [
    {
      title: t('residents.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Typography.Link onClick={() => setResidentId(r.id)} data-testid="household-member">
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('residents.relation'),
      dataIndex: 'relation',
      render: (v: Resident['relation']) => t(`relation.${v}`),
    },
    {
      title: t('residents.gender'),
      dataIndex: 'gender',
      render: (v: Resident['gender']) => t(`gender.${v}`),
    },
    { title: t('residents.age'), dataIndex: 'age' },
    {
      title: t('residents.idCard'),
      dataIndex: 'idCard',
      responsive: ['md'],
      render: (v: string | null) => <span className="ww-mono">{v ?? '—'}</span>,
    },
    {
      title: t('residents.phone'),
      dataIndex: 'phone',
      responsive: ['lg'],
      render: (v: string | null) => <span className="ww-mono">{v ?? '—'}</span>,
    },
    {
      title: t('residents.politicalStatus'),
      dataIndex: 'politicalStatus',
      responsive: ['xl'],
      render: (v: Resident['politicalStatus']) => t(`politicalStatus.${v}`),
    },
    {
      title: t('residents.tags'),
      dataIndex: 'tags',
      responsive: ['sm'],
      render: (tags: Resident['tags']) => <ResidentTags tags={tags} />,
    },
    {
      title: t('residents.careLevel'),
      key: 'care',
      responsive: ['lg'],
      render: (_, r) => <CareLevelTag level={topCareLevel(r.tags)} />,
    },
  ];

  const actions =
    canWrite && !movedOut ? (
      <Space wrap>
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setDialog('add')}
          data-testid="household-add-resident"
        >
          {t('household.addResident')}
        </Button>
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          {t('household.edit')}
        </Button>
        <Button danger icon={<ExportOutlined />} onClick={() => setDialog('moveOut')}>
          {t('household.moveOut')}
        </Button>
      </Space>
    ) : null;

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="household-address">{h.address}</span>
            {movedOut ? <Tag>{t('household.movedOut')}</Tag> : null}
          </Space>
        }
        subtitle={t('household.subtitle', { grid: h.gridName, code: h.gridCode })}
        extra={mobile ? null : back}
      />
      {movedOut ? (
        <Alert
          type="warning"
          showIcon
          title={t('household.movedOutAt', { at: formatDateTime(h.movedOutAt) })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('household.title')} extra={mobile ? null : actions}>
              {mobile && actions ? <div style={{ marginBottom: 12 }}>{actions}</div> : null}
              <Descriptions
                className="ww-nowrap-labels"
                size="small"
                bordered
                column={{ xs: 1, sm: 2, lg: 3 }}
                data-testid="household-facts"
                items={[
                  { key: 'building', label: t('household.building'), children: h.buildingName },
                  {
                    key: 'unit',
                    label: t('household.unit'),
                    children: (
                      <span className="ww-nowrap">{t('household.unitValue', { unit: h.unitNumber })}</span>
                    ),
                  },
                  {
                    key: 'room',
                    label: t('household.room'),
                    children: <span className="ww-nowrap">{h.room}</span>,
                  },
                  {
                    key: 'kind',
                    label: t('household.kind'),
                    children: <Tag color="blue">{t(`householdKind.${h.kind}`)}</Tag>,
                  },
                  { key: 'tenure', label: t('household.tenure'), children: t(`tenure.${h.tenure}`) },
                  {
                    key: 'size',
                    label: t('household.size'),
                    children: <span data-testid="household-size">{h.size}</span>,
                  },
                  {
                    key: 'grid',
                    label: t('household.grid'),
                    children: t('household.gridValue', { name: h.gridName, code: h.gridCode }),
                  },
                  { key: 'note', label: t('residents.note'), children: h.note || '—' },
                ]}
              />
            </Card>
            <Card size="small" title={t('household.members', { count: h.members.length })}>
              <Table<Resident>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={h.members}
                pagination={false}
                onRow={(r) => ({ onClick: () => setResidentId(r.id), className: 'ww-clickable-row' })}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.noMembers')} />
                  ),
                }}
                data-testid="household-members"
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <HouseholdContacts householdId={h.id} />
            <Card size="small" title={t('resident.history')}>
              <HistoryTimeline history={h.history} currentHouseholdId={h.id} />
            </Card>
          </Space>
        </Col>
      </Row>
      {dialog === 'add' ? (
        <ResidentFormModal
          target={{
            mode: 'create',
            householdId: h.id,
            address: h.address,
            hasHead: h.members.some((m) => m.relation === 'head'),
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'edit' ? <HouseholdEditModal household={h} onClose={() => setDialog(null)} /> : null}
      {dialog === 'moveOut' ? <HouseholdMoveOutModal household={h} onClose={() => setDialog(null)} /> : null}
      <ResidentDrawer id={residentId} onClose={() => setResidentId(null)} />
    </>
  );
}
