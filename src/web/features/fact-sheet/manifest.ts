import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/** A place's fact sheet (一口清), reached from the territory page and the map. */
export default defineFeature({
  name: 'fact-sheet',
  routes: [
    {
      path: '/territories/:id/fact-sheet',
      permission: 'territory:read',
      activeMenu: '/territory',
      watermark: true,
      load: () => import('./fact-sheet-page.tsx').then((m) => m.FactSheetPage),
    },
  ],
  messages,
});
