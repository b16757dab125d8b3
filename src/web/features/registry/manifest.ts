import { IdcardOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The resident registry: searching residents and households, the household card. */
export default defineFeature({
  name: 'registry',
  routes: [
    {
      path: '/residents',
      permission: 'resident:read',
      watermark: true,
      load: () => import('./residents-page.tsx').then((m) => m.ResidentsPage),
    },
    {
      path: '/households/:id',
      permission: 'resident:read',
      activeMenu: '/residents',
      watermark: true,
      load: () => import('./household-page.tsx').then((m) => m.HouseholdPage),
    },
  ],
  menu: [
    {
      path: '/residents',
      label: 'menu.residents',
      icon: IdcardOutlined,
      order: 10,
      permission: 'resident:read',
      group: 'registry',
    },
  ],
  shortcuts: [
    {
      path: '/residents',
      title: 'menu.residents',
      text: 'residents.shortcut',
      icon: IdcardOutlined,
      order: 10,
      permission: 'resident:read',
    },
  ],
  messages,
});
