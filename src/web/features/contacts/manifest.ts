import { ApartmentOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Contact assignment (联系挂包): coverage, households without a contact, central households, the proposal. */
export default defineFeature({
  name: 'contacts',
  routes: [
    {
      path: '/contacts',
      permission: 'contact:read',
      watermark: true,
      load: () => import('./contacts-page.tsx').then((m) => m.ContactsPage),
    },
  ],
  menu: [
    {
      path: '/contacts',
      label: 'menu.contacts',
      icon: ApartmentOutlined,
      order: 38,
      permission: 'contact:read',
      group: 'teams',
    },
  ],
  shortcuts: [
    {
      path: '/contacts',
      title: 'menu.contacts',
      text: 'contacts.shortcut',
      icon: ApartmentOutlined,
      order: 22,
      permission: 'contact:read',
    },
  ],
  messages,
});
