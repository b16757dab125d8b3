import { CheckSquareOutlined, OrderedListOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/**
 * Duty lists (职责任务清单) and tasks: the county's template and the communities' items; my tasks (phone-friendly,
 * complete with evidence) and, for officials, the completion board per person and the overdue list.
 */
export default defineFeature({
  name: 'duties',
  routes: [
    {
      path: '/duties',
      permission: 'duty:read',
      load: () => import('./duties-page.tsx').then((m) => m.DutiesPage),
    },
    {
      path: '/tasks',
      permission: 'duty:read',
      watermark: true,
      load: () => import('./tasks-page.tsx').then((m) => m.TasksPage),
    },
  ],
  menu: [
    {
      path: '/tasks',
      label: 'menu.tasks',
      icon: CheckSquareOutlined,
      order: 4,
      permission: 'duty:read',
      group: 'mine',
    },
    {
      path: '/duties',
      label: 'menu.duties',
      icon: OrderedListOutlined,
      order: 39,
      permission: 'duty:read',
      group: 'teams',
    },
  ],
  shortcuts: [
    {
      path: '/tasks',
      title: 'menu.tasks',
      text: 'tasks.shortcut',
      icon: CheckSquareOutlined,
      order: 4,
      permission: 'duty:read',
    },
    {
      path: '/duties',
      title: 'menu.duties',
      text: 'duties.shortcut',
      icon: OrderedListOutlined,
      order: 39,
      permission: 'duty:read',
    },
  ],
  messages,
});
