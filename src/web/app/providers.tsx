import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { meKey } from './session.ts';
import { theme } from './theme.ts';

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended (expired, revoked, password reset): drop the user so the
    // router sends them to the login page, which brings them back afterwards.
    queryCache: new QueryCache({ onError: (error) => signOutOn401(error) }),
    mutationCache: new MutationCache({ onError: (error) => signOutOn401(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not heal by retrying; network and server errors may.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  function signOutOn401(error: unknown) {
    if (error instanceof ApiError && error.status === 401 && client.getQueryData(meKey)) {
      client.setQueryData(meKey, null);
    }
    // The account must change its password (reset meanwhile): reload the user, which brings up the forced dialog.
    if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
      void client.invalidateQueries({ queryKey: meKey });
    }
  }
  return client;
}

function AntdProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    // Ant Design's own texts are English unless given a locale: only the Chinese one is loaded.
    <ConfigProvider locale={lang === 'zh-CN' ? zhCNAntd : undefined} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The app's one server-state cache; the router's loaders start a page's requests into it (router.tsx). */
export const queryClient = createQueryClient();

/** Language, server state and Ant Design configuration for the whole app. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <AntdProvider>{children}</AntdProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
