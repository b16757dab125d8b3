import { defineMessages } from '../../app/define-feature.ts';

/** Texts of the settings page in both languages. */
export const messages = defineMessages({
  'zh-CN': {
    'settings.shortcut': '地图底图等全县设置',
    'menu.settings': '系统设置',
    'settings.title': '系统设置',
    'settings.subtitle': '全县统一的设置，由县级管理员修改，修改后立即生效并记入操作日志',
    'settings.default': '默认值：{value}',
    'settings.changedAt': '最近修改：{at}',
    'settings.never': '使用默认值',
    'settings.save': '保存',
    'settings.reset': '恢复默认',
    'settings.saved': '已保存',
  },
  'en-US': () => import('./messages.en-US.ts'),
});
