import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import {
  createBrowserRouter,
  Navigate,
  useLocation,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';
import { Watermark } from '../components/watermark.tsx';
import { allFeatures, assembleRoutes, type AppRoute } from './assemble.ts';
import { queryClient } from './providers.tsx';
import { can, useMe, type Permission } from './session.ts';
import { CardSkeleton, PageSkeleton, ShellSkeleton } from './skeleton.tsx';

// The frame (menu, header, drawers) and the status pages come in their own chunks, so the sign-in page loads neither.
const loadLayout = () => import('./layout.tsx');
const AppLayout = lazy(() => loadLayout().then((m) => ({ default: m.AppLayout })));
const ForbiddenPage = lazy(() =>
  import('../components/status-pages.tsx').then((m) => ({ default: m.ForbiddenPage })),
);
const NotFoundPage = lazy(() =>
  import('../components/status-pages.tsx').then((m) => ({ default: m.NotFoundPage })),
);
const CrashPage = lazy(() => import('./status-views.tsx').then((m) => ({ default: m.CrashPage })));
const SessionFailedPage = lazy(() =>
  import('./status-views.tsx').then((m) => ({ default: m.SessionFailedPage })),
);

/** The signed-in part of the app; anyone else goes to the login page and comes back afterwards. */
function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <ShellSkeleton />;
  if (me.isError) {
    return (
      <Suspense fallback={<ShellSkeleton />}>
        <SessionFailedPage error={me.error} retry={() => void me.refetch()} />
      </Suspense>
    );
  }
  if (!me.data) {
    const back = location.pathname + location.search;
    const target = back === '/' ? '/login' : `/login?redirect=${encodeURIComponent(back)}`;
    return <Navigate to={target} replace />;
  }
  return (
    <Suspense fallback={<ShellSkeleton />}>
      <AppLayout me={me.data} />
    </Suspense>
  );
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
  return (
    <Suspense fallback={<PageSkeleton />}>
      {permissions.every((p) => can(me.data, p)) ? children : <ForbiddenPage />}
    </Suspense>
  );
}

/** A crash inside a route, shown once its chunk has arrived. */
function Crash() {
  return (
    <Suspense fallback={<CardSkeleton />}>
      <CrashPage />
    </Suspense>
  );
}

/** The page of a route; pages behind `load` are fetched on their first visit, so login and home stay light. */
function pageOf(route: AppRoute): ComponentType {
  return 'load' in route ? lazy(() => route.load().then((page) => ({ default: page }))) : route.component;
}

/**
 * Entering a route starts, at once and side by side, what its page will wait for: its code and its main data
 * (the manifest's `prefetch`). Without this they came one after the other (the session, the frame's code, the
 * page's code, then its data). Nothing is awaited: the page shows its own skeleton and errors as before.
 */
function preload(route: AppRoute) {
  return ({ params }: LoaderFunctionArgs) => {
    if ('load' in route) void route.load().catch(() => undefined);
    const query = route.prefetch?.(params);
    if (query) void queryClient.prefetchQuery(query);
    return null;
  };
}

function toRouteObject(route: AppRoute): RouteObject {
  const Page = pageOf(route);
  const loader = preload(route);
  const permissions = route.permission === undefined ? [] : [route.permission].flat();
  const element = (
    <RequirePermission permissions={permissions}>
      <Page />
      {route.watermark ? <Watermark /> : null}
    </RequirePermission>
  );
  if (route.public) {
    const page = (
      <Suspense fallback={<CardSkeleton />}>
        <Page />
      </Suspense>
    );
    return {
      path: route.path,
      element: page,
      errorElement: <Crash />,
      loader,
      hydrateFallbackElement: <CardSkeleton />,
    };
  }
  return route.path === '/'
    ? { index: true, element, loader }
    : { path: route.path.slice(1), element, loader };
}

/** Every feature's pages (features.ts): public ones beside the signed-in frame, the others inside it. */
const routes = assembleRoutes(allFeatures());

export const router = createBrowserRouter([
  ...routes.filter((r) => r.public).map(toRouteObject),
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <Crash />,
    // The frame's code comes alongside the session check, not after it.
    loader: () => {
      void loadLayout().catch(() => undefined);
      return null;
    },
    hydrateFallbackElement: <ShellSkeleton />,
    children: [
      ...routes.filter((r) => !r.public).map(toRouteObject),
      {
        path: '*',
        element: (
          <Suspense fallback={<PageSkeleton />}>
            <NotFoundPage />
          </Suspense>
        ),
      },
    ],
  },
]);
