import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiMutation, type QueryKey } from '../api/cache.ts';
import { api, type Schemas } from '../api/client.ts';
import { formatDateTime } from './format.ts';
import { useI18n } from './i18n.tsx';

type Notification = Schemas['Notification'];

/** Under `me`: signing in or out replaces them with the session. */
const notificationsKey = ['me', 'notifications'] as const satisfies QueryKey;

/**
 * The header's bell: the account's notifications (站内消息: a grid plan applied to their grid, …), the unread count on
 * the badge, asked again every minute and when the window regains focus. Opening one marks it read and follows its
 * link; "全部已读" marks them all.
 */
export function NotificationBell() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: notificationsKey,
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
  const items = query.data?.data ?? [];
  const shown = unread > 99 ? '99+' : unread ? String(unread) : '';

  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div className="ww-notifications" data-testid="notifications">
      <div className="ww-notifications-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
      ) : (
        <ul className="ww-notifications-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt ? 'ww-notification' : 'ww-notification ww-notification-unread'}
                onClick={() => openOne(n)}
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
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
    >
      <Button
        type="text"
        aria-label={shown ? t('notifications.unread', { count: shown }) : t('notifications.title')}
        data-testid="notification-bell"
        icon={
          // The count as plain text (not antd's rolling digits), so the button's name contains what it shows.
          <Badge count={shown ? <span className="ww-bell-count">{shown}</span> : 0} size="small">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
