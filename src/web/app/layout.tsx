import { NotificationBell } from './notifications.tsx';
import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App,
  Avatar,
  Breadcrumb,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  Typography,
  type MenuProps,
} from 'antd';
import { useRef, useState, type MouseEvent } from 'react';
import { Link, matchPath, Outlet, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../components/brand-mark.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { roleScopeLabel } from '../components/scope-label.ts';
import { useLogout } from '../features/auth/api.ts';
import { ChangePasswordModal } from '../features/auth/change-password-modal.tsx';
import { allFeatures, assembleMenu, assembleRoutes, groupMenu, visibleMenu } from './assemble.ts';
import { menuGroups, type MenuEntry } from './define-feature.ts';
import { DemoHistoryNotice } from './demo-history-notice.tsx';
import { useI18n, type MessageKey } from './i18n.tsx';
import type { Me } from './session.ts';
import { focusOpenDrawer } from '../components/drawer-focus.ts';

/** The side menu, from every feature's manifest (features.ts); each entry shows only to holders of its permission. */
export const menuEntries = assembleMenu(allFeatures());

/** The element the skip link moves focus to: the page's <main>. */
const MAIN_ID = 'main-content';

/** Pages reached from a menu page keep its entry selected (a household card: residents), as their route says. */
const activeMenus = assembleRoutes(allFeatures()).flatMap(({ path, activeMenu }) =>
  activeMenu ? [{ path, activeMenu }] : [],
);

function selectedKey(pathname: string): string {
  const parent = activeMenus.find((r) => matchPath(r.path, pathname));
  if (parent) return parent.activeMenu;
  // The most specific entry: /party/registrations is its own entry, not /party's.
  let best = '';
  for (const { path } of menuEntries) {
    if (path.length > best.length && matchPath({ path, end: path === '/' }, pathname)) best = path;
  }
  return best;
}

function SideMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const item = ({ path, icon: Icon, label }: MenuEntry) => ({
    key: path,
    icon: <Icon />,
    // A feature's label is one of its own message keys or a shared one (checked by defineFeature).
    label: t(label as MessageKey),
    'data-testid': `menu-${path.slice(1) || 'overview'}`,
  });
  const sections = groupMenu(visibleMenu(menuEntries, me));
  // Headings only when there is more than one group to tell apart (a resident's two entries need none).
  const headed = sections.filter((s) => s.group).length > 1;
  const items = sections.flatMap(({ group, entries }): NonNullable<MenuProps['items']> =>
    group && headed
      ? [
          {
            type: 'group' as const,
            key: `group-${group}`,
            label: t(menuGroups[group].label),
            children: entries.map(item),
          },
        ]
      : entries.map(item),
  );
  return (
    <nav data-testid="side-menu" aria-label={t('app.name')}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedKey(location.pathname)]}
        items={items}
        onClick={({ key }) => {
          void navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}

function Logo({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <div className="ww-logo">
      <BrandMark size={30} />
      {collapsed ? null : (
        <span className="ww-logo-text" title={t('app.name')}>
          {t('app.shortName')}
          <small>{t('app.subName')}</small>
        </span>
      )}
    </div>
  );
}

/**
 * Where the page sits in the menu: "group › page" for a menu page, "group › parent page" (a link) for a page
 * reached from one (a household card: 基础数据 › 居民). None on home or pages outside the menu's groups.
 */
function Breadcrumbs({ me }: { me: Me }) {
  const { t } = useI18n();
  const location = useLocation();
  const key = selectedKey(location.pathname);
  const entry =
    visibleMenu(menuEntries, me).find((e) => e.path === key) ?? menuEntries.find((e) => e.path === key);
  if (!entry?.group) return null;
  const onEntry = entry.path === location.pathname;
  return (
    <Breadcrumb
      className="ww-breadcrumbs"
      data-testid="breadcrumbs"
      aria-label={t('layout.breadcrumbs')}
      items={[
        { title: t(menuGroups[entry.group].label) },
        {
          title: onEntry ? (
            <span aria-current="page">{t(entry.label as MessageKey)}</span>
          ) : (
            <Link to={entry.path}>{t(entry.label as MessageKey)}</Link>
          ),
        },
      ]}
    />
  );
}

/** The first thing the keyboard reaches: moves focus past the menu and header to the page. */
function SkipLink() {
  const { t } = useI18n();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById(MAIN_ID);
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a className="ww-skip-link" href={`#${MAIN_ID}`} onClick={skip} data-testid="skip-link">
      {t('layout.skipToMain')}
    </a>
  );
}

