import { defineFeature } from '../../app/define-feature.ts';
import { LoginPage } from './login-page.tsx';
import { messages } from './messages.ts';

/** Signing in. The login page is in the main bundle: it is the first page most visits see. */
export default defineFeature({
  name: 'auth',
  routes: [{ path: '/login', component: LoginPage, public: true }],
  messages,
});
