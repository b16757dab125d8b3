import { MobileOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/define-feature.ts';
import { messages } from './messages.ts';

/**
 * The phone workbench (/m/) of grid workers and building leaders: today's work, the open round's buildings and
 * households in stairwell order, visits in a few taps, tap to call; installable, and usable offline (service
 * worker, lists kept on the device, a queue of visits sent once the connection returns). Its own entry, phone.tsx:
 * the desk app only links to it.
 */
export default defineFeature({
  name: 'workbench',
  routes: [
    {
      path: '/m/',
      permission: 'round:visit',
      load: () => import('./open-phone-entry.tsx').then((m) => m.OpenPhoneEntry),
    },
  ],
  menu: [
    {
      path: '/m/',
      label: 'menu.workbench',
      icon: MobileOutlined,
      order: 5,
      permission: 'round:visit',
      group: 'mine',
    },
  ],
  shortcuts: [
    {
      path: '/m/',
      title: 'menu.workbench',
      text: 'workbench.shortcut',
      icon: MobileOutlined,
      order: 0,
      permission: 'round:visit',
    },
  ],
  messages,
});
