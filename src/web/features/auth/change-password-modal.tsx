import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { useChangePassword } from './api.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };

const mapField = fieldsNamed('currentPassword', 'newPassword');

/**
 * Changes the caller's own password. `forced` (first sign-in, or after a reset) cannot be dismissed;
 * the only other way out is signing out.
 */
export function ChangePasswordModal({
  open,
  forced,
  onClose,
  onLogout,
}: {
  open: boolean;
  forced: boolean;
  onClose: () => void;
  onLogout: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const errors = useApiFormErrors(form, mapField);

  const submit = (values: Values) => {
    errors.clear();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          onClose();
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="change-password-modal"
      footer={[
        forced ? (
          <Button key="logout" onClick={onLogout}>
            {t('header.logout')}
          </Button>
        ) : (
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        ),
        <Button key="ok" type="primary" loading={change.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      {forced ? (
        <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
      ) : null}
      {errors.alert}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
