import { HeartOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Volunteers (志愿者): profiles, the corps and their sub-teams; a volunteer's own profile. */
export default defineFeature({
  name: 'volunteers',
  routes: [
    {
      path: '/volunteers',
      permission: 'volunteer:read',
      watermark: true,
      load: () => import('./volunteers-page.tsx').then((m) => m.VolunteersPage),
    },
    {
      path: '/my-volunteering',
      permission: 'volunteer:self',
      load: () => import('./my-volunteer-page.tsx').then((m) => m.MyVolunteerPage),
    },
  ],
  menu: [
    {
      path: '/volunteers',
      label: 'menu.volunteers',
      icon: HeartOutlined,
      order: 37,
      permission: 'volunteer:read',
      group: 'teams',
    },
    {
      path: '/my-volunteering',
      label: 'menu.myVolunteering',
      icon: HeartOutlined,
      order: 38,
      permission: 'volunteer:self',
      group: 'mine',
      personal: true,
    },
  ],
  shortcuts: [
    {
      path: '/my-volunteering',
      title: 'menu.myVolunteering',
      text: 'volunteers.mineShortcut',
      icon: HeartOutlined,
      order: 3,
      permission: 'volunteer:self',
      personal: true,
    },
    {
      path: '/volunteers',
      title: 'menu.volunteers',
      text: 'volunteers.shortcut',
      icon: HeartOutlined,
      order: 35,
      permission: 'volunteer:read',
    },
  ],
  messages,
});
