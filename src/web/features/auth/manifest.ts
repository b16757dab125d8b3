import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/**
 * Signing in. The page loads on its own (a manifest imports no page: pages use i18n, whose messages are assembled
 * from the manifests, and lint forbids that cycle).
 */
export default defineFeature({
  name: 'auth',
  routes: [{ path: '/login', load: () => import('./login-page.tsx').then((m) => m.LoginPage), public: true }],
  messages,
});
