import { AimOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Door-knocking rounds (敲门行动) at a desk: the list, opening one, live progress, the households, closing. */
export default defineFeature({
  name: 'rounds',
  routes: [
    {
      path: '/rounds',
      permission: 'round:read',
      load: () => import('./rounds-page.tsx').then((m) => m.RoundsPage),
    },
    {
      path: '/rounds/:id',
      permission: 'round:read',
      activeMenu: '/rounds',
      watermark: true,
      load: () => import('./round-page.tsx').then((m) => m.RoundPage),
    },
  ],
  menu: [
    {
      path: '/rounds',
      label: 'menu.rounds',
      icon: AimOutlined,
      order: 8,
      permission: 'round:read',
      group: 'mine',
    },
  ],
  shortcuts: [
    {
      path: '/rounds',
      title: 'menu.rounds',
      text: 'rounds.shortcut',
      icon: AimOutlined,
      order: 15,
      permission: 'round:read',
    },
  ],
  messages,
});
