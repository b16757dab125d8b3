import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from './i18n.tsx';
import { NotificationList, useNotifications } from './notification-list.tsx';

/**
 * The desk header's bell: the account's notifications, the unread count on the badge. Opening one marks it read and
 * follows its link; "全部已读" marks them all.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications((link) => void navigate(link));
  const { unread, shown, markAll } = notifications;

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
      <NotificationList
        items={notifications.items}
        onOpen={(n) => {
          setOpen(false);
          notifications.open(n);
        }}
      />
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
