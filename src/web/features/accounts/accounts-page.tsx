import {
  EyeInvisibleOutlined,
  EyeOutlined,
  MoreOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Dropdown,
  Empty,
  Grid,
  Input,
  Pagination,
  Skeleton,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type MenuProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useCan, useMe, useRoleCatalogue } from '../../app/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { roleScopeLabel } from '../../components/scope-label.ts';
import { AccountCreateDrawer } from './account-create-drawer.tsx';
import { AccountEditModal } from './account-edit-modal.tsx';
import { AccountPasswordModal } from './account-password-modal.tsx';
import { AccountRolesModal } from './account-roles-modal.tsx';
import {
  useAccounts,
  useRevealMobile,
  useUpdateAccount,
  type Account,
  type AccountFilter,
  type AccountStatus,
  type RoleCode,
} from './api.ts';

type Dialog = { kind: 'edit' | 'roles' | 'password'; account: Account } | null;

const firstPage: AccountFilter = { page: 1, pageSize: 20 };

/** The masked number, and for holders of personal:reveal an eye that fetches the clear one (audited). */
function MobileCell({ account, canReveal }: { account: Account; canReveal: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reveal = useRevealMobile();
  const [clear, setClear] = useState<string | null>(null);
  if (!account.mobile) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      <span className="ww-mono" data-testid="mobile-value">
        {clear ?? account.mobile}
      </span>
      {canReveal ? (
        <Tooltip title={clear ? t('accounts.hide') : t('accounts.revealTip')}>
          <Button
            type="text"
            size="small"
            loading={reveal.isPending}
            icon={clear ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            aria-label={clear ? t('accounts.hide') : t('accounts.reveal')}
            data-testid="reveal-mobile"
            onClick={() => {
              if (clear) return setClear(null);
              reveal.mutate(account.id, {
                onSuccess: (data) => setClear(data.mobile),
                onError: (error) => void message.error(error.message),
              });
            }}
          />
        </Tooltip>
      ) : null}
    </Space>
  );
}

function RoleTags({ account }: { account: Account }) {
  const { t, pick } = useI18n();
  if (account.roles.length === 0) {
    return <Typography.Text type="secondary">{t('accounts.noRoles')}</Typography.Text>;
  }
  return (
    <Space size={[4, 4]} wrap>
      {account.roles.map((r) => (
        <Tag key={r.id} color="blue" variant="outlined" style={{ marginInlineEnd: 0 }}>
          {roleScopeLabel(r, t, pick)}
        </Tag>
      ))}
    </Space>
  );
}

/** Accounts within the caller's scope: search, filters, and the account actions their roles allow. */
export function AccountsPage() {
  const { t, pick } = useI18n();
  const { modal, message } = App.useApp();
  const me = useMe().data;
  const canWrite = useCan('account:write');
  const canReveal = useCan('personal:reveal');
  const catalogue = useRoleCatalogue();
  const [filter, setFilter] = useState<AccountFilter>(firstPage);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const accounts = useAccounts(filter);
  const update = useUpdateAccount();
  const mobile = Grid.useBreakpoint().md === false;

  const roles = catalogue.data ?? [];
  const rows = accounts.data?.data ?? [];
  const grantable = new Set(roles.filter((r) => r.grantable).map((r) => r.code));
  // The server refuses to manage an account holding a role the caller could not grant.
  const manageable = (a: Account) => canWrite && a.roles.every((r) => grantable.has(r.role));

  const toggleStatus = (account: Account) => {
    const disabling = account.status === 'active';
    modal.confirm({
      title: disabling ? t('accounts.disable') : t('accounts.enable'),
      content: t(disabling ? 'accounts.disableConfirm' : 'accounts.enableConfirm', {
        name: account.displayName,
      }),
      okButtonProps: { danger: disabling },
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        update.mutateAsync({ id: account.id, status: disabling ? 'disabled' : 'active' }).then(
          () =>
            void message.success(
              t(disabling ? 'accounts.disabled' : 'accounts.enabled', { name: account.displayName }),
            ),
          (error: Error) => void message.error(error.message),
        ),
    });
  };

  const actionMenu = (account: Account): MenuProps => {
    const self = account.id === me?.id;
    return {
      items: [
        { key: 'roles', label: t('accounts.editRoles'), disabled: self },
        { key: 'password', label: t('accounts.resetPassword') },
        { type: 'divider' },
        account.status === 'active'
          ? { key: 'status', label: t('accounts.disable'), danger: true, disabled: self }
          : { key: 'status', label: t('accounts.enable') },
      ],
      onClick: ({ key }) => {
        if (key === 'roles') setDialog({ kind: 'roles', account });
        if (key === 'password') setDialog({ kind: 'password', account });
        if (key === 'status') toggleStatus(account);
      },
    };
  };

  const columns: ColumnsType<Account> = [
    {
      title: t('accounts.username'),
      dataIndex: 'username',
      width: 150,
      render: (username: string, a) => (
        <Space size={4} wrap>
          <span className="ww-mono">{username}</span>
          {a.mustChangePassword ? <Tag color="warning">{t('accounts.mustChange')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('accounts.displayName'), dataIndex: 'displayName', width: 130 },
    {
      title: t('accounts.mobile'),
      key: 'mobile',
      width: 170,
      render: (_, a) => <MobileCell key={a.id} account={a} canReveal={canReveal} />,
    },
    {
      title: t('accounts.roles'),
      key: 'roles',
      render: (_, a) => <RoleTags account={a} />,
    },
    {
      title: t('accounts.status'),
      dataIndex: 'status',
      width: 96,
      render: (status: AccountStatus) => (
        <Badge status={status === 'active' ? 'success' : 'default'} text={t(`accounts.status.${status}`)} />
      ),
    },
    {
      title: t('accounts.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      responsive: ['lg'],
      render: (at: string | null) =>
        at ? (
          formatDateTime(at)
        ) : (
          <Typography.Text type="secondary">{t('accounts.neverLoggedIn')}</Typography.Text>
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: 'right' as const,
            render: (_: unknown, a: Account) =>
              manageable(a) ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', account: a })}>
                    {t('common.edit')}
                  </Button>
                  <Dropdown menu={actionMenu(a)} trigger={['click']}>
                    <Button type="link" size="small" icon={<MoreOutlined />} data-testid="account-more">
                      {t('common.more')}
                    </Button>
                  </Dropdown>
                </Space>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="account-create-open"
            >
              {t('accounts.create')}
            </Button>
          ) : null
        }
      />
      <Card className="ww-filter-card" size="small">
        <div className="ww-filters">
          <Input.Search
            allowClear
            value={search}
            placeholder={t('accounts.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => setFilter((f) => ({ ...f, q: value.trim() || undefined, page: 1 }))}
            enterButton={t('common.search')}
            className="ww-filter-search"
            data-testid="accounts-search"
          />
          <Select<AccountStatus>
            allowClear
            placeholder={t('accounts.statusFilter')}
            aria-label={t('accounts.statusFilter')}
            value={filter.status}
            onChange={(status) => setFilter((f) => ({ ...f, status, page: 1 }))}
            options={(['active', 'disabled'] as const).map((s) => ({
              value: s,
              label: t(`accounts.status.${s}`),
            }))}
            className="ww-filter-select"
            data-testid="accounts-status-filter"
          />
          <Select<RoleCode>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('accounts.roleFilter')}
            aria-label={t('accounts.roleFilter')}
            value={filter.role}
            onChange={(role) => setFilter((f) => ({ ...f, role, page: 1 }))}
            options={roles.map((r) => ({ value: r.code, label: pick(r.name) }))}
            className="ww-filter-select"
            data-testid="accounts-role-filter"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              setSearch('');
              setFilter(firstPage);
            }}
          >
            {t('common.reset')}
          </Button>
        </div>
      </Card>
      {accounts.isError ? (
        <Alert type="error" showIcon title={accounts.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      {mobile ? (
        <div data-testid="accounts-cards">
          {accounts.isPending ? (
            <Card size="small">
              <Skeleton active />
            </Card>
          ) : rows.length === 0 ? (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            </Card>
          ) : (
            rows.map((a) => (
              <Card
                key={a.id}
                size="small"
                className="ww-mobile-card"
                title={
                  <Space size={6}>
                    <span>{a.displayName}</span>
                    <Typography.Text type="secondary" className="ww-mono">
                      {a.username}
                    </Typography.Text>
                  </Space>
                }
                extra={
                  <Badge
                    status={a.status === 'active' ? 'success' : 'default'}
                    text={t(`accounts.status.${a.status}`)}
                  />
                }
                actions={
                  manageable(a)
                    ? [
                        <Button
                          key="edit"
                          type="link"
                          size="small"
                          onClick={() => setDialog({ kind: 'edit', account: a })}
                        >
                          {t('common.edit')}
                        </Button>,
                        <Dropdown key="more" menu={actionMenu(a)} trigger={['click']}>
                          <Button type="link" size="small" icon={<MoreOutlined />}>
                            {t('common.more')}
                          </Button>
                        </Dropdown>,
                      ]
                    : undefined
                }
              >
                <div className="ww-mobile-card-row">
                  <span className="ww-mobile-card-label">{t('accounts.mobile')}</span>
                  <MobileCell account={a} canReveal={canReveal} />
                </div>
                <div className="ww-mobile-card-row">
                  <span className="ww-mobile-card-label">{t('accounts.role')}</span>
                  <RoleTags account={a} />
                </div>
                <div className="ww-mobile-card-row">
                  <span className="ww-mobile-card-label">{t('accounts.lastLogin')}</span>
                  <span>{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : t('accounts.neverLoggedIn')}</span>
                </div>
              </Card>
            ))
          )}
          <Pagination
            simple
            align="center"
            current={filter.page}
            pageSize={filter.pageSize}
            total={accounts.data?.page.total ?? 0}
            onChange={(page) => setFilter((f) => ({ ...f, page }))}
          />
        </div>
      ) : (
        <Card size="small">
          <Table<Account>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={accounts.isFetching}
            scroll={{ x: 900 }}
            data-testid="accounts-table"
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: accounts.data?.page.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) =>
                setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
            }}
          />
        </Card>
      )}
      {canWrite ? (
        <AccountCreateDrawer open={creating} catalogue={roles} onClose={() => setCreating(false)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <AccountEditModal account={dialog.account} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'roles' ? (
        <AccountRolesModal account={dialog.account} catalogue={roles} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'password' ? (
        <AccountPasswordModal account={dialog.account} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
