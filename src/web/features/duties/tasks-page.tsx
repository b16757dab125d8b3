import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  List,
  Modal,
  Segmented,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useT, type Translate } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { downsizePhoto } from '../../components/photo.ts';
import { TerritorySelect } from '../territory/territory-select.tsx';
import {
  taskPhotoUrl,
  uploadTaskPhoto,
  useCompleteTask,
  useMyTasks,
  useOverdueTasks,
  useTaskBoard,
  type DutyBoard,
  type DutyTask,
  type TaskView,
} from './api.ts';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/**
 * Duty tasks: my tasks (today / this week / overdue / done, as cards that read on a phone, with the complete
 * dialog) for those holding tasks, and for community, street and county officials the completion per person and
 * the overdue list of their area.
 */
export function TasksPage() {
  const t = useT();
  const canTask = useCan('duty:task');
  const canBoard = useCan('duty:board');
  const tabs = [
    ...(canTask ? [{ key: 'mine', label: t('tasks.tab.mine'), children: <MyTasks t={t} /> }] : []),
    ...(canBoard
      ? [
          { key: 'board', label: t('tasks.tab.board'), children: <Board t={t} /> },
          { key: 'overdue', label: t('tasks.tab.overdue'), children: <Overdue t={t} /> },
        ]
      : []),
  ];
  return (
    <div style={{ maxWidth: canBoard ? undefined : 640, margin: canBoard ? undefined : '0 auto' }}>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} />
      {tabs.length > 1 ? <Tabs items={tabs} /> : (tabs[0]?.children ?? <Empty />)}
    </div>
  );
}

function statusTag(t: Translate, task: DutyTask) {
  if (task.status === 'done') {
    return task.doneLate ? (
      <Tag color="orange">{t('tasks.doneLate')}</Tag>
    ) : (
      <Tag color="green">{t('tasks.done')}</Tag>
    );
  }
  return task.overdue ? (
    <Tag color="red">{t('tasks.overdue')}</Tag>
  ) : (
    <Tag color="blue">{t('tasks.open')}</Tag>
  );
}

