import { App, Button, Checkbox, Drawer, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';
import { enqueue, type QueuedLog } from './queue.ts';

/** What a log is written about: households of the open round's lists, or a building. */
export type LogTarget = { label: string; householdIds?: string[]; placeId?: string };

const kinds = ['need', 'conflict', 'opinion', 'other'] as const;

/**
 * A visit log (民情日志) in a few taps, from the round's lists: its kind, what was learned, whether it needs a
 * follow-up. Kept in the queue with a client id like a visit, so it is written without a connection and stored once.
 */
export function LogSheet({ target, close }: { target: LogTarget | null; close: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={target !== null}
      onClose={close}
      placement="bottom"
      size="large"
      afterOpenChange={focusOpenDrawer}
      title={target ? t('workbench.log.sheetTitle', { place: target.label }) : ''}
      styles={{ body: { paddingBottom: 24 } }}
    >
      {target ? <LogForm key={target.label} target={target} close={close} /> : null}
    </Drawer>
  );
}

function LogForm({ target, close }: { target: LogTarget; close: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<QueuedLog['body']['kind']>('need');
  const [text, setText] = useState('');
  const [followUp, setFollowUp] = useState(false);
  const [tried, setTried] = useState(false);
  const tooShort = text.trim().length < 2;

  const submit = () => {
    setTried(true);
    if (tooShort) return;
    const now = new Date().toISOString();
    enqueue({
      kind: 'log',
      label: target.label,
      writtenAt: now,
      body: {
        clientId: crypto.randomUUID(),
        kind,
        text: text.trim(),
        // The day in Beijing time, whatever the phone's time zone.
        occurredOn: formatDateTime(now).slice(0, 10),
        ...(target.householdIds ? { householdIds: target.householdIds } : {}),
        ...(target.placeId ? { placeId: target.placeId } : {}),
        followUp: followUp ? 'open' : 'none',
      },
    });
    void message.success(navigator.onLine ? t('workbench.log.saved') : t('workbench.savedOffline'));
    close();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Text strong>{t('workbench.log.kind')}</Typography.Text>
        <Flex wrap gap={8} style={{ marginTop: 6 }} role="group" aria-label={t('workbench.log.kind')}>
          {kinds.map((k) => (
            <Button
              key={k}
              size="large"
              type={kind === k ? 'primary' : 'default'}
              aria-pressed={kind === k}
              data-testid={`workbench-log-kind-${k}`}
              onClick={() => setKind(k)}
              style={{ flex: '1 0 40%' }}
            >
              {t(`workbench.log.kind.${k}`)}
            </Button>
          ))}
        </Flex>
      </div>
      <div>
        <Input.TextArea
          aria-label={t('workbench.log.text')}
          placeholder={t('workbench.log.placeholder')}
          value={text}
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          status={tried && tooShort ? 'error' : undefined}
          onChange={(e) => setText(e.target.value)}
          data-testid="workbench-log-text"
        />
        {tried && tooShort ? (
          <Typography.Text type="danger">{t('workbench.log.textRequired')}</Typography.Text>
        ) : null}
      </div>
      <Checkbox checked={followUp} onChange={(e) => setFollowUp(e.target.checked)}>
        {t('workbench.followUp')}
      </Checkbox>
      <Button type="primary" size="large" block onClick={submit} data-testid="workbench-log-submit">
        {t('workbench.submit')}
      </Button>
    </Space>
  );
}
