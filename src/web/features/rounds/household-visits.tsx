import { Alert, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { focusOpenDrawer } from '../../components/drawer-focus.ts';
import { useHouseholdVisits, visitPhotoUrl, type RoundHousehold } from './api.ts';

/** A household's visits in the round, in a drawer: when, who, the outcome, the note and the photo when there is one. */
export function HouseholdVisitsDrawer({
  roundId,
  household,
  close,
}: {
  roundId: string;
  household: RoundHousehold | null;
  close: () => void;
}) {
  const t = useT();
  const visits = useHouseholdVisits(roundId, household?.householdId);
  return (
    <Drawer
      open={household !== null}
      onClose={close}
      size="large"
      afterOpenChange={focusOpenDrawer}
      title={
        household
          ? t('rounds.visits.title', {
              address: `${household.buildingName} ${t('rounds.unitRoom', { unit: household.unitNumber, room: household.room })}`,
            })
          : ''
      }
    >
      {visits.error ? <Alert type="error" showIcon title={visits.error.message} /> : null}
      <List
        loading={visits.isPending && Boolean(household)}
        dataSource={visits.data ?? []}
        locale={{ emptyText: <Empty description={t('rounds.visits.none')} /> }}
        data-testid="round-household-visits"
        renderItem={(v) => (
          <List.Item data-testid="round-household-visit">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{formatDateTime(v.visitedAt)}</Typography.Text>
                <Tag>{t(`rounds.outcome.${v.outcome}`)}</Tag>
                {v.followUp ? <Tag color="orange">{t('rounds.visits.followUp')}</Tag> : null}
                <Typography.Text type="secondary">{v.visitorName}</Typography.Text>
              </Space>
              {v.note ? <Typography.Paragraph style={{ margin: 0 }}>{v.note}</Typography.Paragraph> : null}
              {v.photo ? (
                <img
                  src={visitPhotoUrl(v.id)}
                  alt={t('rounds.visits.photo', { at: formatDateTime(v.visitedAt) })}
                  data-testid="round-visit-photo"
                  loading="lazy"
                  style={{ maxWidth: '100%', maxHeight: 360, borderRadius: 4 }}
                />
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
