import { App, Button, Col, Divider, Drawer, Form, Grid, Input, Row, Space } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { useApiFormErrors } from '../../components/form-errors.tsx';
import { MOBILE_PATTERN, useCreateAccount, type RoleInfo } from './api.ts';
import { RoleScopeRows, roleFieldOf, toAssignments, type RoleRowsValues } from './role-scope-rows.tsx';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';

type Values = RoleRowsValues & { username: string; displayName: string; mobile?: string; password: string };

const plainFields = ['username', 'displayName', 'mobile', 'password'];
const mapField = (field: string, code: string) =>
  plainFields.includes(field) ? field : roleFieldOf(field, code);

/** Opens a new account with its roles and scopes; API field errors land on the fields they name. */
export function AccountCreateDrawer({
  open,
  catalogue,
  onClose,
}: {
  open: boolean;
  catalogue: RoleInfo[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const create = useCreateAccount();
  const errors = useApiFormErrors(form, mapField);

  const close = () => {
    errors.clear();
    onClose();
  };

  const submit = (values: Values) => {
    errors.clear();
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        mobile: values.mobile?.trim() || undefined,
        password: values.password,
        roles: toAssignments(values.roles),
      },
      {
        onSuccess: (account) => {
          void message.success(t('accounts.createdOk', { name: account.displayName }));
          form.resetFields();
          close();
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Drawer
      open={open}
      afterOpenChange={focusOpenDrawer}
      title={t('accounts.createTitle')}
      onClose={close}
      size={screens.md === false ? '100%' : 760}
      destroyOnHidden
      data-testid="account-create"
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="account-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {errors.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: [{ scopeIds: [] }] }}
        preserve={false}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('accounts.username')}
              extra={t('accounts.usernameHint')}
              rules={[{ required: true, whitespace: true, message: t('accounts.usernameRequired') }]}
            >
              <Input autoComplete="off" data-testid="account-username" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('accounts.displayName')}
              rules={[{ required: true, whitespace: true, message: t('accounts.displayNameRequired') }]}
            >
              <Input maxLength={40} data-testid="account-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="mobile"
              label={t('accounts.mobile')}
              rules={[{ pattern: MOBILE_PATTERN, message: t('accounts.mobileInvalid') }]}
            >
              <Input
                inputMode="numeric"
                maxLength={11}
                placeholder={t('common.optional')}
                data-testid="account-mobile"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="password"
              label={t('accounts.initialPassword')}
              extra={t('password.policy')}
              rules={[{ required: true, message: t('accounts.passwordRequired') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="account-password" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('accounts.roleRows')}
        </Divider>
        <RoleScopeRows catalogue={catalogue} />
      </Form>
    </Drawer>
  );
}
