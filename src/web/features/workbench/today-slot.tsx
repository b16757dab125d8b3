import { CheckCircleOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useTodayTasks, type TodayTask } from './api.ts';
import { TaskSheet } from './lazy-sheets.tsx';
import { PlainItem, PlainList } from './plain-list.tsx';
import { useVisitQueue } from './queue.ts';

/**
 * The "today" tab's top: the caller's duty tasks of today (overdue first; each completed here in a sheet, through the
 * queue, so also without a connection: task-sheet.tsx; all tasks on the tasks page) and the visit log (民情日志) to
 * write or look back on. Each part shows only to those who may use it.
 */
export function TodaySlot() {
  const t = useT();
  const canTask = useCan('duty:task');
  const canLog = useCan('visitlog:write');
  const tasks = useTodayTasks(canTask);
  const { queue } = useVisitQueue();
  const [doing, setDoing] = useState<TodayTask | null>(null);
  // The sheet's file is asked for on the first tap only (it is prefetched once the round's list is drawn).
  const [sheetWanted, setSheetWanted] = useState(false);
  if (!canTask && !canLog) return null;
  const queued = new Set(queue.flatMap((q) => (q.kind === 'task' ? [q.taskId] : [])));
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
              rows={ordered}
              rowKey={(task) => task.id}
              data-testid="workbench-today-tasks"
              render={(task) => (
                <PlainItem
                  style={{ padding: '8px 0' }}
                  data-testid="workbench-today-task"
                  actions={
                    queued.has(task.id) ? (
                      <Tag color="orange">{t('workbench.pendingSend')}</Tag>
                    ) : (
                      <Button
                        icon={<CheckCircleOutlined />}
                        data-testid="workbench-task-do"
                        aria-label={t('workbench.today.doTask', { title: task.title })}
                        onClick={() => {
                          setSheetWanted(true);
                          setDoing(task);
                        }}
                      >
                        {t('workbench.task.do')}
                      </Button>
                    )
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
      {sheetWanted ? (
        <Suspense fallback={null}>
          <TaskSheet task={doing} close={() => setDoing(null)} />
        </Suspense>
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
