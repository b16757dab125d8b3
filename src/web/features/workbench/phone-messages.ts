import type { MessageSource } from '../../app/lang.ts';
import { enUS } from '../../app/locales/en-US.ts';
import { zhCN } from '../../app/locales/zh-CN.ts';
import { messages } from './messages.ts';

/** The phone entry's texts (phone.tsx): the shared ones and the workbench's, not every feature's. */
export const phoneMessages: MessageSource = {
  'zh-CN': () => ({ ...zhCN, ...messages['zh-CN'] }),
  'en-US': () => ({ ...enUS, ...messages['en-US'] }),
};
