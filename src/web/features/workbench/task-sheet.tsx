import { App, Button, Drawer, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { downsizePhoto } from '../../components/photo.ts';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';
import type { TodayTask } from './api.ts';
import { PhotoField } from './photo-field.tsx';
import { enqueue } from './queue.ts';

/**
 * Completes one of today's duty tasks in a few taps, with the evidence its item asks for (a note; a photo, downsized
 * on the phone): into the queue like a visit (a client id: stored once), so a photo task is done without a
 * connection too; the photo is kept (encrypted) only until the server has it.
 */
export function TaskSheet({ task, close }: { task: TodayTask | null; close: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={task !== null}
      onClose={close}
      placement="bottom"
      size="large"
      afterOpenChange={focusOpenDrawer}
      title={task ? t('workbench.task.sheetTitle', { title: task.title }) : ''}
      styles={{ body: { paddingBottom: 24 } }}
    >
      {task ? <TaskForm key={task.id} task={task} close={close} /> : null}
    </Drawer>
  );
}

function TaskForm({ task, close }: { task: TodayTask; close: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [tried, setTried] = useState(false);
  const needsNote = task.evidence === 'note' || task.evidence === 'visit';
  const needsPhoto = task.evidence === 'photo';
  const noteMissing = needsNote && !note.trim();
  const photoMissing = needsPhoto && !photo;

  const choosePhoto = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    try {
      setPhoto(await downsizePhoto(file));
    } catch {
      void message.error(t('workbench.photo.failed'));
    } finally {
      setReading(false);
    }
  };

  const submit = () => {
    setTried(true);
    if (noteMissing || photoMissing) return;
    enqueue({
      kind: 'task',
      taskId: task.id,
      label: task.title,
      doneAt: new Date().toISOString(),
      body: { clientId: crypto.randomUUID(), ...(note.trim() ? { note: note.trim() } : {}) },
      ...(photo ? { photo } : {}),
    });
    void message.success(navigator.onLine ? t('workbench.task.saved') : t('workbench.savedOffline'));
    close();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {task.description ? <Typography.Text type="secondary">{task.description}</Typography.Text> : null}
      {needsPhoto ? (
        <div>
          <PhotoField
            label={t('workbench.task.photo')}
            testId="workbench-task-photo"
            photo={photo}
            onChoose={(file) => void choosePhoto(file)}
            onRemove={() => setPhoto(null)}
          />
          {tried && photoMissing ? (
            <Typography.Text type="danger" data-testid="workbench-task-photo-missing">
              {t('workbench.task.photoRequired')}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
      <div>
        <Input.TextArea
          aria-label={task.evidence === 'visit' ? t('workbench.task.noteVisit') : t('workbench.task.note')}
          placeholder={task.evidence === 'visit' ? t('workbench.task.noteVisit') : t('workbench.task.note')}
          value={note}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          status={tried && noteMissing ? 'error' : undefined}
          onChange={(e) => setNote(e.target.value)}
          data-testid="workbench-task-note"
        />
        {tried && noteMissing ? (
          <Typography.Text type="danger">{t('workbench.task.noteRequired')}</Typography.Text>
        ) : null}
      </div>
      <Button
        type="primary"
        size="large"
        block
        disabled={reading}
        onClick={submit}
        data-testid="workbench-task-submit"
      >
        {t('workbench.task.complete')}
      </Button>
    </Space>
  );
}
