import { AuditOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The audit log. Its action and entity-type names come from the server (GET /audit/labels). */
export default defineFeature({
  name: 'audit',
  routes: [
    {
      path: '/audit',
      permission: 'audit:read',
      watermark: true,
      load: () => import('./audit-page.tsx').then((m) => m.AuditPage),
    },
  ],
  menu: [
    {
      path: '/audit',
      label: 'menu.audit',
      icon: AuditOutlined,
      order: 60,
      permission: 'audit:read',
      group: 'system',
    },
  ],
  shortcuts: [
    {
      path: '/audit',
      title: 'menu.audit',
      text: 'audit.shortcut',
      icon: AuditOutlined,
      order: 70,
      permission: 'audit:read',
    },
  ],
  messages,
});
