import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Segmented,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import { useOpenRound, useRounds, type Round } from './api.ts';

/** The rounds concerning the caller: status, scope, dates and coverage; opening one (round:manage). */
export function RoundsPage() {
  const t = useT();
  const [status, setStatus] = useState<'open' | 'closed' | ''>('');
  const rounds = useRounds(status || undefined);
  const canManage = useCan('round:manage');
  const [opening, setOpening] = useState(false);

  const columns: ColumnsType<Round> = [
    {
      title: t('rounds.col.name'),
      dataIndex: 'name',
      render: (name: string, r) => <Link to={`/rounds/${r.id}`}>{name}</Link>,
    },
    { title: t('rounds.col.scope'), dataIndex: 'territoryName' },
    {
      title: t('rounds.col.dates'),
      key: 'dates',
      render: (_, r) => `${r.startsOn} ~ ${r.endsOn}`,
    },
    {
      title: t('rounds.col.status'),
      dataIndex: 'status',
      render: (s: Round['status']) => (
        <Tag color={s === 'open' ? 'processing' : 'default'}>{t(`rounds.status.${s}`)}</Tag>
      ),
    },
    {
      title: t('rounds.col.coverage'),
      key: 'coverage',
      width: 240,
      render: (_, r) => (
        <div>
          <Progress
            percent={Math.floor(r.coverage.share * 1000) / 10}
            size="small"
            aria-label={`${r.name} ${t('rounds.col.coverage')}`}
          />
          <Typography.Text type="secondary">
            {t('rounds.coverageText', { c: r.coverage.covered, n: r.coverage.households })}
          </Typography.Text>
        </div>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('rounds.title')}
        subtitle={t('rounds.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpening(true)}
              data-testid="rounds-open"
            >
              {t('rounds.open')}
            </Button>
          ) : null
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        aria-label={t('rounds.filter.status')}
        options={[
          { value: '', label: t('rounds.all') },
          { value: 'open', label: t('rounds.status.open') },
          { value: 'closed', label: t('rounds.status.closed') },
        ]}
      />
      <Table
        rowKey="id"
        size="middle"
        loading={rounds.isFetching}
        dataSource={rounds.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="rounds-table"
      />
      {opening ? <OpenRoundModal close={() => setOpening(false)} /> : null}
    </div>
  );
}

type FormValues = {
  territoryId?: string;
  name: string;
  dates?: [Dayjs, Dayjs];
  purpose?: string;
  checklist: string[];
};

/** Opening a round: the scope, name, dates, purpose and the yes/no checklist. */
function OpenRoundModal({ close }: { close: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const open = useOpenRound();
  const errors = useApiFormErrors(
    form,
    (field) =>
      fieldsNamed('territoryId', 'name', 'purpose')(field, '') ??
      (field === 'startsOn' || field === 'endsOn'
        ? 'dates'
        : field.startsWith('checklist.')
          ? ['checklist', Number(field.split('.')[1])]
          : null),
  );

  const submit = async () => {
    const values = await form.validateFields();
    errors.clear();
    open.mutate(
      {
        territoryId: values.territoryId!,
        name: values.name,
        purpose: values.purpose || undefined,
        startsOn: values.dates![0].format('YYYY-MM-DD'),
        endsOn: values.dates![1].format('YYYY-MM-DD'),
        checklist: (values.checklist ?? []).map((q) => q.trim()).filter(Boolean),
      },
      {
        onSuccess: (round) => {
          void message.success(t('rounds.opened', { n: round.coverage.households }));
          close();
          void navigate(`/rounds/${round.id}`);
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('rounds.open')}
      onCancel={close}
      onOk={() => void submit()}
      confirmLoading={open.isPending}
      width={560}
    >
      {errors.alert}
      <Form form={form} layout="vertical" initialValues={{ checklist: [''] }} data-testid="rounds-form">
        <Form.Item
          name="territoryId"
          label={t('rounds.form.scope')}
          rules={[{ required: true, message: t('rounds.form.scopeRequired') }]}
        >
          <TerritorySelect
            placeholder={t('rounds.form.scope')}
            onChange={(id) => form.setFieldValue('territoryId', id)}
            testId="rounds-form-scope"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('rounds.form.name')}
          rules={[{ required: true, whitespace: true, message: t('rounds.form.nameRequired') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('rounds.form.namePlaceholder')}
            data-testid="rounds-form-name"
          />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('rounds.form.dates')}
          rules={[{ required: true, message: t('rounds.form.datesRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="rounds-form-dates" />
        </Form.Item>
        <Form.Item name="purpose" label={t('rounds.form.purpose')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item label={t('rounds.form.checklist')} required={false}>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                    <Form.Item name={field.name} noStyle>
                      <Input
                        maxLength={100}
                        aria-label={`${t('rounds.form.question')} ${i + 1}`}
                        placeholder={t('rounds.form.questionPlaceholder')}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('rounds.form.removeQuestion')}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                ))}
                {fields.length < 10 ? (
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
                    {t('rounds.form.addQuestion')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
