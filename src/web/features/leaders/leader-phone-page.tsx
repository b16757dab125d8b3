import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { useCall, useMyHouseholds, useMyLeaderPage } from './api.ts';

/**
 * The building leader's phone page: my term, my buildings (with their WeChat group), my households in building /
 * unit / room order, and tap to call (the number comes from an audited request, then the phone dials it).
 */
export function LeaderPhonePage() {
  const t = useT();
  const { message } = App.useApp();
  const page = useMyLeaderPage();
  const [buildingId, setBuildingId] = useState<string | undefined>();
  const households = useMyHouseholds(buildingId);
  const call = useCall();
  const data = page.data;
  const current = data?.terms.filter((term) => term.active) ?? [];

  const dial = (residentId: string) =>
    call.mutate(residentId, {
      onSuccess: ({ phone }) => {
        if (phone) window.location.href = `tel:${phone}`;
        else void message.info(t('leaderPhone.noPhone'));
      },
      onError: (error) => void message.error(error.message),
    });

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('leaderPhone.title')}</Typography.Title>
      {data && current.length === 0 ? <Empty description={t('leaderPhone.noTerm')} /> : null}
      {current.length ? (
        <Card size="small" title={t('leaderPhone.myTerm')} style={{ marginBottom: 12 }}>
          {current.map((term) => (
            <div key={term.id}>
              {term.buildingName}
              {term.unitNumber !== null ? ` · ${t('leaders.unitN', { n: term.unitNumber })}` : ''}：
              {term.startsOn} ~ {term.endsOn}{' '}
              {term.tags.map((tag) => (
                <Tag key={tag}>{t(`leaders.tag.${tag}`)}</Tag>
              ))}
            </div>
          ))}
        </Card>
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(data?.buildings ?? []).map((b) => (
          <Card key={b.id} size="small" title={b.name}>
            <div>{t('leaderPhone.households', { n: b.households, r: b.residents })}</div>
            <div style={{ color: 'rgba(0,0,0,0.6)' }}>
              {b.chat
                ? t('leaderPhone.chat', { name: b.chat.name, n: b.chat.memberCount })
                : t('leaderPhone.noChat')}
            </div>
            {b.chat?.qrImage ? <img src={b.chat.qrImage} alt={b.chat.name} style={{ width: 120 }} /> : null}
          </Card>
        ))}
        {(data?.buildings.length ?? 0) > 1 ? (
          <Segmented
            block
            value={buildingId ?? ''}
            onChange={(v) => setBuildingId(v || undefined)}
            options={[
              { value: '', label: t('leaderPhone.all') },
              ...(data?.buildings ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
        ) : null}
        <List
          loading={households.isFetching}
          dataSource={households.data ?? []}
          renderItem={(h) => (
            <List.Item data-testid="leader-household">
              <div style={{ width: '100%' }}>
                <Typography.Text strong>
                  {h.buildingName} · {t('leaderPhone.room', { unit: h.unitNumber, room: h.room })}
                </Typography.Text>
                {h.members.map((m) => (
                  <div
                    key={m.id}
                    style={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      alignItems: 'center',
                      padding: '4px 0',
                    }}
                  >
                    <span>
                      {m.name}{' '}
                      <Typography.Text type="secondary">
                        {m.phone ?? t('leaderPhone.noPhone')}
                      </Typography.Text>
                    </span>
                    {m.phone ? (
                      <Button
                        size="large"
                        type="primary"
                        icon={<PhoneOutlined />}
                        loading={call.isPending && call.variables === m.id}
                        onClick={() => dial(m.id)}
                      >
                        {t('leaderPhone.call')}
                      </Button>
                    ) : null}
                  </div>
                ))}
              </div>
            </List.Item>
          )}
        />
      </Space>
    </div>
  );
}
