import { CloudUploadOutlined, DisconnectOutlined, LeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Progress, Space, Tag, Typography } from 'antd';
import { memo, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { offlineBindUser, offlineSet } from '../../app/offline.ts';
import { useCan, useMe } from '../../app/session.ts';
import {
  useBuildingHouseholds,
  useOpenRounds,
  useRoundBuildings,
  useRoundCall,
  type Round,
  type RoundBuilding,
  type RoundHousehold,
} from './api.ts';
import { FailedTab } from './failed-tab.tsx';
import { firstScreenDrawn } from './first-screen.ts';
import { LogSheet, prefetchSheets, RoundChooser, VisitSheet } from './lazy-sheets.tsx';
import { LightTabs, LinkButton, Meter } from './light.tsx';
import type { LogTarget } from './log-sheet.tsx';
import { PlainItem, PlainList } from './plain-list.tsx';
import { sendQueue, startVisitQueue, useVisitQueue } from './queue.ts';
import { registerWorkbenchWorker } from './service-worker.ts';
import { TodaySlot } from './today-slot.tsx';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser believes it has a connection. */
function useOnline() {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

const stateColor: Record<RoundHousehold['state'], string> = {
  pending: 'default',
  met: 'green',
  documented: 'blue',
  attempted: 'gold',
};

/**
 * The phone workbench: tabs for today (a slot other modules fill), the open round (my buildings → a building's
 * households in stairwell order → a visit in a few taps) and the visits the server refused. Installable; opens and
 * records without a connection (service-worker.ts, queue.ts, the lists kept on the device by api.ts).
 */
export function WorkbenchPage() {
  const t = useT();
  const online = useOnline();
  const queue = useVisitQueue();
  const rounds = useOpenRounds();
  const [tab, setTab] = useState('round');

  const me = useMe().data;
  useEffect(() => {
    registerWorkbenchWorker();
    startVisitQueue();
  }, []);
  // What this page keeps on the device is encrypted under the signed-in user's key (made here if none yet), the user
  // among it, so that the page opens as them without a connection.
  useEffect(() => {
    if (me) void offlineBindUser(me.id).then(() => offlineSet('me', me));
  }, [me]);

  const offlineAt = rounds.data?.offline ? rounds.data.at : null;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="workbench">
      <h4 className="ww-phone-title">{t('workbench.title')}</h4>
      {!online || rounds.data?.offline ? (
        <Alert
          type="warning"
          showIcon
          icon={<DisconnectOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="workbench-offline"
          title={
            offlineAt
              ? t('workbench.offline', { at: formatDateTime(offlineAt) })
              : t('workbench.offlineNoTime')
          }
        />
      ) : null}
      {queue.queue.length > 0 ? (
        <Alert
          type="info"
          showIcon
          icon={<CloudUploadOutlined />}
          style={{ marginBottom: 12 }}
          title={
            <span data-testid="workbench-queued">
              {queue.sending ? t('workbench.sending') : t('workbench.queued', { n: queue.queue.length })}
            </span>
          }
          action={
            online ? (
              <Button size="small" onClick={() => void sendQueue()} loading={queue.sending}>
                {t('workbench.sendNow')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <LightTabs
        activeKey={tab}
        onChange={setTab}
        label={t('workbench.title')}
        idPrefix="workbench"
        items={[
          {
            key: 'today',
            label: t('workbench.tab.today'),
            children: <TodayTab rounds={rounds.data?.data ?? []} />,
          },
          {
            key: 'round',
            label: t('workbench.tab.round'),
            children: <RoundTab rounds={rounds.data?.data} loading={rounds.isPending} error={rounds.error} />,
          },
          {
            key: 'failed',
            label: (
              <>
                <span data-testid="workbench-tab-failed">{t('workbench.tab.failed')}</span>
                {queue.failed.length ? <span className="ww-tab-count">{queue.failed.length}</span> : null}
              </>
            ),
            children: <FailedTab />,
          },
        ]}
      />
    </div>
  );
}

/** Today: the slot for today's tasks and visit logs (other modules), the open round's summary, the leader's page. */
function TodayTab({ rounds }: { rounds: Round[] }) {
  const t = useT();
  const leader = useCan('leader:call');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <TodaySlot />
      {rounds.map((r) => (
        <Card key={r.id} size="small" title={t('workbench.today.round', { name: r.name })}>
          <div>{t('workbench.today.progress', { n: r.coverage.households, c: r.coverage.covered })}</div>
          <Progress percent={Math.floor(r.coverage.share * 100)} aria-label={t('workbench.progress')} />
        </Card>
      ))}
      {/* A page of the desk app: a link that loads it (the phone entry has no router). */}
      {leader ? <a href="/m/leader">{t('workbench.leaderPage')}</a> : null}
    </Space>
  );
}

function RoundTab({
  rounds,
  loading,
  error,
}: {
  rounds: Round[] | undefined;
  loading: boolean;
  error: Error | null;
}) {
  const t = useT();
  const [roundId, setRoundId] = useState<string | undefined>();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const round = rounds?.find((r) => r.id === roundId) ?? rounds?.[0];
  if (error) return <Alert type="error" title={error.message} />;
  if (loading) return <ListSkeleton />;
  if (!round) return <Empty description={t('workbench.noRound')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {rounds!.length > 1 ? (
        <Suspense fallback={<strong>{round.name}</strong>}>
          <RoundChooser
            rounds={rounds!}
            label={t('workbench.chooseRound')}
            value={round.id}
            onChange={(id) => {
              setRoundId(id);
              setBuildingId(undefined);
            }}
          />
        </Suspense>
      ) : (
        <strong>{round.name}</strong>
      )}
      {buildingId ? (
        <BuildingView round={round} buildingId={buildingId} back={() => setBuildingId(undefined)} />
      ) : (
        <BuildingList round={round} open={setBuildingId} />
      )}
    </Space>
  );
}

function BuildingList({ round, open }: { round: Round; open: (id: string) => void }) {
  const t = useT();
  const buildings = useRoundBuildings(round.id);
  const { queue } = useVisitQueue();
  // The first list is drawn: what a tap opens (the sheets' file) is loaded when the browser is idle.
  const drawn = Boolean(buildings.data);
  useEffect(() => {
    if (!drawn) return;
    firstScreenDrawn();
    prefetchSheets();
  }, [drawn]);
  const waiting = useMemo(() => {
    const counts = new Map<string, number>();
    for (const q of queue) {
      if (q.kind === 'visit' && q.roundId === round.id) {
        counts.set(q.buildingId, (counts.get(q.buildingId) ?? 0) + 1);
      }
    }
    return counts;
  }, [queue, round.id]);
  if (buildings.error) return <Alert type="error" title={buildings.error.message} />;
  const rows = buildings.data?.data ?? [];
  return (
    <PlainList
      header={<strong>{t('workbench.buildings')}</strong>}
      loading={buildings.isPending}
      rows={rows}
      rowKey={(b) => b.buildingId}
      empty={<Empty description={t('workbench.noBuildings')} />}
      render={(b: RoundBuilding) => (
        <BuildingRow building={b} waiting={waiting.get(b.buildingId) ?? 0} open={open} />
      )}
    />
  );
}

/**
 * A building of the list: its name (opens it), the visits waiting to be sent, the grid and counts, the coverage bar.
 * Plain elements (light.tsx), drawn again only when its own figures change.
 */
const BuildingRow = memo(function BuildingRow({
  building: b,
  waiting,
  open,
}: {
  building: RoundBuilding;
  waiting: number;
  open: (id: string) => void;
}) {
  const t = useT();
  return (
    <PlainItem
      data-testid="workbench-building"
      data-building-id={b.buildingId}
      onClick={() => open(b.buildingId)}
      style={{ cursor: 'pointer' }}
    >
      <div className="ww-row-head">
        <LinkButton className="ww-strong" onClick={() => open(b.buildingId)}>
          {b.compound ? `${b.compound} · ` : ''}
          {b.buildingName}
        </LinkButton>
        {waiting ? (
          <span className="ww-chip">
            {t('workbench.pendingSend')} {waiting}
          </span>
        ) : null}
      </div>
      <span className="ww-secondary">
        {b.gridName} · {t('workbench.buildingStats', { n: b.households, c: b.covered, p: b.pending })}
      </span>
      <Meter
        data-testid="workbench-building-progress"
        percent={b.households ? Math.floor((b.covered / b.households) * 100) : 100}
        label={t('workbench.progress')}
      />
    </PlainItem>
  );
});

/** Grey blocks while the open rounds load. */
function ListSkeleton() {
  return (
    <div className="ww-skeleton-page" aria-busy="true" style={{ padding: '12px 0' }}>
      <div className="ww-skeleton-bar ww-skeleton-short" />
      <div className="ww-skeleton-card" />
    </div>
  );
}

function BuildingView({ round, buildingId, back }: { round: Round; buildingId: string; back: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const online = useOnline();
  const households = useBuildingHouseholds(round.id, buildingId);
  const { queue } = useVisitQueue();
  const call = useRoundCall();
  const [visiting, setVisiting] = useState<RoundHousehold | null>(null);
  const [logging, setLogging] = useState<LogTarget | null>(null);
  const canLog = useCan('visitlog:write');
  const rows = households.data?.data ?? [];
  const waiting = useMemo(() => {
    const ids = new Map<string, number>();
    for (const q of queue) {
      if (q.kind === 'visit' && q.roundId === round.id) {
        ids.set(q.body.householdId, (ids.get(q.body.householdId) ?? 0) + 1);
      }
    }
    return ids;
  }, [queue, round.id]);
  const first = rows[0];
  const covered = rows.filter((h) => h.covered).length;

  const dial = (residentId: string) =>
    call.mutate(
      { roundId: round.id, residentId },
      {
        onSuccess: ({ phone }) => {
          if (phone) window.location.href = `tel:${phone}`;
          else void message.info(t('workbench.noPhone'));
        },
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <div>
      <Button icon={<LeftOutlined />} onClick={back} style={{ marginBottom: 8 }}>
        {t('workbench.back')}
      </Button>
      {first ? (
        <Card size="small" style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {first.compound ? `${first.compound} · ` : ''}
            {first.buildingName}
          </Typography.Text>
          <Progress
            data-testid="workbench-household-progress"
            format={(p) => `${p}%`}
            percent={rows.length ? Math.floor((covered / rows.length) * 100) : 100}
            aria-label={t('workbench.progress')}
          />
          {canLog ? (
            <Button
              icon={<EditOutlined />}
              data-testid="workbench-log-building"
              onClick={() => setLogging({ label: first.buildingName, placeId: buildingId })}
            >
              {t('workbench.log.writeBuilding')}
            </Button>
          ) : null}
        </Card>
      ) : null}
      {households.error ? <Alert type="error" title={households.error.message} /> : null}
      <PlainList
        loading={households.isPending}
        rows={rows}
        rowKey={(h) => h.householdId}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        render={(h, i) => {
          const unitStart = i === 0 || rows[i - 1]!.unitNumber !== h.unitNumber;
          const queued = waiting.get(h.householdId) ?? 0;
          return (
            <>
              {unitStart ? (
                <li>
                  <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
                    {t('workbench.unit', { n: h.unitNumber })}
                  </Typography.Title>
                </li>
              ) : null}
              <PlainItem data-testid="workbench-household" data-household-id={h.householdId}>
                <div style={{ width: '100%' }}>
                  <Flex justify="space-between" align="center" wrap gap={4}>
                    <Typography.Text strong>{h.room}</Typography.Text>
                    <Space size={4} wrap>
                      <Tag color={stateColor[h.state]} data-testid="workbench-household-state">
                        {t(`workbench.state.${h.state}`)}
                      </Tag>
                      {h.lastOutcome ? <Tag>{t(`workbench.outcome.${h.lastOutcome}`)}</Tag> : null}
                      {queued ? <Tag color="orange">{t('workbench.pendingSend')}</Tag> : null}
                    </Space>
                  </Flex>
                  {h.members.length === 0 ? (
                    <Typography.Text type="secondary">{t('workbench.noMembers')}</Typography.Text>
                  ) : null}
                  {h.members.map((m) => (
                    <Flex key={m.id} justify="space-between" align="center" style={{ padding: '2px 0' }}>
                      <span>
                        {m.name}{' '}
                        <Typography.Text type="secondary">
                          {m.phone ?? t('workbench.noPhone')}
                        </Typography.Text>
                      </span>
                      {m.phone ? (
                        <Button
                          icon={<PhoneOutlined />}
                          disabled={!online}
                          title={online ? undefined : t('workbench.callOffline')}
                          loading={call.isPending && call.variables?.residentId === m.id}
                          onClick={() => dial(m.id)}
                          aria-label={`${t('workbench.call')} ${m.name}`}
                        >
                          {t('workbench.call')}
                        </Button>
                      ) : null}
                    </Flex>
                  ))}
                  <Flex gap={8} style={{ marginTop: 6 }}>
                    <Button
                      block
                      type={h.covered ? 'default' : 'primary'}
                      size="large"
                      data-testid="workbench-record"
                      onClick={() => setVisiting(h)}
                    >
                      {t('workbench.record')}
                      {h.visits ? ` · ${t('workbench.visits', { n: h.visits })}` : ''}
                    </Button>
                    {canLog ? (
                      <Button
                        size="large"
                        icon={<EditOutlined />}
                        data-testid="workbench-log"
                        aria-label={`${t('workbench.log.write')} ${h.room}`}
                        onClick={() =>
                          setLogging({
                            label: `${h.buildingName} ${t('workbench.room', { unit: h.unitNumber, room: h.room })}`,
                            householdIds: [h.householdId],
                          })
                        }
                      >
                        {t('workbench.log.write')}
                      </Button>
                    ) : null}
                  </Flex>
                </div>
              </PlainItem>
            </>
          );
        }}
      />
      {/* From the sheets' file (lazy-sheets.tsx), loaded by now in the usual case; a tap before it came waits for it. */}
      <Suspense fallback={null}>
        <VisitSheet round={round} household={visiting} close={() => setVisiting(null)} />
        <LogSheet target={logging} close={() => setLogging(null)} />
      </Suspense>
    </div>
  );
}
