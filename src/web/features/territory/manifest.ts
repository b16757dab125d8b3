import { ClusterOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The territory tree: county, streets, communities, grids. */
export default defineFeature({
  name: 'territory',
  routes: [
    {
      path: '/territory',
      permission: 'territory:read',
      load: () => import('./territory-page.tsx').then((m) => m.TerritoryPage),
    },
  ],
  menu: [
    {
      path: '/territory',
      label: 'menu.territory',
      icon: ClusterOutlined,
      order: 30,
      permission: 'territory:read',
      group: 'registry',
    },
  ],
  shortcuts: [
    {
      path: '/territory',
      title: 'menu.territory',
      text: 'territory.shortcut',
      icon: ClusterOutlined,
      order: 55,
      permission: 'territory:read',
    },
  ],
  messages,
});
