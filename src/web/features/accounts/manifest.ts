import { TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Account administration: accounts, roles and their scopes. */
export default defineFeature({
  name: 'accounts',
  routes: [
    {
      path: '/accounts',
      permission: 'account:read',
      watermark: true,
      load: () => import('./accounts-page.tsx').then((m) => m.AccountsPage),
    },
  ],
  menu: [
    {
      path: '/accounts',
      label: 'menu.accounts',
      icon: TeamOutlined,
      order: 50,
      permission: 'account:read',
      group: 'system',
    },
  ],
  shortcuts: [
    {
      path: '/accounts',
      title: 'menu.accounts',
      text: 'accounts.shortcut',
      icon: TeamOutlined,
      order: 60,
      permission: 'account:read',
    },
  ],
  messages,
});
