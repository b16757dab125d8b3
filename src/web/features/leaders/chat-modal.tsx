import { App, Button, Form, Input, InputNumber, Modal, Space, Spin } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { useBuildingLeaders, usePutChat } from './api.ts';

/** The server's limit on the QR image (128 KB of image); larger files are refused here before sending. */
const QR_MAX_BYTES = 128 * 1024;

type Values = { name: string; memberCount: number; qrImage: string | null };

const mapField = fieldsNamed('name', 'memberCount', 'qrImage');

/** Reads a file as a data URL. */
function dataUrlOf(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

/**
 * A building's residents' WeChat group (楼栋微信群): its name, member count and QR image (PNG or JPEG, at most
 * 128 KB), shown and recorded; the API's field errors show under their fields.
 */
export function ChatModal({ buildingId, onClose }: { buildingId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const building = useBuildingLeaders(buildingId);
  const put = usePutChat();
  const errors = useApiFormErrors(form, mapField);
  const data = building.data;
  const initialValues: Values | undefined = data
    ? data.chat
      ? { name: data.chat.name, memberCount: data.chat.memberCount, qrImage: data.chat.qrImage }
      : {
          name: `${data.building.compound ?? ''}${data.building.name}居民群`.slice(0, 60),
          memberCount: 0,
          qrImage: null,
        }
    : undefined;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      form.setFields([{ name: 'qrImage', errors: [t('leaders.chat.qrType')] }]);
      return;
    }
    if (file.size > QR_MAX_BYTES) {
      form.setFields([{ name: 'qrImage', errors: [t('leaders.chat.qrSize')] }]);
      return;
    }
    form.setFields([{ name: 'qrImage', value: await dataUrlOf(file), errors: [] }]);
  };

  const submit = (values: Values) => {
    errors.clear();
    put.mutate(
      { id: buildingId, name: values.name, memberCount: values.memberCount, qrImage: values.qrImage ?? null },
      {
        onSuccess: () => {
          void message.success(t('leaders.saved'));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={
        building.data
          ? t('leaders.chat.titleOf', { building: building.data.building.name })
          : t('leaders.chat.title')
      }
      onCancel={onClose}
      okText={t('leaders.chat.save')}
      okButtonProps={{ 'data-testid': 'chat-save', disabled: !data }}
      confirmLoading={put.isPending}
      onOk={() => form.submit()}
    >
      {building.isPending ? <Spin /> : null}
      {errors.alert}
      {initialValues ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={initialValues}
          data-testid="chat-form"
        >
          <Form.Item
            name="name"
            label={t('leaders.chat.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} data-testid="chat-name" />
          </Form.Item>
          <Form.Item name="memberCount" label={t('leaders.chat.members')} rules={[{ required: true }]}>
            <InputNumber min={0} max={5000} precision={0} data-testid="chat-members" />
          </Form.Item>
          <Form.Item name="qrImage" label={t('leaders.chat.qr')} extra={t('leaders.chat.qrHint')}>
            <QrField onPick={(file) => void pick(file)} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

/** The QR image field: a preview of the current image, a file input and a remove button. */
function QrField({
  value,
  onChange,
  onPick,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  onPick: (file: File | undefined) => void;
}) {
  const t = useT();
  return (
    <Space direction="vertical">
      {value ? (
        <img
          src={value}
          alt={t('leaders.chat.qr')}
          data-testid="chat-qr-preview"
          style={{ width: 160, height: 160, objectFit: 'contain', border: '1px solid #f0f0f0' }}
        />
      ) : null}
      <Space>
        <input
          type="file"
          accept="image/png,image/jpeg"
          aria-label={t('leaders.chat.qrUpload')}
          data-testid="chat-qr-file"
          onChange={(e) => onPick(e.target.files?.[0])}
        />
        {value ? (
          <Button size="small" onClick={() => onChange?.(null)}>
            {t('leaders.chat.qrRemove')}
          </Button>
        ) : null}
      </Space>
    </Space>
  );
}
