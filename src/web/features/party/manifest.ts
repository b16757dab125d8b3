import { FlagOutlined, IdcardOutlined, SolutionOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The party organisation of each community, and residence registrations (双报到). */
export default defineFeature({
  name: 'party',
  routes: [
    {
      path: '/party',
      permission: 'party:read',
      watermark: true,
      load: () => import('./org-page.tsx').then((m) => m.PartyOrgPage),
    },
    {
      path: '/party/registrations',
      permission: 'party:read',
      watermark: true,
      load: () => import('./registrations-page.tsx').then((m) => m.PartyRegistrationsPage),
    },
    {
      path: '/party/mine',
      permission: 'party:register',
      load: () => import('./my-registration-page.tsx').then((m) => m.MyRegistrationPage),
    },
  ],
  menu: [
    {
      path: '/party',
      label: 'menu.party',
      icon: FlagOutlined,
      order: 45,
      permission: 'party:read',
      group: 'teams',
    },
    {
      path: '/party/registrations',
      label: 'menu.partyRegistrations',
      icon: SolutionOutlined,
      order: 46,
      permission: 'party:read',
      group: 'teams',
    },
    {
      path: '/party/mine',
      label: 'menu.partyMine',
      icon: IdcardOutlined,
      order: 47,
      permission: 'party:register',
      group: 'mine',
      personal: true,
    },
  ],
  shortcuts: [
    {
      path: '/party/mine',
      title: 'menu.partyMine',
      text: 'party.mineShortcut',
      icon: IdcardOutlined,
      order: 2,
      permission: 'party:register',
      personal: true,
    },
    {
      path: '/party/registrations',
      title: 'menu.partyRegistrations',
      text: 'party.registrationsShortcut',
      icon: SolutionOutlined,
      order: 25,
      permission: 'party:read',
    },
    {
      path: '/party',
      title: 'menu.party',
      text: 'party.shortcut',
      icon: FlagOutlined,
      order: 40,
      permission: 'party:read',
    },
  ],
  messages,
});
