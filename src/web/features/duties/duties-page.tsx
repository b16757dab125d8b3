import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  dutyEvidence,
  dutyFrequencies,
  dutyModes,
  roleGroups,
  useCreateItem,
  useDutyItems,
  useGenerate,
  useUpdateItem,
  type DutyItem,
  type ItemFilter,
  type RoleGroup,
} from './api.ts';

/** The duty lists: the county's template and the communities' own items, by role group; add, edit, retire. */
export function DutiesPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canManage = useCan('duty:manage');
  const canGenerate = useCan('duty:generate');
  const [filter, setFilter] = useState<ItemFilter>({});
  const items = useDutyItems(filter);
  const update = useUpdateItem();
  const generate = useGenerate();
  const [editing, setEditing] = useState<DutyItem | 'new' | null>(null);
  const onError = (error: Error) => void message.error(error.message);

  const retire = (item: DutyItem) =>
    modal.confirm({
      title: t('duties.retire'),
      content: t('duties.retireConfirm', { title: item.title }),
      onOk: () =>
        update
          .mutateAsync({ id: item.id, endsOn: dayjs().subtract(1, 'day').format('YYYY-MM-DD') })
          .catch((error: Error) => {
            onError(error);
            throw error;
          }),
    });

  return (
    <>
      <PageHeader
        title={t('duties.title')}
        subtitle={t('duties.subtitle')}
        extra={
          <Space wrap>
            {canGenerate ? (
              <Button
                loading={generate.isPending}
                onClick={() =>
                  generate.mutate(
                    {},
                    {
                      onSuccess: (r) => void message.success(t('duties.generated', { n: r.created })),
                      onError,
                    },
                  )
                }
              >
                {t('duties.generate')}
              </Button>
            ) : null}
            {canManage ? (
              <Button type="primary" data-testid="duties-add" onClick={() => setEditing('new')}>
                {t('duties.add')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('duties.filter.group')}
          aria-label={t('duties.filter.group')}
          value={filter.roleGroup}
          onChange={(roleGroup?: RoleGroup) => setFilter({ ...filter, roleGroup })}
          options={roleGroups.map((g) => ({ value: g, label: t(`duties.group.${g}`) }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('duties.filter.mode')}
          aria-label={t('duties.filter.mode')}
          value={filter.mode}
          onChange={(mode?: ItemFilter['mode']) => setFilter({ ...filter, mode })}
          options={dutyModes.map((m) => ({ value: m, label: t(`duties.mode.${m}`) }))}
        />
        <Checkbox
          checked={filter.retired === 'true'}
          onChange={(e) => setFilter({ ...filter, retired: e.target.checked ? 'true' : undefined })}
        >
          {t('duties.filter.retired')}
        </Checkbox>
      </Space>
      <Table<DutyItem>
        rowKey="id"
        size="middle"
        loading={items.isFetching}
        dataSource={items.data ?? []}
        scroll={{ x: 960 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('duties.col.group'),
            dataIndex: 'roleGroup',
            width: 150,
            render: (g: RoleGroup) => t(`duties.group.${g}`),
          },
          {
            title: t('duties.col.title'),
            key: 'title',
            render: (_, r) => (
              <>
                {r.title}
                {r.shared ? (
                  <Tag color="purple" style={{ marginLeft: 8 }}>
                    {t('duties.shared')}
                  </Tag>
                ) : null}
                {r.description ? (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {r.description}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t('duties.col.mode'),
            dataIndex: 'mode',
            width: 80,
            render: (m: DutyItem['mode']) => (
              <Tag color={m === 'emergency' ? 'red' : 'blue'}>{t(`duties.mode.${m}`)}</Tag>
            ),
          },
          {
            title: t('duties.col.frequency'),
            dataIndex: 'frequency',
            width: 100,
            render: (f: DutyItem['frequency']) => t(`duties.frequency.${f}`),
          },
          {
            title: t('duties.col.evidence'),
            dataIndex: 'evidence',
            width: 100,
            render: (e: DutyItem['evidence']) => t(`duties.evidence.${e}`),
          },
          {
            title: t('duties.col.owner'),
            key: 'owner',
            width: 140,
            render: (_, r) => r.communityName ?? t('duties.template'),
          },
          {
            title: t('duties.col.period'),
            key: 'period',
            width: 200,
            render: (_, r) => (
              <>
                {r.startsOn} ~ {r.endsOn ?? ''}
                {r.retired ? <Tag style={{ marginLeft: 8 }}>{t('duties.retired')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('duties.col.actions'),
            key: 'actions',
            width: 140,
            render: (_, r) =>
              r.editable && canManage ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(r)}>
                    {t('duties.edit')}
                  </Button>
                  {r.retired ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => update.mutate({ id: r.id, endsOn: null }, { onError })}
                    >
                      {t('duties.reinstate')}
                    </Button>
                  ) : (
                    <Button type="link" size="small" danger onClick={() => retire(r)}>
                      {t('duties.retire')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <ItemModal
          t={t}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void message.success(t('duties.saved'));
          }}
        />
      ) : null}
    </>
  );
}

type ItemValues = {
  communityId?: string;
  roleGroup: RoleGroup;
  title: string;
  description?: string;
  mode: DutyItem['mode'];
  frequency: DutyItem['frequency'];
  evidence: DutyItem['evidence'];
  shared?: boolean;
  startsOn?: Dayjs;
  endsOn?: Dayjs | null;
};

/** Adds an item (to a community, or the county's template) or edits one. */
function ItemModal({
  t,
  item,
  onClose,
  onDone,
}: {
  t: Translate;
  item: DutyItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<ItemValues>();
  const { message } = App.useApp();
  const create = useCreateItem();
  const update = useUpdateItem();
  const group = Form.useWatch('roleGroup', form);
  const shareable = group === 'branch_secretary' || group === 'grid_worker';
  const onError = (error: Error) => void message.error(error.message);
  const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
  const submit = (values: ItemValues) => {
    if (item) {
      update.mutate(
        {
          id: item.id,
          title: values.title,
          description: values.description || null,
          mode: values.mode,
          frequency: values.frequency,
          evidence: values.evidence,
          shared: shareable ? Boolean(values.shared) : false,
          endsOn: values.endsOn ? day(values.endsOn) : null,
        },
        { onSuccess: onDone, onError },
      );
    } else {
      create.mutate(
        {
          communityId: values.communityId,
          roleGroup: values.roleGroup,
          title: values.title,
          description: values.description || undefined,
          mode: values.mode,
          frequency: values.frequency,
          evidence: values.evidence,
          shared: shareable ? Boolean(values.shared) : undefined,
          startsOn: day(values.startsOn),
          endsOn: day(values.endsOn),
        },
        { onSuccess: onDone, onError },
      );
    }
  };
  return (
    <Modal
      open
      title={item ? t('duties.edit') : t('duties.add')}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.validateFields().then(submit)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          item
            ? {
                ...item,
                description: item.description ?? undefined,
                startsOn: dayjs(item.startsOn),
                endsOn: item.endsOn ? dayjs(item.endsOn) : null,
              }
            : { roleGroup: 'grid_worker', mode: 'normal', frequency: 'weekly', evidence: 'note' }
        }
      >
        {item ? null : (
          <Form.Item name="communityId" label={t('duties.form.community')}>
            <TerritorySelect
              placeholder={t('duties.form.community')}
              onChange={(id) => form.setFieldValue('communityId', id)}
            />
          </Form.Item>
        )}
        <Form.Item name="roleGroup" label={t('duties.form.group')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(item)}
            options={roleGroups.map((g) => ({ value: g, label: t(`duties.group.${g}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('duties.form.title')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('duties.form.description')}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="mode" label={t('duties.form.mode')} rules={[{ required: true }]}>
            <Select
              style={{ width: 110 }}
              options={dutyModes.map((m) => ({ value: m, label: t(`duties.mode.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name="frequency" label={t('duties.form.frequency')} rules={[{ required: true }]}>
            <Select
              style={{ width: 130 }}
              options={dutyFrequencies.map((f) => ({ value: f, label: t(`duties.frequency.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="evidence" label={t('duties.form.evidence')} rules={[{ required: true }]}>
            <Select
              style={{ width: 130 }}
              options={dutyEvidence.map((e) => ({ value: e, label: t(`duties.evidence.${e}`) }))}
            />
          </Form.Item>
        </Space>
        {shareable ? (
          <Form.Item name="shared" label={t('duties.shared')} valuePropName="checked">
            <Switch aria-label={t('duties.form.shared')} />
          </Form.Item>
        ) : null}
        {shareable ? (
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('duties.form.shared')}
          </Typography.Text>
        ) : null}
        <Space wrap>
          {item ? null : (
            <Form.Item name="startsOn" label={t('duties.form.startsOn')}>
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item name="endsOn" label={t('duties.form.endsOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
