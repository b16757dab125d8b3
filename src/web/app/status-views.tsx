import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from './i18n.tsx';

/** What a crash inside a route shows (the router's error element), with a way back home. */
export function CrashPage() {
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

/** The signed-in user could not be loaded (network or server): say so and offer to try again. */
export function SessionFailedPage({ error, retry }: { error: Error; retry: () => void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={retry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
