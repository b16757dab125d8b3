import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../app/i18n.tsx';

/** Shown for a page the user's roles do not allow. */
export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title={<span data-testid="forbidden-page">{t('error.forbidden.title')}</span>}
      subTitle={t('error.forbidden.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={<span data-testid="not-found-page">{t('error.notFound.title')}</span>}
      subTitle={t('error.notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
