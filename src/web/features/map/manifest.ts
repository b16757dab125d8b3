import { EnvironmentOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The map: boundaries, buildings and key-population layers. */
export default defineFeature({
  name: 'map',
  routes: [
    {
      path: '/map',
      permission: 'territory:read',
      // Popups name grid workers, leaders and secretaries with their published phones.
      watermark: true,
      load: () => import('./map-page.tsx').then((m) => m.MapPage),
    },
  ],
  menu: [
    {
      path: '/map',
      label: 'menu.map',
      icon: EnvironmentOutlined,
      order: 40,
      permission: 'territory:read',
      group: 'registry',
    },
  ],
  shortcuts: [
    {
      path: '/map',
      title: 'menu.map',
      text: 'map.shortcut',
      icon: EnvironmentOutlined,
      order: 50,
      permission: 'territory:read',
    },
  ],
  messages,
});
