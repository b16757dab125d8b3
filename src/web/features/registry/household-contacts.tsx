import { Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n.tsx';
import { ContactActions, ContactAssignDialog, type ContactKind } from '../../components/contact-assign.tsx';
import { useCan } from '../../app/session.ts';
import { useHouseholdContacts } from './api.ts';

const withPhone = (name: string, phone: string | null) => (phone ? `${name}（${phone}）` : name);

/**
 * The household card's contacts (联系挂包): grid workers, its building leader and its central household; with
 * contact:manage, each can be changed or ended, or assigned when missing (by hand: the proposal keeps it).
 */
export function HouseholdContacts({ householdId }: { householdId: string }) {
  const t = useT();
  const can = useCan('contact:read');
  const canManage = useCan('contact:manage');
  const [assigning, setAssigning] = useState<ContactKind | null>(null);
  const contacts = useHouseholdContacts(householdId, can);
  if (!can) return null;
  const c = contacts.data;
  const none = <Typography.Text type="secondary">{t('household.contacts.none')}</Typography.Text>;
  /** A contact with its actions (change / end), or "none" with an assign action. */
  const contact = (kind: ContactKind, shown: ReactNode | null, manual: boolean) =>
    !canManage ? (
      (shown ?? none)
    ) : shown ? (
      <Space size={4} wrap>
        {shown}
        {manual ? <Tag>{t('contactAssign.manual')}</Tag> : null}
        <ContactActions householdId={householdId} kind={kind} />
      </Space>
    ) : (
      <Space size={4}>
        {none}
        <Button
          size="small"
          type="link"
          onClick={() => setAssigning(kind)}
          data-testid={`contact-assign-${kind}`}
        >
          {t('contactAssign.assign')}
        </Button>
      </Space>
    );
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
              children: contact(
                'leader',
                c.leader ? withPhone(c.leader.name, c.leader.phone) : null,
                c.leader?.source === 'manual',
              ),
            },
            {
              key: 'central',
              label: t('household.contacts.central'),
              children: contact(
                'central_household',
                c.central ? `${withPhone(c.central.name, c.central.phone)} · ${c.central.place}` : null,
                c.central?.source === 'manual',
              ),
            },
          ]}
        />
      )}
      {assigning ? (
        <ContactAssignDialog
          householdId={householdId}
          kind={assigning}
          fixedKind
          onClose={() => setAssigning(null)}
        />
      ) : null}
    </Card>
  );
}
