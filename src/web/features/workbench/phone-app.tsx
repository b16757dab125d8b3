import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { can, useMe, type Me } from '../../app/session.ts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { roleScopeLabel } from '../../components/scope-label.ts';
import { Watermark } from '../../components/watermark.tsx';
import { useLogout } from '../auth/api.ts';
import { LinkButton } from './light.tsx';
import { PhoneNotificationsButton, PhoneNotificationsPanel } from './phone-notifications.tsx';
import { WorkbenchPage } from './workbench-page.tsx';

/** Leaves the phone entry for a page of the desk app (sign-in, a forced password change), replacing this one. */
function leaveFor(path: string) {
  window.location.replace(path);
}

/**
 * The phone entry's whole app (phone.tsx): the session, then the workbench under a small header. Signed out, the
 * user goes to the desk app's sign-in page, which brings them back; a password change the account must make
 * happens in the desk app. Without a connection the session is the user last seen (session.ts).
 */
export function PhoneApp() {
  const { t } = useI18n();
  const me = useMe();
  const signedOut = me.isSuccess && !me.data;
  const mustChange = Boolean(me.data?.mustChangePassword);
  useEffect(() => {
    if (signedOut) leaveFor(`/login?redirect=${encodeURIComponent(location.pathname + location.search)}`);
    else if (mustChange) leaveFor('/');
  }, [signedOut, mustChange]);
  if (me.isError) {
    return (
      <div className="ww-phone-page">
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={me.error.message}
          action={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }
  if (!me.data || mustChange) return <PhoneSkeleton />;
  // Keyed by the user: a page drawn from the device's copy that /me finds to be someone else's starts afresh.
  return <PhoneFrame key={me.data.id} me={me.data} />;
}

function PhoneSkeleton() {
  return (
    <div className="ww-phone" aria-busy="true">
      <div className="ww-phone-header" />
      <div className="ww-skeleton-page">
        <div className="ww-skeleton-bar ww-skeleton-title" />
        <div className="ww-skeleton-card" />
        <div className="ww-skeleton-card" />
      </div>
    </div>
  );
}

/** The header (brand, the user with their roles, the desk app, sign-out) and the workbench, watermarked. */
function PhoneFrame({ me }: { me: Me }) {
  const { t, pick } = useI18n();
  const logout = useLogout();
  // One panel under the header at a time: the user's (roles, desk, sign-out) or the notifications.
  const [open, setOpen] = useState<'user' | 'notifications' | null>(null);
  const toggle = (panel: 'user' | 'notifications') => setOpen((o) => (o === panel ? null : panel));
  const signOut = () => logout.mutate(undefined, { onSettled: () => leaveFor('/login') });
  return (
    <div className="ww-phone">
      <header className="ww-phone-header">
        <span className="ww-header-brand">
          <BrandMark size={24} />
          {t('app.shortName')}
        </span>
        <span className="ww-phone-header-actions">
          <PhoneNotificationsButton
            open={open === 'notifications'}
            onToggle={() => toggle('notifications')}
          />
          <LinkButton
            className="ww-user"
            data-testid="user-menu"
            aria-expanded={open === 'user'}
            aria-controls="ww-phone-user"
            onClick={() => toggle('user')}
          >
            <span className="ww-user-name" data-testid="user-name">
              {me.displayName}
            </span>
          </LinkButton>
        </span>
      </header>
      {open === 'notifications' ? <PhoneNotificationsPanel /> : null}
      {open === 'user' ? (
        <nav id="ww-phone-user" className="ww-phone-user" aria-label={me.displayName}>
          {me.roles.map((role) => (
            <div key={role.id} className="ww-phone-role">
              {roleScopeLabel(role, t, pick)}
            </div>
          ))}
          <a href="/" data-testid="menu-desk">
            {t('workbench.desk')}
          </a>
          <Button danger loading={logout.isPending} onClick={signOut} data-testid="menu-logout">
            {t('header.logout')}
          </Button>
        </nav>
      ) : null}
      <main className="ww-phone-page">
        {can(me, 'round:visit') ? (
          <WorkbenchPage />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('error.forbidden.title')}
            description={t('error.forbidden.text')}
          />
        )}
      </main>
      <Watermark />
    </div>
  );
}
