import { EditOutlined, FileSearchOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Visit logs (民情日志): the list with full-text search, the drawer with comments, and the phone-friendly form. */
export default defineFeature({
  name: 'visit-logs',
  routes: [
    {
      path: '/visit-logs',
      permission: 'visitlog:read',
      watermark: true,
      load: () => import('./visit-logs-page.tsx').then((m) => m.VisitLogsPage),
    },
    {
      path: '/visit-logs/new',
      permission: 'visitlog:write',
      activeMenu: '/visit-logs',
      watermark: true,
      load: () => import('./write-page.tsx').then((m) => m.WriteVisitLogPage),
    },
  ],
  menu: [
    {
      path: '/visit-logs',
      label: 'menu.visitLogs',
      icon: FileSearchOutlined,
      order: 39,
      permission: 'visitlog:read',
      group: 'mine',
    },
  ],
  shortcuts: [
    {
      path: '/visit-logs/new',
      title: 'menu.visitLogWrite',
      text: 'visitLogs.writeShortcut',
      icon: EditOutlined,
      order: 12,
      permission: 'visitlog:write',
    },
    {
      path: '/visit-logs',
      title: 'menu.visitLogs',
      text: 'visitLogs.shortcut',
      icon: FileSearchOutlined,
      order: 31,
      permission: 'visitlog:read',
    },
  ],
  messages,
});
