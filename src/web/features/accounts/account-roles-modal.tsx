import { App, Form, Grid, Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { useApiFormErrors } from '../../components/form-errors.tsx';
import { useSetRoles, type Account, type RoleInfo } from './api.ts';
import { RoleScopeRows, roleFieldOf, toAssignments, type RoleRowsValues } from './role-scope-rows.tsx';

/** Replaces an account's roles and scopes; the account must sign in again afterwards. */
export function AccountRolesModal({
  account,
  catalogue,
  onClose,
}: {
  account: Account;
  catalogue: RoleInfo[];
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RoleRowsValues>();
  const setRoles = useSetRoles();
  const errors = useApiFormErrors(form, roleFieldOf);

  const submit = (values: RoleRowsValues) => {
    errors.clear();
    setRoles.mutate(
      { id: account.id, roles: toAssignments(values.roles) },
      {
        onSuccess: () => {
          void message.success(t('accounts.rolesOk', { name: account.displayName }));
          onClose();
        },
        onError: errors.apply,
      },
    );
  };

  return (
    <Modal
      open
      width={screens.md === false ? '100%' : 820}
      title={t('accounts.rolesTitle', { name: account.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={setRoles.isPending}
      destroyOnHidden
      data-testid="account-roles"
    >
      {errors.alert}
      <Form<RoleRowsValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          roles: account.roles.map((r) => ({ role: r.role, scopeKind: r.scopeKind, scopeIds: r.scopeIds })),
        }}
      >
        <RoleScopeRows catalogue={catalogue} />
      </Form>
    </Modal>
  );
}
