import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  useApproveRegistration,
  useCommunityOrgs,
  useDeregister,
  useHouseholdSearch,
  useRegistrations,
  useRejectRegistration,
  useTransferRegistration,
  useWorkUnits,
  type Registration,
  type RegistrationStatus,
} from './api.ts';
import { registrationStatusColor } from './registration-status.ts';

const statuses: RegistrationStatus[] = ['submitted', 'approved', 'rejected', 'deregistered', 'transferred'];
const statusColor = registrationStatusColor;

/** Residence registrations (双报到): the review queue (approve with a branch, reject with a reason) and work units. */
export function PartyRegistrationsPage() {
  const t = useT();
  const [territoryId, setTerritoryId] = useState<string>();
  const [status, setStatus] = useState<RegistrationStatus | undefined>('submitted');
  const registrations = useRegistrations(territoryId, status);
  const workUnits = useWorkUnits();
  const canWrite = useCan('party:write');
  const canRegister = useCan('party:register');
  const deregister = useDeregister();
  const [approving, setApproving] = useState<Registration | null>(null);
  const [transferring, setTransferring] = useState<Registration | null>(null);
  const [rejecting, setRejecting] = useState<Registration | null>(null);

  return (
    <>
      <PageHeader title={t('party.registrations.title')} subtitle={t('party.registrations.subtitle')} />
      <Tabs
        items={[
          {
            key: 'queue',
            label: t('party.registrations.queue'),
            children: (
              <Card>
                <Space style={{ marginBottom: 16 }} wrap>
                  <TerritorySelect
                    value={territoryId}
                    onChange={setTerritoryId}
                    placeholder={t('party.chooseCommunity')}
                  />
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    value={status}
                    onChange={setStatus}
                    placeholder={t('party.status')}
                    aria-label={t('party.status')}
                    options={statuses.map((s) => ({ value: s, label: t(`party.registration.${s}`) }))}
                  />
                </Space>
                {registrations.isError ? (
                  <Alert type="error" showIcon title={registrations.error.message} />
                ) : null}
                <Table
                  data-testid="party-registrations"
                  size="small"
                  rowKey="id"
                  loading={registrations.isPending}
                  dataSource={registrations.data ?? []}
                  columns={[
                    { title: t('party.name'), dataIndex: 'name' },
                    { title: t('party.workUnit'), render: (_, r) => r.workUnit.name },
                    { title: t('party.address'), dataIndex: 'address' },
                    {
                      title: t('party.skills'),
                      render: (_, r) => r.skills.map((s) => <Tag key={s}>{s}</Tag>),
                    },
                    {
                      title: t('party.availability'),
                      dataIndex: 'availability',
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: t('party.status'),
                      render: (_, r) => (
                        <Tag color={statusColor[r.status]}>
                          {t(`party.registration.${r.status}`)}
                          {r.branchName ? ` · ${r.branchName}` : ''}
                        </Tag>
                      ),
                    },
                    {
                      title: '',
                      render: (_, r) => (
                        <Space size={0}>
                          {canWrite && r.status === 'submitted' ? (
                            <>
                              <Button type="link" size="small" onClick={() => setApproving(r)}>
                                {t('party.approve')}
                              </Button>
                              <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
                                {t('party.reject')}
                              </Button>
                            </>
                          ) : null}
                          {canRegister &&
                          (r.status === 'submitted' || r.status === 'approved') &&
                          !r.endsOn ? (
                            <>
                              <Button
                                type="link"
                                size="small"
                                data-testid="party-transfer"
                                onClick={() => setTransferring(r)}
                              >
                                {t('party.transfer')}
                              </Button>
                              <ConfirmAction
                                confirm={t('party.deregisterConfirm', { name: r.name })}
                                action={() => deregister.mutateAsync(r.id)}
                                done={t('party.saved')}
                                testId="party-deregister"
                              >
                                {t('party.deregister')}
                              </ConfirmAction>
                            </>
                          ) : null}
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'units',
            label: t('party.workUnits'),
            children: (
              <Card>
                <Table
                  size="small"
                  rowKey="id"
                  loading={workUnits.isPending}
                  dataSource={workUnits.data ?? []}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: t('party.workUnit'), dataIndex: 'name' },
                    {
                      title: t('party.kindLabel'),
                      dataIndex: 'kind',
                      render: (v: string) => t(`party.workUnitKind.${v}` as never),
                    },
                    { title: t('party.activeRegistrations'), dataIndex: 'activeRegistrations' },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {approving ? (
        <ApproveModal registration={approving} communityId={territoryId} onClose={() => setApproving(null)} />
      ) : null}
      {rejecting ? <RejectModal registration={rejecting} onClose={() => setRejecting(null)} /> : null}
      {transferring ? (
        <TransferModal registration={transferring} onClose={() => setTransferring(null)} />
      ) : null}
    </>
  );
}

function ApproveModal({
  registration,
  communityId,
  onClose,
}: {
  registration: Registration;
  communityId: string | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [community, setCommunity] = useState(communityId);
  const orgs = useCommunityOrgs(community);
  const approve = useApproveRegistration();
  const [branchId, setBranchId] = useState<string>();
  const branches = (orgs.data ?? []).filter(
    (o) => o.kind === 'branch' && o.communityCode === registration.communityCode,
  );
  return (
    <Modal
      open
      title={t('party.approve')}
      onCancel={onClose}
      okButtonProps={{ disabled: !branchId }}
      confirmLoading={approve.isPending}
      onOk={() =>
        approve.mutate(
          { id: registration.id, branchId: branchId! },
          {
            onSuccess: (answer) => {
              onClose();
              if (answer.opened) {
                modal.info({
                  title: t('party.accountOpened'),
                  content: `${answer.opened.username} / ${answer.opened.password}`,
                });
              } else void message.success(t('party.saved'));
            },
            onError: (e) => void message.error(e.message),
          },
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <TerritorySelect value={community} onChange={setCommunity} placeholder={t('party.chooseCommunity')} />
        <Select
          style={{ width: '100%' }}
          placeholder={t('party.chooseBranch')}
          aria-label={t('party.chooseBranch')}
          value={branchId}
          onChange={setBranchId}
          loading={orgs.isFetching}
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
        />
      </Space>
    </Modal>
  );
}

function RejectModal({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reject = useRejectRegistration();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('party.reject')}
      onCancel={onClose}
      okButtonProps={{ disabled: !reason.trim() }}
      confirmLoading={reject.isPending}
      onOk={() =>
        reject.mutate(
          { id: registration.id, reason },
          { onSuccess: onClose, onError: (e) => void message.error(e.message) },
        )
      }
    >
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        placeholder={t('party.reason')}
      />
    </Modal>
  );
}

type TransferValues = { territoryId?: string; householdId?: string };
const transferFields = fieldsNamed('territoryId', 'householdId');

/** Transfers a registration to another community: the member now lives in a household of it (a new submission there). */
function TransferModal({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const transfer = useTransferRegistration();
  const errors = useApiFormErrors(form, transferFields);
  const territoryId = Form.useWatch('territoryId', form);
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const households = useHouseholdSearch(territoryId, q);
  const submit = (values: TransferValues) => {
    errors.clear();
    transfer.mutate(
      { id: registration.id, territoryId: values.territoryId!, householdId: values.householdId! },
      {
        onSuccess: () => {
          void message.success(t('party.saved'));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };
  return (
    <Modal
      open
      title={t('party.transferOf', { name: registration.name })}
      onCancel={onClose}
      confirmLoading={transfer.isPending}
      okButtonProps={{ 'data-testid': 'party-transfer-save' }}
      onOk={() => form.submit()}
    >
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="territoryId" label={t('party.transferTo')} rules={[{ required: true }]}>
          <TerritorySelect
            testId="party-transfer-community"
            value={territoryId}
            onChange={(id) => {
              form.setFieldsValue({ territoryId: id, householdId: undefined });
            }}
            placeholder={t('party.chooseCommunity')}
          />
        </Form.Item>
        <Form.Item name="householdId" label={t('party.transferHousehold')} rules={[{ required: true }]}>
          <Select
            data-testid="party-transfer-household"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            disabled={!territoryId}
            loading={households.isFetching}
            placeholder={t('party.householdSearch')}
            options={(households.data ?? []).map((h) => ({ value: h.id, label: h.address }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
