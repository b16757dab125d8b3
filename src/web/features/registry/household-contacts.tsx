import { Card, Descriptions, Skeleton, Typography } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useHouseholdContacts } from './api.ts';

const withPhone = (name: string, phone: string | null) => (phone ? `${name}（${phone}）` : name);

/** The household card's contacts (联系挂包): grid workers, its building leader and its central household. */
export function HouseholdContacts({ householdId }: { householdId: string }) {
  const t = useT();
  const can = useCan('contact:read');
  const contacts = useHouseholdContacts(householdId, can);
  if (!can) return null;
  const c = contacts.data;
  const none = <Typography.Text type="secondary">{t('household.contacts.none')}</Typography.Text>;
  return (
    <Card size="small" title={t('household.contacts')} data-testid="household-contacts">
      {!c ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'workers',
              label: t('household.contacts.gridWorkers'),
              children: c.gridWorkers.length
                ? c.gridWorkers.map((w) => withPhone(w.name, w.phone)).join('、')
                : none,
            },
            {
              key: 'leader',
              label: t('household.contacts.leader'),
              children: c.leader ? withPhone(c.leader.name, c.leader.phone) : none,
            },
            {
              key: 'central',
              label: t('household.contacts.central'),
              children: c.central
                ? `${withPhone(c.central.name, c.central.phone)} · ${c.central.place}`
                : none,
            },
          ]}
        />
      )}
    </Card>
  );
}
