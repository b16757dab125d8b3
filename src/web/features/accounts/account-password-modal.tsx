import { App } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { PasswordModal } from '../../components/password-modal.tsx';
import { useResetPassword, type Account } from './api.ts';

/** An administrator sets a new password; the account's sessions end and it must change it at next sign-in. */
export function AccountPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reset = useResetPassword();
  return (
    <PasswordModal
      title={t('accounts.resetTitle', { name: account.displayName })}
      hint={{ type: 'info', text: t('accounts.resetHint') }}
      save={async ({ newPassword }) => {
        await reset.mutateAsync({ id: account.id, newPassword });
        void message.success(t('accounts.resetDone', { name: account.displayName }));
      }}
      onClose={onClose}
      testId="account-password"
    />
  );
}
