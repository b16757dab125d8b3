import { Alert, App, Form, Input, Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { useResetPassword, type Account } from './api.ts';

type Values = { newPassword: string; confirm: string };

const mapField = fieldsNamed('newPassword');

/** An administrator sets a new password; the account's sessions end and it must change it at next sign-in. */
export function AccountPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const errors = useApiFormErrors(form, mapField);

  const submit = (values: Values) => {
    errors.clear();
    reset.mutate(
      { id: account.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('accounts.resetDone', { name: account.displayName }));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('accounts.resetTitle', { name: account.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      destroyOnHidden
      data-testid="account-password"
    >
      <Alert type="info" showIcon title={t('accounts.resetHint')} style={{ marginBottom: 16 }} />
      {errors.alert}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
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
