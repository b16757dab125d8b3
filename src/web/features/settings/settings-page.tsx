import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { formatDateTime } from '../../app/format.ts';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSaveSetting, useSettings, type Setting } from './api.ts';

type Values = { value: number | string };

/** The control of a setting; Form.Item hands it `value` and `onChange`, passed on to the input. */
function Control({
  setting,
  label,
  value,
  onChange,
}: {
  setting: Setting;
  label: string;
  value?: number | string;
  onChange?: (value: number | string | null) => void;
}) {
  const { pick } = useI18n();
  const input = setting.input;
  const bound = { value, onChange };
  if (input.kind === 'integer') {
    return (
      <InputNumber<number>
        {...(bound as { value?: number; onChange?: (v: number | null) => void })}
        min={input.min}
        max={input.max}
        precision={0}
        suffix={input.unit ? pick(input.unit) : undefined}
        aria-label={label}
        style={{ width: 220 }}
      />
    );
  }
  if (input.kind === 'choice') {
    return (
      <Select
        {...(bound as { value?: string; onChange?: (v: string) => void })}
        aria-label={label}
        style={{ width: 260 }}
        options={Object.entries(input.options).map(([value, text]) => ({ value, label: pick(text) }))}
      />
    );
  }
  return (
    <Input
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      maxLength={input.maxLength}
      aria-label={label}
    />
  );
}

function shown(setting: Setting, value: number | string, pick: (t: { zh: string; en: string }) => string) {
  const input = setting.input;
  if (input.kind === 'choice') {
    return pick(input.options[String(value)] ?? { zh: String(value), en: String(value) });
  }
  if (input.kind === 'integer') return `${value.toLocaleString()}${input.unit ? ` ${pick(input.unit)}` : ''}`;
  return value === '' ? '—' : String(value);
}

/** One setting: its control, what it does, its default and when it was last changed; saved on its own. */
function SettingCard({ setting }: { setting: Setting }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSetting();
  const { apply, clear, alert } = useApiFormErrors(form, fieldsNamed('value'));
  const label = pick(setting.label);
  const submit = (value: number | string) => {
    clear();
    save.mutate(
      { key: setting.key, value },
      {
        onSuccess: (row) => {
          form.setFieldsValue({ value: row.value });
          void message.success(t('settings.saved'));
        },
        onError: apply,
      },
    );
  };
  return (
    <Card size="small" title={label} data-testid={`setting-${setting.key}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {setting.help ? <Typography.Text type="secondary">{pick(setting.help)}</Typography.Text> : null}
        {alert}
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ value: setting.value }}
          onFinish={(values) => submit(values.value)}
        >
          <Form.Item name="value" rules={[{ required: true }]}>
            <Control setting={setting} label={label} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('settings.save')}
              </Button>
              <Button
                onClick={() => submit(setting.default)}
                disabled={setting.updatedAt === null || save.isPending}
              >
                {t('settings.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">
          {t('settings.default', { value: shown(setting, setting.default, pick) })} ·{' '}
          {setting.updatedAt
            ? t('settings.changedAt', { at: formatDateTime(setting.updatedAt) })
            : t('settings.never')}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** The county's settings, one card each. */
export function SettingsPage() {
  const { t } = useI18n();
  const list = useSettings();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="settings-page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {list.isError ? <Alert type="error" showIcon title={list.error.message} /> : null}
      {list.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
      {list.data?.map((setting) => (
        <SettingCard key={setting.key} setting={setting} />
      ))}
    </Space>
  );
}
