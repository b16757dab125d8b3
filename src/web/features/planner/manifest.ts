import { ApartmentOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The grid planner (网格优化, issue 12): proposals, comparing them with today's grids, editing, applying, barriers. */
export default defineFeature({
  name: 'planner',
  routes: [
    {
      path: '/planner',
      permission: 'planner:plan',
      load: () => import('./planner-page.tsx').then((m) => m.PlannerPage),
    },
    {
      path: '/planner/:id',
      permission: 'planner:plan',
      activeMenu: '/planner',
      load: () => import('./proposal-page.tsx').then((m) => m.ProposalPage),
    },
  ],
  menu: [
    {
      path: '/planner',
      label: 'menu.planner',
      icon: ApartmentOutlined,
      order: 42,
      permission: 'planner:plan',
      group: 'registry',
    },
  ],
  messages,
});