function MyTasks({ t }: { t: Translate }) {
  const [view, setView] = useState<TaskView>('today');
  const tasks = useMyTasks(view);
  const [completing, setCompleting] = useState<DutyTask | null>(null);
  return (
    <>
      <Segmented<TaskView>
        block
        value={view}
        onChange={setView}
        options={(['today', 'week', 'overdue', 'done'] as const).map((v) => ({
          value: v,
          label: t(`tasks.view.${v}`),
        }))}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={tasks.isFetching}
        dataSource={tasks.data ?? []}
        locale={{ emptyText: <Empty description={t('tasks.empty')} /> }}
        renderItem={(task) => (
          <List.Item data-testid="duty-task" style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>{task.title}</Typography.Text>
                <Space wrap size={4}>
                  {statusTag(t, task)}
                  {task.mode === 'emergency' ? <Tag color="red">{t('duties.mode.emergency')}</Tag> : null}
                  {task.frequency ? <Tag>{t(`duties.frequency.${task.frequency}`)}</Tag> : null}
                  {task.shared ? <Tag color="purple">{t('tasks.shared')}</Tag> : null}
                  <Typography.Text type="secondary">{t('tasks.due', { day: task.dueOn })}</Typography.Text>
                </Space>
                {task.description ? (
                  <Typography.Text type="secondary">{task.description}</Typography.Text>
                ) : null}
                {task.shared ? (
                  <Typography.Text type="secondary">
                    {t('tasks.with', { names: task.assignees.map((a) => a.name).join('、') })}
                  </Typography.Text>
                ) : null}
                {task.note ? <Typography.Text>{task.note}</Typography.Text> : null}
                {task.photo ? (
                  <img
                    src={taskPhotoUrl(task.id)}
                    alt={t('tasks.photoOf', { title: task.title })}
                    data-testid="duty-task-photo"
                    loading="lazy"
                    style={{ maxWidth: '100%', maxHeight: 240, borderRadius: 4 }}
                  />
                ) : null}
                {task.status === 'open' && task.periodStart <= dayjs().format('YYYY-MM-DD') ? (
                  <Button type="primary" block onClick={() => setCompleting(task)}>
                    {t('tasks.complete')}
                  </Button>
                ) : null}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {completing ? <CompleteModal t={t} task={completing} onClose={() => setCompleting(null)} /> : null}
    </>
  );
}

/** Whether the browser has a connection now (and follows it). */
function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * Completes a task with its evidence: a note (required for a note or a visit record), a photo (required when the item
 * asks for one: taken or chosen, downsized on the device, sent first, then the completion). A photo task needs a
 * connection: it is not queued on the device (said in the dialog, and the button waits for the connection).
 */
function CompleteModal({ t, task, onClose }: { t: Translate; task: DutyTask; onClose: () => void }) {
  const { message } = App.useApp();
  const complete = useCompleteTask();
  const online = useOnline();
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [sending, setSending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const required = task.evidence === 'note' || task.evidence === 'visit';
  const needsPhoto = task.evidence === 'photo';
  const label = task.evidence === 'visit' ? t('tasks.noteVisit') : t('tasks.note');

  const choosePhoto = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      setPhoto(await downsizePhoto(file));
    } catch {
      void message.error(t('tasks.photoFailed'));
    } finally {
      setReading(false);
    }
  };

  const submit = async () => {
    if (required && !note.trim()) {
      void message.warning(t('tasks.noteRequired'));
      return;
    }
    if (needsPhoto && !photo) {
      void message.warning(t('tasks.photoRequired'));
      return;
    }
    setSending(true);
    try {
      if (needsPhoto && photo) await uploadTaskPhoto(task.id, photo);
      await complete.mutateAsync({ id: task.id, note: note.trim() || undefined });
      void message.success(t('tasks.completed'));
      onClose();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={t('tasks.completeTitle', { title: task.title })}
      okText={t('tasks.complete')}
      onCancel={onClose}
      confirmLoading={sending || reading}
      okButtonProps={{ disabled: needsPhoto && !online }}
      onOk={() => void submit()}
    >
      {needsPhoto ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Typography.Text type={online ? 'secondary' : 'danger'} data-testid="duty-task-photo-online">
            {online ? t('tasks.photoNeedsConnection') : t('tasks.photoOffline')}
          </Typography.Text>
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            data-testid="duty-task-photo-input"
            aria-label={t('tasks.photoChoose')}
            style={{ display: 'none' }}
            onChange={(e) => void choosePhoto(e.target.files?.[0])}
          />
          <Button icon={<CameraOutlined />} loading={reading} onClick={() => fileInput.current?.click()}>
            {photo ? t('tasks.photoAgain') : t('tasks.photoChoose')}
          </Button>
          {photo ? (
            <img
              src={photo}
              alt={t('tasks.photoPreview')}
              data-testid="duty-task-photo-preview"
              style={{ maxWidth: '100%', maxHeight: 240, borderRadius: 4 }}
            />
          ) : null}
        </Space>
      ) : null}
      <Input.TextArea
        data-testid="duty-task-note"
        aria-label={label}
        placeholder={label}
        maxLength={500}
        rows={4}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}

function Board({ t }: { t: Translate }) {
  const [territoryId, setTerritoryId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(27, 'day'), dayjs()]);
  const board = useTaskBoard({
    territoryId,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  });
  const total = board.data?.total;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <TerritorySelect value={territoryId} onChange={setTerritoryId} placeholder={t('tasks.place')} />
        <DatePicker.RangePicker
          aria-label={t('tasks.range')}
          value={range}
          allowClear={false}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
      </Space>
      {total ? (
        <Typography.Paragraph>
          {t('tasks.total', {
            due: total.due,
            onTime: total.doneOnTime,
            late: total.doneLate,
            overdue: total.overdue,
            rate: percent(total.rate),
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<DutyBoard['people'][number]>
        rowKey="holderKey"
        size="middle"
        loading={board.isFetching}
        dataSource={board.data?.people ?? []}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('tasks.col.person'), dataIndex: 'name' },
          {
            title: t('tasks.col.group'),
            dataIndex: 'roleGroup',
            render: (g: DutyTask['roleGroup']) => (g ? t(`duties.group.${g}`) : ''),
          },
          { title: t('tasks.col.place'), dataIndex: 'territoryName' },
          { title: t('tasks.col.due'), dataIndex: 'due', align: 'right' },
          { title: t('tasks.col.onTime'), dataIndex: 'doneOnTime', align: 'right' },
          { title: t('tasks.col.late'), dataIndex: 'doneLate', align: 'right' },
          {
            title: t('tasks.col.overdue'),
            dataIndex: 'overdue',
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          { title: t('tasks.col.open'), dataIndex: 'open', align: 'right' },
          {
            title: t('tasks.col.rate'),
            dataIndex: 'rate',
            align: 'right',
            defaultSortOrder: 'ascend',
            sorter: (a, b) => (a.rate ?? 2) - (b.rate ?? 2),
            render: (rate: number | null) => percent(rate),
          },
        ]}
      />
    </>
  );
}

function Overdue({ t }: { t: Translate }) {
  const [territoryId, setTerritoryId] = useState<string | undefined>();
  const tasks = useOverdueTasks(territoryId);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <TerritorySelect value={territoryId} onChange={setTerritoryId} placeholder={t('tasks.place')} />
      </Space>
      <Table<DutyTask>
        rowKey="id"
        size="middle"
        loading={tasks.isFetching}
        dataSource={tasks.data ?? []}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('tasks.col.task'), dataIndex: 'title' },
          { title: t('tasks.col.dueOn'), dataIndex: 'dueOn', width: 120 },
          { title: t('tasks.col.place'), dataIndex: 'territoryName', width: 160 },
          {
            title: t('tasks.col.assignees'),
            key: 'assignees',
            render: (_, r) => r.assignees.map((a) => a.name).join('、'),
          },
        ]}
      />
    </>
  );
}
