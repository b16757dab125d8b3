import { CheckCircleOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useTodayTasks } from './api.ts';
import { PlainItem, PlainList } from './plain-list.tsx';

/**
 * The "today" tab's top: the caller's duty tasks of today (overdue first, with a link to complete them on the tasks
 * page) and the visit log (民情日志) to write or look back on. Each part shows only to those who may use it.
 */
export function TodaySlot() {
  const t = useT();
  const canTask = useCan('duty:task');
  const canLog = useCan('visitlog:write');
  const tasks = useTodayTasks(canTask);
  if (!canTask && !canLog) return null;
  const open = (tasks.data?.data ?? []).filter((task) => task.status !== 'done');
  const ordered = [...open].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="workbench-today">
      {canTask ? (
        <Card
          size="small"
          title={t('workbench.today.tasks', { n: open.length })}
          extra={<a href="/tasks">{t('workbench.today.allTasks')}</a>}
        >
          {tasks.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : ordered.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.today.noTasks')} />
          ) : (
            <PlainList
              rows={ordered.slice(0, 6)}
              rowKey={(task) => task.id}
              data-testid="workbench-today-tasks"
              render={(task) => (
                <PlainItem
                  style={{ padding: '8px 0' }}
                  actions={
                    <a href="/tasks" aria-label={t('workbench.today.doTask', { title: task.title })}>
                      <CheckCircleOutlined />
                    </a>
                  }
                >
                  <Space size={4} wrap>
                    {task.overdue ? <Tag color="error">{t('workbench.today.overdue')}</Tag> : null}
                    {task.mode === 'emergency' ? (
                      <Tag color="warning">{t('workbench.today.emergency')}</Tag>
                    ) : null}
                    {task.evidence === 'photo' ? (
                      <Tag color="blue">{t('workbench.today.photoTask')}</Tag>
                    ) : null}
                    <span>{task.title}</span>
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {t('workbench.today.due', { day: task.dueOn })}
                    </Typography.Text>
                  </div>
                </PlainItem>
              )}
            />
          )}
          {tasks.data?.offline ? (
            <Typography.Text type="secondary">
              {t('workbench.today.kept', { at: tasks.data.at ?? '' })}
            </Typography.Text>
          ) : null}
        </Card>
      ) : null}
      {canLog ? (
        <Card size="small" title={t('workbench.today.logs')}>
          <Space wrap>
            <a href="/visit-logs/new">
              <Button type="primary" icon={<EditOutlined />} data-testid="workbench-write-log">
                {t('workbench.today.writeLog')}
              </Button>
            </a>
            <a href="/visit-logs?mine=true">
              <Button icon={<FileTextOutlined />}>{t('workbench.today.myLogs')}</Button>
            </a>
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
