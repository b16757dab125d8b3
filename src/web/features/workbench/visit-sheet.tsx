import { App, Button, Checkbox, Drawer, Flex, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';
import { useT } from '../../app/i18n.tsx';
import { outcomes, outcomesWithNote, type Round, type RoundHousehold, type VisitOutcome } from './api.ts';
import { downsizePhoto } from '../../components/photo.ts';
import { PhotoField } from './photo-field.tsx';
import { enqueue } from './queue.ts';

/** The visit in a few taps: an outcome, the checklist's yes/no, a note; kept in the queue, sent at once if online. */
export function VisitSheet({
  round,
  household,
  close,
}: {
  round: Round;
  household: RoundHousehold | null;
  close: () => void;
}) {
  const t = useT();
  return (
    <Drawer
      open={household !== null}
      onClose={close}
      placement="bottom"
      size="large"
      afterOpenChange={focusOpenDrawer}
      title={
        household
          ? t('workbench.recordTitle', {
              room: t('workbench.room', { unit: household.unitNumber, room: household.room }),
            })
          : ''
      }
      styles={{ body: { paddingBottom: 24 } }}
    >
      {household ? (
        <VisitForm key={household.householdId} round={round} household={household} close={close} />
      ) : null}
    </Drawer>
  );
}

function VisitForm({
  round,
  household,
  close,
}: {
  round: Round;
  household: RoundHousehold;
  close: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [tried, setTried] = useState(false);
  const [photo, setPhoto] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

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

  const noteMissing = outcome !== null && outcomesWithNote.includes(outcome) && !note.trim();
  const submit = () => {
    setTried(true);
    if (!outcome || noteMissing) return;
    const room = t('workbench.room', { unit: household.unitNumber, room: household.room });
    enqueue({
      kind: 'visit',
      roundId: round.id,
      buildingId: household.buildingId,
      label: `${household.buildingName} ${room}`,
      body: {
        clientId: crypto.randomUUID(),
        householdId: household.householdId,
        outcome,
        visitedAt: new Date().toISOString(),
        answers,
        ...(note.trim() ? { note: note.trim() } : {}),
        followUp,
      },
      ...(photo ? { photo } : {}),
    });
    void message.success(navigator.onLine ? t('workbench.saved') : t('workbench.savedOffline'));
    close();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Text strong>{t('workbench.outcome')}</Typography.Text>
        <Flex wrap gap={8} style={{ marginTop: 6 }} role="group" aria-label={t('workbench.outcome')}>
          {outcomes.map((o) => (
            <Button
              key={o}
              size="large"
              type={outcome === o ? 'primary' : 'default'}
              aria-pressed={outcome === o}
              data-testid={`workbench-outcome-${o}`}
              onClick={() => setOutcome(o)}
              style={{ flex: '1 0 28%' }}
            >
              {t(`workbench.outcome.${o}`)}
            </Button>
          ))}
        </Flex>
      </div>
      {round.checklist.length ? (
        <div>
          <Typography.Text strong>{t('workbench.checklist')}</Typography.Text>
          {round.checklist.map((item) => (
            <Flex key={item.key} justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
              <span id={`wb-q-${item.key}`}>{item.text}</span>
              <Radio.Group
                optionType="button"
                aria-labelledby={`wb-q-${item.key}`}
                value={answers[item.key]}
                onChange={(e) => setAnswers({ ...answers, [item.key]: e.target.value as boolean })}
                options={[
                  { value: true, label: t('workbench.yes') },
                  { value: false, label: t('workbench.no') },
                ]}
              />
            </Flex>
          ))}
        </div>
      ) : null}
      <div>
        <Input.TextArea
          aria-label={t('workbench.note')}
          placeholder={t('workbench.notePlaceholder')}
          value={note}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          status={tried && noteMissing ? 'error' : undefined}
          onChange={(e) => setNote(e.target.value)}
          data-testid="workbench-note"
        />
        {tried && noteMissing ? (
          <Typography.Text type="danger">{t('workbench.noteRequired')}</Typography.Text>
        ) : null}
      </div>
      <div>
        <PhotoField
          label={t('workbench.photo.take')}
          testId="workbench-photo"
          photo={photo}
          onChoose={(file) => void choosePhoto(file)}
          onRemove={() => setPhoto(null)}
        />
      </div>
      <Checkbox checked={followUp} onChange={(e) => setFollowUp(e.target.checked)}>
        {t('workbench.followUp')}
      </Checkbox>
      <Button
        type="primary"
        size="large"
        block
        disabled={!outcome || reading}
        onClick={submit}
        data-testid="workbench-submit"
      >
        {t('workbench.submit')}
      </Button>
    </Space>
  );
}
