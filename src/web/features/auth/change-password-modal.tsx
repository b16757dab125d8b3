import { App } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { PasswordModal } from '../../components/password-modal.tsx';
import { useChangePassword } from './api.ts';

/**
 * Changes the caller's own password, confirmed with the current one. `forced` (first sign-in, or after a reset)
 * cannot be dismissed; the only other way out is signing out.
 */
export function ChangePasswordModal({
  open,
  forced,
  onClose,
  afterClose,
  onLogout,
}: {
  open: boolean;
  forced: boolean;
  onClose: () => void;
  /** Once closed (after the animation): where focus goes back to. */
  afterClose?: () => void;
  onLogout: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const change = useChangePassword();
  return (
    <PasswordModal
      open={open}
      title={t('password.title')}
      hint={forced ? { type: 'warning', text: t('password.forcedHint') } : undefined}
      askCurrent
      forced={forced}
      save={async ({ currentPassword = '', newPassword }) => {
        await change.mutateAsync({ currentPassword, newPassword });
        void message.success(t('password.changed'));
      }}
      onClose={onClose}
      afterClose={afterClose}
      onLogout={onLogout}
      testId="change-password-modal"
    />
  );
}
