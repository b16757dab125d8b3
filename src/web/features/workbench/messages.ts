import { defineMessages } from '../../app/define-feature.ts';

/**
 * The workbench's texts in the desk app: its menu entry and home's shortcut. The workbench's own texts are the phone
 * entry's only (phone-messages.ts), so the desk app's pages do not carry them.
 */
export const messages = defineMessages({
  'zh-CN': {
    'menu.workbench': '移动工作台',
    'workbench.shortcut': '今日工作、入户敲门走访，离线也能记录',
  },
  'en-US': () => import('./messages.en-US.ts'),
});
