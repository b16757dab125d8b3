import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, useRouteError, type RouteObject } from 'react-router';
import { ForbiddenPage, NotFoundPage } from '../components/status-pages.tsx';
import { allFeatures, assembleRoutes, type AppRoute } from './assemble.ts';
import { useT } from './i18n.tsx';
import { AppLayout } from './layout.tsx';
import { can, useMe, type Permission } from './session.ts';

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

/** A page for holders of every one of `permissions`; others see the 403 page inside the layout, and the page's code is not loaded. */
function RequirePermission({
  permissions,
  children,
}: {
  permissions: readonly Permission[];
  children: ReactNode;
}) {
  const me = useMe();
  return permissions.every((p) => can(me.data, p)) ? (
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

/** The page of a route; pages behind `load` are fetched on their first visit, so login and home stay light. */
function pageOf(route: AppRoute): ComponentType {
  return 'load' in route ? lazy(() => route.load().then((page) => ({ default: page }))) : route.component;
}

function toRouteObject(route: AppRoute): RouteObject {
  const Page = pageOf(route);
  const permissions = route.permission === undefined ? [] : [route.permission].flat();
  const element = (
    <RequirePermission permissions={permissions}>
      <Page />
    </RequirePermission>
  );
  if (route.public) {
    const page = (
      <Suspense fallback={<FullPageSpin />}>
        <Page />
      </Suspense>
    );
    return { path: route.path, element: page, errorElement: <CrashPage /> };
  }
  return route.path === '/' ? { index: true, element } : { path: route.path.slice(1), element };
}

/** Every feature's pages (features.ts): public ones beside the signed-in frame, the others inside it. */
const routes = assembleRoutes(allFeatures());

export const router = createBrowserRouter([
  ...routes.filter((r) => r.public).map(toRouteObject),
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <CrashPage />,
    children: [
      ...routes.filter((r) => !r.public).map(toRouteObject),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
