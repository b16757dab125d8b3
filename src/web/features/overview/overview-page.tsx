import {
  AuditOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  TeamOutlined,
  UploadOutlined,
  IdcardOutlined,
} from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isMessageKey, useI18n, type MessageKey } from '../../app/i18n.tsx';
import { can, useMe, type Permission, type RoleAssignment } from '../../app/session.ts';
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

type Shortcut = { to: string; icon: ReactNode; title: MessageKey; text: MessageKey; permission: Permission };

const shortcuts: Shortcut[] = [
  {
    to: '/residents',
    icon: <IdcardOutlined />,
    title: 'menu.residents',
    text: 'overview.shortcut.residents',
    permission: 'resident:read',
  },
  {
    to: '/import',
    icon: <UploadOutlined />,
    title: 'menu.import',
    text: 'overview.shortcut.import',
    permission: 'resident:import',
  },
  {
    to: '/map',
    icon: <EnvironmentOutlined />,
    title: 'menu.map',
    text: 'overview.shortcut.map',
    permission: 'territory:read',
  },
  {
    to: '/territory',
    icon: <ClusterOutlined />,
    title: 'menu.territory',
    text: 'overview.shortcut.territory',
    permission: 'territory:read',
  },
  {
    to: '/accounts',
    icon: <TeamOutlined />,
    title: 'menu.accounts',
    text: 'overview.shortcut.accounts',
    permission: 'account:read',
  },
  {
    to: '/audit',
    icon: <AuditOutlined />,
    title: 'menu.audit',
    text: 'overview.shortcut.audit',
    permission: 'audit:read',
  },
];

/** Home: greeting, the user's roles and scopes, area figures and shortcuts to what they may use. */
export function OverviewPage() {
  const { t, pick, lang } = useI18n();
  const me = useMe().data;
  if (!me) return null;
  const { hour, date } = chinaNow(lang);
  const allowed = shortcuts.filter((s) => can(me, s.permission));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card className="ww-welcome">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
          {t(greetingKey(hour), { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('overview.today', { date })}</Typography.Text>
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
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('overview.myRoles')} style={{ height: '100%' }}>
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
                    const key = `permission.${p}`;
                    return <Tag key={p}>{isMessageKey(key) ? t(key) : p}</Tag>;
                  })
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                )}
              </Space>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('overview.shortcuts')} style={{ height: '100%' }}>
            {allowed.length ? (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {allowed.map((s) => (
                  <Link to={s.to} key={s.to} className="ww-shortcut">
                    <span className="ww-shortcut-icon">{s.icon}</span>
                    <span>
                      <strong>{t(s.title)}</strong>
                      <br />
                      <Typography.Text type="secondary">{t(s.text)}</Typography.Text>
                    </span>
                  </Link>
                ))}
              </Space>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noModules')} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
