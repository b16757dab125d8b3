import { SettingOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The county's settings (GET/PUT /settings), for the county administrator; every module declares its own. */
export default defineFeature({
  name: 'settings',
  routes: [
    {
      path: '/settings',
      permission: 'settings:manage',
      load: () => import('./settings-page.tsx').then((m) => m.SettingsPage),
    },
  ],
  menu: [
    {
      path: '/settings',
      label: 'menu.settings',
      icon: SettingOutlined,
      order: 90,
      permission: 'settings:manage',
      group: 'system',
    },
  ],
  shortcuts: [
    {
      path: '/settings',
      title: 'menu.settings',
      text: 'settings.shortcut',
      icon: SettingOutlined,
      order: 80,
      permission: 'settings:manage',
    },
  ],
  messages,
});
