import { App, Button, DatePicker, Form, Input, Radio, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useApiFormErrors, type FieldMapper } from '../../components/form-errors.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  useBuildingOptions,
  useHouseholdOptions,
  useVisitLogTags,
  useWriteVisitLog,
  visitLogKinds,
  type FollowUp,
  type VisitLogKind,
} from './api.ts';

type Attach = 'households' | 'building' | 'grid';
type Values = {
  kind: VisitLogKind;
  text: string;
  householdIds?: string[];
  buildingId?: string;
  gridId?: string;
  tags?: string[];
  occurredOn: Dayjs;
  followUp: FollowUp;
};

const mapField: FieldMapper = (field) => {
  if (field === 'placeId') return null;
  if (field.startsWith('tags')) return 'tags';
  return ['kind', 'text', 'householdIds', 'occurredOn', 'followUp'].includes(field) ? field : null;
};

/**
 * Writing a visit log, phone first (grid workers write on the stairs): kind, what was learned, the households, the
 * building or the grid it is about, tags (suggested ones or new), the day and whether it needs a follow-up.
 */
export function WriteVisitLogPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useApiFormErrors(form, mapField);
  const canPickGrid = useCan('territory:read');
  const [attach, setAttach] = useState<Attach>('households');
  const [householdSearch, setHouseholdSearch] = useState('');
  const [buildingSearch, setBuildingSearch] = useState('');
  const households = useHouseholdOptions(useDeferredValue(householdSearch.trim()), attach === 'households');
  const buildings = useBuildingOptions(useDeferredValue(buildingSearch.trim()), attach === 'building');
  const tags = useVisitLogTags();
  const write = useWriteVisitLog();

  const submit = (values: Values) => {
    errors.clear();
    write.mutate(
      {
        kind: values.kind,
        text: values.text,
        tags: values.tags?.length ? values.tags : undefined,
        occurredOn: values.occurredOn.format('YYYY-MM-DD'),
        followUp: values.followUp,
        householdIds: attach === 'households' ? values.householdIds : undefined,
        placeId: attach === 'building' ? values.buildingId : attach === 'grid' ? values.gridId : undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('visitLogs.saved'));
          void navigate('/visit-logs');
        },
        onError: errors.apply,
      },
    );
  };

  const required = [{ required: true, message: t('visitLogs.form.required') }];
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('menu.visitLogWrite')} />
      {errors.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        data-testid="visit-log-form"
        initialValues={{ kind: 'need', occurredOn: dayjs(), followUp: 'none' }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('visitLogs.form.kind')} rules={required}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={visitLogKinds.map((k) => ({ value: k, label: t(`visitLogs.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="text" label={t('visitLogs.form.text')} rules={required}>
          <Input.TextArea
            data-testid="visit-log-text-input"
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={2000}
            showCount
            placeholder={t('visitLogs.form.textPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('visitLogs.form.attach')}>
          <Segmented<Attach>
            block
            value={attach}
            onChange={setAttach}
            options={[
              { value: 'households', label: t('visitLogs.form.attachHouseholds') },
              { value: 'building', label: t('visitLogs.form.attachBuilding') },
              ...(canPickGrid ? [{ value: 'grid' as const, label: t('visitLogs.form.attachGrid') }] : []),
            ]}
          />
        </Form.Item>
        {attach === 'households' ? (
          <Form.Item name="householdIds" label={t('visitLogs.form.households')} rules={required}>
            <Select
              mode="multiple"
              data-testid="visit-log-households"
              aria-label={t('visitLogs.form.households')}
              showSearch={{ filterOption: false, onSearch: setHouseholdSearch }}
              placeholder={t('visitLogs.form.householdSearch')}
              loading={households.isFetching}
              options={(households.data ?? []).map((h) => ({
                value: h.id,
                label: `${h.address}${h.headName ? ` · ${h.headName}` : ''}`,
              }))}
            />
          </Form.Item>
        ) : null}
        {attach === 'building' ? (
          <Form.Item name="buildingId" label={t('visitLogs.form.building')} rules={required}>
            <Select
              data-testid="visit-log-building"
              aria-label={t('visitLogs.form.building')}
              showSearch={{ filterOption: false, onSearch: setBuildingSearch }}
              placeholder={t('visitLogs.form.buildingSearch')}
              loading={buildings.isFetching}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
          </Form.Item>
        ) : null}
        {attach === 'grid' ? (
          <Form.Item name="gridId" label={t('visitLogs.form.grid')} rules={required}>
            <TerritorySelect
              placeholder={t('visitLogs.form.grid')}
              onChange={(id) => form.setFieldValue('gridId', id)}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="tags" label={t('visitLogs.form.tags')} extra={t('visitLogs.form.tagsHint')}>
          <Select
            mode="tags"
            aria-label={t('visitLogs.form.tags')}
            maxCount={10}
            options={(tags.data?.suggested ?? []).map((tag) => ({ value: tag, label: tag }))}
          />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('visitLogs.form.occurredOn')} rules={required}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item name="followUp" label={t('visitLogs.form.followUp')}>
          <Radio.Group
            optionType="button"
            options={(['none', 'open'] as const).map((f) => ({
              value: f,
              label: t(`visitLogs.followUp.${f}`),
            }))}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={write.isPending}
          data-testid="visit-log-submit"
        >
          {t('visitLogs.form.submit')}
        </Button>
      </Form>
    </div>
  );
}
