import { Alert, Button, Empty, Space, Typography } from 'antd';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { PlainItem, PlainList } from './plain-list.tsx';
import { dismissFailed, itemId, useVisitQueue } from './queue.ts';

/** Visits and logs the server refused, with its message, until the user dismisses them. */
export function FailedTab() {
  const t = useT();
  const { failed } = useVisitQueue();
  if (failed.length === 0) return <Empty description={t('workbench.failed.empty')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('workbench.failed.hint')} />
      <PlainList
        rows={failed}
        rowKey={itemId}
        render={(f) => (
          <PlainItem
            data-testid="workbench-failed"
            actions={
              <Button onClick={() => dismissFailed(itemId(f))}>{t('workbench.failed.dismiss')}</Button>
            }
          >
            <Typography.Text strong>
              {`${f.label} · ${
                f.kind === 'log'
                  ? t('workbench.log.title')
                  : f.kind === 'photo'
                    ? t('workbench.photo.title')
                    : f.kind === 'task'
                      ? t('workbench.task.title')
                      : t(`workbench.outcome.${f.body.outcome}`)
              }`}
            </Typography.Text>
            <br />
            <Typography.Text type="danger">{f.message}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t('workbench.failed.at', {
                at: formatDateTime(
                  f.kind === 'log'
                    ? f.writtenAt
                    : f.kind === 'photo'
                      ? f.takenAt
                      : f.kind === 'task'
                        ? f.doneAt
                        : f.body.visitedAt,
                ),
              })}
            </Typography.Text>
          </PlainItem>
        )}
      />
    </Space>
  );
}
