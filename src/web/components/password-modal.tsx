import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../app/i18n.tsx';
import { fieldsNamed, useApiFormErrors } from './form-errors.tsx';

/** What the dialog hands to `save`; `currentPassword` only when it asked for it. */
export type PasswordValues = { currentPassword?: string; newPassword: string };

type FormValues = { currentPassword?: string; newPassword: string; confirm: string };

const mapField = fieldsNamed('currentPassword', 'newPassword');

/**
 * The one password dialog: a new password typed twice (the policy shown, the server's verdict under the field),
 * optionally after the current one. `save` runs the request and resolves when it succeeded; a rejection lands
 * on the form. Escape, the close button, Cancel and a click on the mask close it; `forced` cannot be dismissed
 * (none of them), and `onLogout` replaces Cancel as the way out.
 */
export function PasswordModal({
  open = true,
  title,
  hint,
  askCurrent = false,
  forced = false,
  save,
  onClose,
  afterClose,
  onLogout,
  testId,
}: {
  open?: boolean;
  title: ReactNode;
  /** Shown above the form: what the change does. */
  hint?: { type: 'info' | 'warning'; text: ReactNode };
  askCurrent?: boolean;
  forced?: boolean;
  save: (values: PasswordValues) => Promise<unknown>;
  onClose: () => void;
  /** Once closed (after the animation): e.g. focus back to what opened it. */
  afterClose?: () => void;
  onLogout?: () => void;
  testId?: string;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const errors = useApiFormErrors(form, mapField);
  const [saving, setSaving] = useState(false);

  const close = () => {
    errors.clear();
    onClose();
  };

  const submit = async (values: FormValues) => {
    errors.clear();
    setSaving(true);
    try {
      await save({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      close();
    } catch (error) {
      errors.apply(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      onCancel={close}
      afterClose={afterClose}
      // antd's Escape goes to the top of a page-wide stack of popups, where a closed menu or a page's popup can
      // stay and swallow it (the user menu this dialog opens from did); the dialog answers Escape itself.
      wrapProps={{
        onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
          if (event.key === 'Escape' && !forced && !event.nativeEvent.isComposing) close();
        },
      }}
      destroyOnHidden
      data-testid={testId}
      footer={[
        forced && onLogout ? (
          <Button key="logout" onClick={onLogout}>
            {t('header.logout')}
          </Button>
        ) : (
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>
        ),
        <Button key="ok" type="primary" loading={saving} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      {hint ? <Alert type={hint.type} showIcon title={hint.text} style={{ marginBottom: 16 }} /> : null}
      {errors.alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        requiredMark={false}
        preserve={false}
      >
        {askCurrent ? (
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        ) : null}
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
