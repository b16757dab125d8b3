import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useT } from '../../app/i18n.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiFormErrors, type FieldMapper } from '../../components/form-errors.tsx';
import {
  useDeregister,
  useMyHome,
  useMyRegistrations,
  useRegister,
  useSkillSuggestions,
  type Registration,
  type RegistrationHome,
} from './api.ts';
import { registrationStatusColor } from './registration-status.ts';

const workUnitKinds = ['government', 'public_institution', 'state_enterprise', 'other'] as const;

type Values = {
  workUnitName: string;
  workUnitKind: (typeof workUnitKinds)[number];
  skills?: string[];
  availability?: string;
};

/** The API's fields ("workUnit.name", "skills.2") on the form's. */
const mapField: FieldMapper = (field) => {
  if (field === 'workUnit.name' || field === 'workUnitId' || field === 'workUnit') return 'workUnitName';
  if (field === 'workUnit.kind') return 'workUnitKind';
  if (field.startsWith('skills')) return 'skills';
  if (field === 'availability') return 'availability';
  return null;
};

const current = (r: Registration) => (r.status === 'submitted' || r.status === 'approved') && !r.endsOn;

/**
 * A party member's own residence registration (双报到): where they live (their household, from the registry), a form
 * to register with that community (work unit, skills, availability), their registrations with the status of each,
 * and deregistering the current one.
 */
export function MyRegistrationPage() {
  const t = useT();
  const mine = useMyRegistrations();
  const home = useMyHome();
  const list = mine.data ?? [];
  const open = list.find(current);
  return (
    <>
      <PageHeader title={t('party.mine.title')} subtitle={t('party.mine.subtitle')} />
      {mine.isError ? (
        <Alert type="error" showIcon title={mine.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {open ? (
        <CurrentCard registration={open} />
      ) : home.isPending ? null : home.data ? (
        <RegisterCard home={home.data} />
      ) : (
        <Card>
          <Empty description={t('party.mine.noHome')} />
        </Card>
      )}
      <Card title={t('party.mine.history')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          data-testid="party-my-registrations"
          loading={mine.isPending}
          dataSource={list}
          pagination={false}
          columns={[
            { title: t('party.workUnit'), render: (_, r) => r.workUnit.name },
            { title: t('party.address'), dataIndex: 'address' },
            {
              title: t('party.status'),
              render: (_, r) => (
                <Tag color={registrationStatusColor[r.status]}>
                  {t(`party.registration.${r.status}`)}
                  {r.branchName ? ` · ${r.branchName}` : ''}
                </Tag>
              ),
            },
            { title: t('party.mine.since'), render: (_, r) => r.startsOn ?? r.createdAt.slice(0, 10) },
            { title: t('party.reason'), render: (_, r) => r.reason ?? '' },
          ]}
        />
      </Card>
    </>
  );
}

function CurrentCard({ registration }: { registration: Registration }) {
  const t = useT();
  const { message } = App.useApp();
  const deregister = useDeregister();
  return (
    <Card
      title={t('party.mine.current')}
      data-testid="party-my-current"
      extra={
        <Popconfirm
          title={t('party.mine.deregisterConfirm')}
          onConfirm={() =>
            deregister.mutateAsync(registration.id).then(
              () => void message.success(t('party.saved')),
              (e: Error) => void message.error(e.message),
            )
          }
        >
          <Button danger data-testid="party-my-deregister" loading={deregister.isPending}>
            {t('party.deregister')}
          </Button>
        </Popconfirm>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('party.status')}>
          <Tag color={registrationStatusColor[registration.status]}>
            {t(`party.registration.${registration.status}`)}
          </Tag>
          {registration.branchName}
        </Descriptions.Item>
        <Descriptions.Item label={t('party.workUnit')}>{registration.workUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('party.address')}>{registration.address}</Descriptions.Item>
        <Descriptions.Item label={t('party.skills')}>
          {registration.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('party.availability')}>
          {registration.availability ?? '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function RegisterCard({ home }: { home: RegistrationHome }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const skills = useSkillSuggestions();
  const errors = useApiFormErrors(form, mapField);
  const submit = (values: Values) => {
    errors.clear();
    register.mutate(
      {
        territoryId: home.communityId,
        householdId: home.householdId,
        workUnit: { name: values.workUnitName, kind: values.workUnitKind },
        skills: values.skills ?? [],
        availability: values.availability?.trim() || null,
      },
      { onSuccess: () => void message.success(t('party.mine.submitted')), onError: errors.apply },
    );
  };
  return (
    <Card title={t('party.mine.register')} data-testid="party-register-card">
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('party.mine.community')}>{home.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('party.address')}>{home.address}</Descriptions.Item>
      </Descriptions>
      {errors.alert}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ workUnitKind: 'government' }}
        style={{ maxWidth: 520 }}
      >
        <Form.Item
          name="workUnitName"
          label={t('party.workUnit')}
          rules={[{ required: true, whitespace: true, message: t('party.mine.workUnitRequired') }]}
        >
          <Input maxLength={60} data-testid="party-register-unit" />
        </Form.Item>
        <Form.Item name="workUnitKind" label={t('party.kindLabel')} rules={[{ required: true }]}>
          <Select options={workUnitKinds.map((k) => ({ value: k, label: t(`party.workUnitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="skills" label={t('party.skills')}>
          <Select
            mode="tags"
            data-testid="party-register-skills"
            options={(skills.data ?? []).map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item name="availability" label={t('party.availability')}>
          <Input maxLength={100} data-testid="party-register-availability" />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={register.isPending}
            data-testid="party-register-submit"
          >
            {t('party.mine.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
