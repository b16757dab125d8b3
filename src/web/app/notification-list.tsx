import { useQuery } from '@tanstack/react-query';
import { useApiMutation, type QueryKey } from '../api/cache.ts';
import { api, type Schemas } from '../api/client.ts';
import { formatDateTime } from './format.ts';
import { useI18n } from './i18n.tsx';

export type Notification = Schemas['Notification'];

/** Under `me`: signing in or out replaces them with the session. */
const notificationsKey = ['me', 'notifications'] as const satisfies QueryKey;

/**
 * The account's notifications (站内消息: a grid plan applied to their grid, a leader's term ending, …), asked again
 * every minute and when the window regains focus, for the desk's bell (notifications.tsx) and the phone workbench's
 * header (features/workbench/phone-notifications.tsx). `open` marks one read and hands its link to `follow`.
 */
export function useNotifications(follow: (link: string) => void, enabled = true) {
  const query = useQuery({
    queryKey: notificationsKey,
    enabled,
    queryFn: async () => await api.get('/me/notifications', { query: { limit: 20 } }),
    refetchInterval: 60_000,
  });
  const markRead = useApiMutation('POST /me/notifications/{id}/read', async (id: string, send) => {
    await send({ path: { id } });
  });
  const markAll = useApiMutation('POST /me/notifications/read-all', async (_: void, send) => {
    await send({});
  });
  const unread = query.data?.unread ?? 0;
  return {
    items: query.data?.data ?? [],
    unread,
    /** The count as shown on a badge: '' for none, 99+ above 99. */
    shown: unread > 99 ? '99+' : unread ? String(unread) : '',
    markAll,
    open: (n: Notification) => {
      if (!n.readAt) markRead.mutate(n.id);
      if (n.link) follow(n.link);
    },
  };
}

/** The notifications as a list of buttons, newest first; unread ones marked. Plain elements (the phone's too). */
export function NotificationList({
  items,
  onOpen,
}: {
  items: Notification[];
  onOpen: (n: Notification) => void;
}) {
  const { t, pick } = useI18n();
  if (items.length === 0) return <p className="ww-notifications-none">{t('notifications.none')}</p>;
  return (
    <ul className="ww-notifications-list">
      {items.map((n) => (
        <li key={n.id}>
          <button
            type="button"
            className={n.readAt ? 'ww-notification' : 'ww-notification ww-notification-unread'}
            onClick={() => onOpen(n)}
            data-testid="notification"
            data-unread={n.readAt ? undefined : 'true'}
          >
            <span className="ww-notification-title">{pick(n.title)}</span>
            <span className="ww-notification-body">{pick(n.body)}</span>
            <span className="ww-notification-time">{formatDateTime(n.createdAt)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
