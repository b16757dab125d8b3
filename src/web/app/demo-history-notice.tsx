import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from './i18n.tsx';

/**
 * After a first demo start the platform opens before the county's history (duty tasks, rounds, visit logs, contacts)
 * is in (src/demo/deferred.ts): until it is, a notice says so above every page, asked again every 5 s; when it is,
 * every cached answer is read again, so the page shown fills in.
 */
export function DemoHistoryNotice() {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['demo-history'],
    queryFn: async () => await api.get('/demo/history'),
    refetchInterval: (q) => (q.state.data?.data.state === 'loading' ? 5_000 : false),
    staleTime: Infinity,
  });
  const state = query.data?.data.state;
  const wasLoading = useRef(false);
  useEffect(() => {
    if (state === 'loading') wasLoading.current = true;
    else if (state === 'done' && wasLoading.current) {
      wasLoading.current = false;
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'demo-history' });
    }
  }, [state, queryClient]);
  if (state !== 'loading') return null;
  const rows = (query.data?.data.rowsImported ?? 0).toLocaleString(lang);
  return (
    <Alert
      type="info"
      showIcon
      className="ww-demo-history"
      data-testid="demo-history-notice"
      title={t('demoHistory.loading')}
      description={t('demoHistory.progress', { rows })}
    />
  );
}
