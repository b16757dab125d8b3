import { HomeOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';
import { OverviewPage } from './overview-page.tsx';

/** Home: greeting, roles and scopes, the area dashboard. In the main bundle; its charts load on their own. */
export default defineFeature({
  name: 'overview',
  routes: [{ path: '/', component: OverviewPage }],
  menu: [{ path: '/', label: 'menu.overview', icon: HomeOutlined, order: 0 }],
  messages,
});
