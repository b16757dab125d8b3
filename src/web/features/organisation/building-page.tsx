import { Alert, Card, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { usePublicBuilding } from './api.ts';
import { ServantLines } from './servant-lines.tsx';
import './organisation.css';

/**
 * A building's public page, opened from the QR code on its contact cards and placard, without signing in: who serves
 * the building and how to reach them (tap to call the phones they agreed to publish).
 */
export function BuildingPage() {
  const t = useT();
  const { token } = useParams();
  const page = usePublicBuilding(token);
  return (
    <main className="ww-org-public" data-testid="building-page">
      {page.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {page.isError && <Alert type="warning" showIcon title={t('organisation.notFound')} />}
      {page.data && (
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('organisation.publicTitle', { building: page.data.building.name })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {[page.data.building.street, page.data.building.community, page.data.building.grid]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Paragraph>
          <ServantLines served={page.data} call />
          {page.data.chat && (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t('organisation.chat', { name: page.data.chat.name, count: page.data.chat.memberCount })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary">{t('organisation.publicFooter')}</Typography.Paragraph>
        </Card>
      )}
    </main>
  );
}
