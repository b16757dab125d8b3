import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../app/i18n.tsx';
import { safeRedirect } from '../../app/navigation.ts';
import { useMe } from '../../app/session.ts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useLogin, type LoginInput } from './api.ts';

const MECHANISMS = ['grids', 'lists', 'services', 'assistance', 'incentives'] as const;

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const { message } = App.useApp();
  const redirect = safeRedirect(params.get('redirect'));
  // A throttled sign-in (429 with Retry-After) counts down and keeps the button disabled until it may be tried.
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryUntil);

  // Signed in (now or already): go where the user was heading.
  if (me.data) return <Navigate to={redirect} replace />;

  const error =
    waitSeconds > 0
      ? t('login.throttled', { seconds: waitSeconds })
      : login.error && !(login.error instanceof ApiError && login.error.retryAfterSeconds)
        ? login.error.message
        : null;

  return (
    <div className="ww-login">
      <div className="ww-login-lang">
        <LanguageSwitch light />
      </div>
      <section className="ww-login-brand">
        <BrandMark size={56} />
        <h1>{t('app.name')}</h1>
        <p>{t('login.subtitle')}</p>
        <ul className="ww-login-mechanisms" aria-hidden>
          {MECHANISMS.map((name) => (
            <li key={name}>
              <strong>{t(`mechanism.${name}`)}</strong>
              <span>{t(`mechanism.${name}.desc`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <main className="ww-login-card">
        <div className="ww-login-card-head">
          <BrandMark size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.name')}</Typography.Text>
          </div>
        </div>
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="login-error"
            title={error}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<LoginInput>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(values) =>
            login.mutate(values, {
              onSuccess: (signedIn) =>
                void message.success(t('login.welcome', { name: signedIn.displayName })),
              onError: (failure) =>
                setRetryUntil(
                  failure instanceof ApiError && failure.retryAfterSeconds
                    ? Date.now() + failure.retryAfterSeconds * 1000
                    : null,
                ),
            })
          }
          onValuesChange={() => login.error && waitSeconds === 0 && login.reset()}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={login.isPending}
            disabled={waitSeconds > 0}
            data-testid="login-submit"
          >
            {waitSeconds > 0 ? t('login.waitSubmit', { seconds: waitSeconds }) : t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </main>
      <footer className="ww-login-footer">{t('login.footer')}</footer>
    </div>
  );
}

/** Seconds left until `until` (ms since the epoch), counting down once a second; 0 when there is nothing to wait for. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
