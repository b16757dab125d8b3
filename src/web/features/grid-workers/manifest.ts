import { SolutionOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Grid workers (网格员): who serves which grid, their household load, appointment and end of service. */
export default defineFeature({
  name: 'grid-workers',
  routes: [
    {
      path: '/grid-workers',
      permission: 'grid_worker:read',
      watermark: true,
      load: () => import('./grid-workers-page.tsx').then((m) => m.GridWorkersPage),
    },
  ],
  menu: [
    {
      path: '/grid-workers',
      label: 'menu.gridWorkers',
      icon: SolutionOutlined,
      order: 35,
      permission: 'grid_worker:read',
      group: 'teams',
    },
  ],
  shortcuts: [
    {
      path: '/grid-workers',
      title: 'menu.gridWorkers',
      text: 'gridWorkers.shortcut',
      icon: SolutionOutlined,
      order: 30,
      permission: 'grid_worker:read',
    },
  ],
  messages,
});
