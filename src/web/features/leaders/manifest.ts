import { MobileOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Building leaders: the community's list (nominate, review, renew, end) and the leader's phone page. */
export default defineFeature({
  name: 'leaders',
  routes: [
    {
      path: '/leaders',
      permission: 'leader:read',
      watermark: true,
      load: () => import('./leaders-page.tsx').then((m) => m.LeadersPage),
    },
    {
      path: '/m/leader',
      permission: 'leader:call',
      watermark: true,
      load: () => import('./leader-phone-page.tsx').then((m) => m.LeaderPhonePage),
    },
  ],
  menu: [
    {
      path: '/leaders',
      label: 'menu.leaders',
      icon: TeamOutlined,
      order: 35,
      permission: 'leader:read',
      group: 'teams',
    },
    {
      path: '/m/leader',
      label: 'menu.leaderPhone',
      icon: MobileOutlined,
      order: 36,
      permission: 'leader:call',
      group: 'mine',
      personal: true,
    },
  ],
  shortcuts: [
    {
      path: '/m/leader',
      title: 'menu.leaderPhone',
      text: 'leaders.phoneShortcut',
      icon: MobileOutlined,
      order: 1,
      permission: 'leader:call',
      personal: true,
    },
    {
      path: '/leaders',
      title: 'menu.leaders',
      text: 'leaders.shortcut',
      icon: TeamOutlined,
      order: 20,
      permission: 'leader:read',
    },
  ],
  messages,
});
