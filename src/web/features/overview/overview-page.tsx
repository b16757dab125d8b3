import { Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { allFeatures, assembleShortcuts, visibleMenu } from '../../app/assemble.ts';
import { useI18n, type MessageKey } from '../../app/i18n.tsx';
import { can, useMe, type RoleAssignment } from '../../app/session.ts';
import { scopeText } from '../../components/scope-label.ts';

// The dashboard's charts load after the greeting, so home stays light for roles without territory:read.
const CountyDashboard = lazy(() =>
  import('./county-dashboard.tsx').then((m) => ({ default: m.CountyDashboard })),
);

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'overview.greeting.morning';
  if (hour < 13) return 'overview.greeting.noon';
  if (hour < 18) return 'overview.greeting.afternoon';
  return 'overview.greeting.evening';
}

/** The hour and date in China, whatever the device's own time zone. */
function chinaNow(lang: string): { hour: number; date: string } {
  const now = new Date();
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(
      now,
    ),
  );
  const date = new Intl.DateTimeFormat(lang, {
    dateStyle: 'full',
    timeZone: 'Asia/Shanghai',
  }).format(now);
  return { hour, date };
}

/** Every feature's shortcuts (their manifests), by order; home shows those the user may use, as the menu does. */
const shortcuts = assembleShortcuts(allFeatures());

/** Home: greeting, the user's roles and scopes, area figures and shortcuts to what they may use. */
export function OverviewPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe().data;
  if (!me) return null;
  const { hour, date } = chinaNow(lang);
  const allowed = visibleMenu(shortcuts, me);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card className="ww-welcome">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
          {t(greetingKey(hour), { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('overview.today', { date })}</Typography.Text>
      </Card>
      <Card title={t('overview.shortcuts')} data-testid="shortcuts">
        {allowed.length ? (
          <Row gutter={[12, 12]}>
            {allowed.map(({ path, title, text, icon: Icon }) => (
              <Col xs={24} sm={12} lg={8} xxl={6} key={path}>
                <Link to={path} className="ww-shortcut" data-testid={`shortcut-${path.slice(1)}`}>
                  <span className="ww-shortcut-icon">
                    <Icon />
                  </span>
                  <span>
                    {/* A feature's texts are its own message keys or shared ones (checked by defineFeature). */}
                    <strong>{t(title as MessageKey)}</strong>
                    <br />
                    <Typography.Text type="secondary">{t(text as MessageKey)}</Typography.Text>
                  </span>
                </Link>
              </Col>
            ))}
          </Row>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noModules')} />
        )}
      </Card>
      {can(me, 'territory:read') ? (
        <Suspense
          fallback={
            <Card>
              <Skeleton active paragraph={{ rows: 4 }} />
            </Card>
          }
        >
          <CountyDashboard />
        </Suspense>
      ) : null}
      <Card title={t('overview.myRoles')}>
        <Table<RoleAssignment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={me.roles}
          locale={{ emptyText: t('scope.none') }}
          data-testid="my-roles"
          columns={[
            {
              title: t('overview.role'),
              key: 'role',
              render: (_, r) => <Tag color="processing">{pick(r.roleName)}</Tag>,
            },
            {
              title: t('overview.scopeKind'),
              key: 'kind',
              render: (_, r) => t(`scopeKind.${r.scopeKind}`),
            },
            { title: t('overview.scope'), key: 'scope', render: (_, r) => scopeText(r, t) },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('overview.permissions')}</Typography.Text>
          <Space size={[4, 4]} wrap>
            {me.permissions.length ? (
              me.permissions.map((p) => {
                const name = me.permissionNames[p];
                return <Tag key={p}>{name ? pick(name) : p}</Tag>;
              })
            ) : (
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            )}
          </Space>
        </div>
      </Card>
    </Space>
  );
}
