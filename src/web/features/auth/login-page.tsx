import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
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

  // Signed in (now or already): go where the user was heading.
  if (me.data) return <Navigate to={redirect} replace />;

  const error = login.error ? login.error.message : null;

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
            })
          }
          onValuesChange={() => login.error && login.reset()}
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
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
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
