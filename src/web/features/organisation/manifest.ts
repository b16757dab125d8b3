import { ApartmentOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { placeServiceCardsQuery, serviceCardsQuery } from './api.ts';
import { messages } from './messages.ts';

/**
 * Who serves where: the coverage board, a building's contact cards and placard (一卡一牌, print-ready A4), and the
 * building's public page that their QR code opens (no sign-in).
 */
export default defineFeature({
  name: 'organisation',
  routes: [
    {
      path: '/coverage',
      permission: 'coverage:read',
      load: () => import('./coverage-page.tsx').then((m) => m.CoveragePage),
    },
    {
      path: '/buildings/:id/cards',
      permission: 'resident:read',
      activeMenu: '/coverage',
      load: () => import('./cards-page.tsx').then((m) => m.CardsPage),
      prefetch: ({ id }) => (id ? serviceCardsQuery(id) : null),
    },
    {
      path: '/buildings/:id/placard',
      permission: 'resident:read',
      activeMenu: '/coverage',
      load: () => import('./cards-page.tsx').then((m) => m.PlacardPage),
      prefetch: ({ id }) => (id ? serviceCardsQuery(id) : null),
    },
    {
      path: '/territories/:id/cards',
      permission: 'resident:read',
      activeMenu: '/coverage',
      load: () => import('./cards-page.tsx').then((m) => m.PlaceCardsPage),
      prefetch: ({ id }) => (id ? placeServiceCardsQuery(id) : null),
    },
    {
      path: '/b/:token',
      public: true,
      load: () => import('./building-page.tsx').then((m) => m.BuildingPage),
    },
  ],
  menu: [
    {
      path: '/coverage',
      label: 'organisation.menu',
      icon: ApartmentOutlined,
      order: 35,
      permission: 'coverage:read',
      group: 'teams',
    },
  ],
  shortcuts: [
    {
      path: '/coverage',
      title: 'organisation.menu',
      text: 'organisation.shortcut',
      icon: ApartmentOutlined,
      order: 15,
      permission: 'coverage:read',
    },
  ],
  messages,
});
