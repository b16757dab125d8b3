import { HomeOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** Home: greeting, roles and scopes, the area dashboard (loaded on its own; its charts too). */
export default defineFeature({
  name: 'overview',
  routes: [{ path: '/', load: () => import('./overview-page.tsx').then((m) => m.OverviewPage) }],
  menu: [{ path: '/', label: 'menu.overview', icon: HomeOutlined, order: 0 }],
  messages,
});