/** The signed-in frame: side menu, header with the user and their scope, and the page. */
export function AppLayout({ me }: { me: Me }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  // The user menu's button, where focus returns when the change-password dialog closes.
  const userButton = useRef<HTMLButtonElement>(null);
  // Before the first measurement every breakpoint is undefined; assume a desk until told otherwise.
  const mobile = screens.md === false;

  const primary = me.roles[0];
  const scopeLabel = primary ? roleScopeLabel(primary, t, pick) : t('scope.none');

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t('header.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });

  const userMenu: MenuProps = {
    items: [
      ...me.roles.map((role) => ({
        key: `role-${role.id}`,
        label: roleScopeLabel(role, t, pick),
        icon: <UserOutlined />,
        disabled: true,
      })),
      { type: 'divider' as const },
      {
        key: 'password',
        label: t('header.changePassword'),
        icon: <KeyOutlined />,
        'data-testid': 'menu-change-password',
      },
      { key: 'logout', label: t('header.logout'), icon: <LogoutOutlined />, 'data-testid': 'menu-logout' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setPasswordOpen(true);
      if (key === 'logout') signOut();
    },
  };

  return (
    <Layout className="ww-shell">
      <SkipLink />
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          afterOpenChange={focusOpenDrawer}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: 'var(--ww-sider-bg)' } }}
        >
          <Logo collapsed={false} />
          <SideMenu me={me} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          width={224}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          className="ww-sider"
        >
          <Logo collapsed={collapsed} />
          <SideMenu me={me} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="ww-header">
          <Button
            type="text"
            aria-label={t('menu.toggle')}
            data-testid="menu-toggle"
            icon={mobile || collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (mobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
          />
          {mobile ? (
            <span className="ww-header-brand">
              <BrandMark size={24} />
              {t('app.shortName')}
            </span>
          ) : null}
          <div className="ww-header-spacer" />
          {/* Until a forced password change is done the API refuses everything else: no bell asking it. */}
          {me.mustChangePassword ? null : <NotificationBell />}
          <LanguageSwitch />
          {/*
            destroyOnHidden: a closed but kept menu stays on top of antd's Escape stack and swallows the Escape
            meant for the change-password dialog opened from it.
          */}
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight" destroyOnHidden>
            <Button type="text" className="ww-user" data-testid="user-menu" ref={userButton}>
              <Avatar size={28} icon={<UserOutlined />} style={{ background: 'var(--ww-primary)' }} />
              <span className="ww-user-text">
                <span className="ww-user-name" data-testid="user-name">
                  {me.displayName}
                </span>
                <Typography.Text type="secondary" className="ww-user-scope" data-testid="scope-label">
                  {scopeLabel}
                </Typography.Text>
              </span>
              <DownOutlined className="ww-hide-xs" style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="ww-content" id={MAIN_ID} tabIndex={-1}>
          {me.mustChangePassword ? null : <DemoHistoryNotice />}
          <Breadcrumbs me={me} />
          {/* Until a forced password change is done the API refuses everything else, so no page asks it. */}
          {me.mustChangePassword ? null : <Outlet />}
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
        afterClose={() => userButton.current?.focus()}
        onLogout={signOut}
      />
    </Layout>
  );
}
