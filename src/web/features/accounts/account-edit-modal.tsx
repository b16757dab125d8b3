import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from '../../components/form-errors.tsx';
import { MOBILE_PATTERN, useUpdateAccount, type Account } from './api.ts';

type Values = { displayName: string; mobile?: string; clearMobile?: boolean };

const mapField = fieldsNamed('displayName', 'mobile');

/**
 * Edits the name and mobile number. The list only holds the masked number, so the field starts empty and
 * an empty field keeps the number; a checkbox removes it.
 */
export function AccountEditModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateAccount();
  const errors = useApiFormErrors(form, mapField);
  const clearMobile = Form.useWatch('clearMobile', form);

  const submit = (values: Values) => {
    errors.clear();
    const mobile = values.clearMobile ? null : values.mobile?.trim() || undefined;
    update.mutate(
      { id: account.id, displayName: values.displayName.trim(), mobile },
      {
        onSuccess: (saved) => {
          void message.success(t('accounts.updatedOk', { name: saved.displayName }));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Modal
      open
      title={t('accounts.editTitle', { name: account.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
      data-testid="account-edit"
    >
      {errors.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ displayName: account.displayName }}
      >
        <Form.Item label={t('accounts.username')}>
          <Input value={account.username} disabled />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[{ required: true, whitespace: true, message: t('accounts.displayNameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('accounts.mobile')}
          rules={[{ pattern: MOBILE_PATTERN, message: t('accounts.mobileInvalid') }]}
        >
          <Input
            inputMode="numeric"
            maxLength={11}
            disabled={Boolean(clearMobile)}
            placeholder={
              account.mobile ? t('accounts.mobileKeep', { mobile: account.mobile }) : t('common.optional')
            }
          />
        </Form.Item>
        {account.mobile ? (
          <Form.Item name="clearMobile" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{t('accounts.mobileClear')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
