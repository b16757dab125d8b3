import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, useRouteError } from 'react-router';
import { ForbiddenPage, NotFoundPage } from '../components/status-pages.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { OverviewPage } from '../features/overview/overview-page.tsx';
import { useT } from './i18n.tsx';
import { AppLayout } from './layout.tsx';
import { can, useMe, type Permission } from './session.ts';

// Pages behind a permission load on first visit, so the login page and home stay light on a phone.
const TerritoryPage = lazy(() =>
  import('../features/territory/territory-page.tsx').then((m) => ({ default: m.TerritoryPage })),
);
const AccountsPage = lazy(() =>
  import('../features/accounts/accounts-page.tsx').then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);
const ResidentsPage = lazy(() =>
  import('../features/registry/residents-page.tsx').then((m) => ({ default: m.ResidentsPage })),
);
const HouseholdPage = lazy(() =>
  import('../features/registry/household-page.tsx').then((m) => ({ default: m.HouseholdPage })),
);
const ImportPage = lazy(() =>
  import('../features/registry-import/import-page.tsx').then((m) => ({ default: m.ImportPage })),
);
const FactSheetPage = lazy(() =>
  import('../features/fact-sheet/fact-sheet-page.tsx').then((m) => ({ default: m.FactSheetPage })),
);
const MapPage = lazy(() => import('../features/map/map-page.tsx').then((m) => ({ default: m.MapPage })));

function PageSpin() {
  return (
    <div className="ww-page-spin">
      <Spin />
    </div>
  );
}

function FullPageSpin() {
  return (
    <div className="ww-full-page">
      <Spin size="large" />
    </div>
  );
}

/** The signed-in part of the app; anyone else goes to the login page and comes back afterwards. */
function RequireAuth() {
  const t = useT();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={me.error.message}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me.data) {
    const back = location.pathname + location.search;
    const target = back === '/' ? '/login' : `/login?redirect=${encodeURIComponent(back)}`;
    return <Navigate to={target} replace />;
  }
  return <AppLayout me={me.data} />;
}

/** A page for holders of `permission`; others see the 403 page inside the layout. */
function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return can(me.data, permission) ? (
    <Suspense fallback={<PageSpin />}>{children}</Suspense>
  ) : (
    <ForbiddenPage />
  );
}

function CrashPage() {
  const t = useT();
  const error = useRouteError();
  return (
    <Result
      status="500"
      title={t('error.crash.title')}
      subTitle={
        <>
          {t('error.crash.text')}
          <br />
          <small>{error instanceof Error ? error.message : null}</small>
        </>
      }
      extra={
        <Button type="primary" onClick={() => window.location.assign('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <OverviewPage /> },
      {
        path: 'territory',
        element: (
          <RequirePermission permission="territory:read">
            <TerritoryPage />
          </RequirePermission>
        ),
      },
      {
        path: 'territories/:id/fact-sheet',
        element: (
          <RequirePermission permission="territory:read">
            <FactSheetPage />
          </RequirePermission>
        ),
      },
      {
        path: 'map',
        element: (
          <RequirePermission permission="territory:read">
            <MapPage />
          </RequirePermission>
        ),
      },
      {
        path: 'residents',
        element: (
          <RequirePermission permission="resident:read">
            <ResidentsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'households/:id',
        element: (
          <RequirePermission permission="resident:read">
            <HouseholdPage />
          </RequirePermission>
        ),
      },
      {
        path: 'import',
        element: (
          <RequirePermission permission="resident:import">
            <ImportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'accounts',
        element: (
          <RequirePermission permission="account:read">
            <AccountsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit:read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
