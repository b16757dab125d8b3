import { defineMessages } from '../../app/define-feature.ts';

/** Texts of the audit feature in both languages; keys are global, so they keep their prefixes. */
export const messages = defineMessages({
  'zh-CN': {
    'audit.shortcut': '查询谁在何时做了什么',
    'menu.audit': '审计日志',

    'audit.title': '审计日志',
    'audit.subtitle': '所有写操作与登录、敏感信息查看均留痕，个人信息已脱敏',
    'audit.searchPlaceholder': '操作人 / 请求编号 / IP 地址',
    'audit.action': '操作',
    'audit.entityType': '对象类型',
    'audit.at': '时间',
    'audit.actor': '操作人',
    'audit.entity': '对象',
    'audit.territoryCode': '区域编码',
    'audit.ip': 'IP 地址',
    'audit.requestId': '请求编号',
    'audit.userAgent': '客户端',
    'audit.entityId': '对象编号',
    'audit.changes': '变更内容',
    'audit.noChanges': '无字段变更',
    'audit.details': '详情',
    'audit.empty': '（空）',
    'audit.technical': '技术详情',
    'audit.actionCode': '操作代码',
    'audit.searching': '正在查找…',
    'audit.noActor': '没有找到操作人',
    'audit.timeZone': '时间均为北京时间（UTC+8）',
    'audit.startDate': '开始日期',
    'audit.endDate': '结束日期',
  },
  'en-US': () => import('./messages.en-US.ts'),
});
