import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { NotificationList, useNotifications } from '../../app/notification-list.tsx';
import { useAfterFirstScreen } from './first-screen.ts';
import { LinkButton } from './light.tsx';

/**
 * The phone header's notifications (the desk's bell, as a panel under the header): a grid worker or a building leader
 * hears of a new grid plan or a term ending where they work. A notification's link is a desk page, which the desk app
 * opens in place of the workbench.
 */
export function PhoneNotificationsButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  // Asked once the first list is drawn: on a slow network the count must not hold up the round's buildings.
  const { shown } = useNotifications(follow, useAfterFirstScreen());
  return (
    <LinkButton
      className="ww-phone-bell"
      aria-label={shown ? t('notifications.unread', { count: shown }) : t('notifications.title')}
      aria-expanded={open}
      aria-controls="ww-phone-notifications"
      data-testid="notification-bell"
      onClick={onToggle}
    >
      <BellOutlined style={{ fontSize: 18 }} />
      {shown ? <span className="ww-bell-count">{shown}</span> : null}
    </LinkButton>
  );
}

export function PhoneNotificationsPanel() {
  const { t } = useI18n();
  const notifications = useNotifications(follow);
  return (
    <section
      id="ww-phone-notifications"
      className="ww-phone-user ww-notifications"
      aria-label={t('notifications.title')}
      data-testid="notifications"
    >
      <div className="ww-notifications-head">
        <strong>{t('notifications.title')}</strong>
        <Button
          type="link"
          size="small"
          disabled={notifications.unread === 0}
          loading={notifications.markAll.isPending}
          onClick={() => notifications.markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      <NotificationList items={notifications.items} onOpen={notifications.open} />
    </section>
  );
}

function follow(link: string) {
  window.location.assign(link);
}
