import { UploadOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** The Excel import of households and residents. */
export default defineFeature({
  name: 'registry-import',
  routes: [
    {
      path: '/import',
      permission: 'resident:import',
      watermark: true,
      load: () => import('./import-page.tsx').then((m) => m.ImportPage),
    },
  ],
  menu: [
    {
      path: '/import',
      label: 'menu.import',
      icon: UploadOutlined,
      order: 20,
      permission: 'resident:import',
      group: 'registry',
    },
  ],
  shortcuts: [
    {
      path: '/import',
      title: 'menu.import',
      text: 'import.shortcut',
      icon: UploadOutlined,
      order: 45,
      permission: 'resident:import',
    },
  ],
  messages,
});
