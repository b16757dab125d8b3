import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { visitLogs } from './visitlogs.tables.ts';

const kindValues = {
  need: { zh: '需求', en: 'Need' },
  conflict: { zh: '矛盾纠纷', en: 'Conflict' },
  opinion: { zh: '意见建议', en: 'Opinion' },
  other: { zh: '其他', en: 'Other' },
};

const followUpValues = {
  none: { zh: '无需跟进', en: 'No follow-up' },
  open: { zh: '待跟进', en: 'Open' },
  in_progress: { zh: '跟进中', en: 'In progress' },
  done: { zh: '已办结', en: 'Done' },
};

/** A log by its kind and day: "民情日志（需求）2025-03-02" (its text is personal: never in a name). */
const logNames = (db: Executor, ids: string[]) =>
  db
    .select({
      id: visitLogs.id,
      name: sql<string>`'民情日志（' || case ${visitLogs.kind} when 'need' then '需求' when 'conflict' then '矛盾纠纷'
        when 'opinion' then '意见建议' else '其他' end || '）' || ${visitLogs.occurredOn}::text`,
      territoryCode: visitLogs.territoryCode,
    })
    .from(visitLogs)
    .where(inArray(visitLogs.id, ids));

/** How the audit log names visit logs and reads the module's fields. */
export const visitLogsAudit = {
  names: { visit_log: logNames },
  fields: {
    visitLogs: { zh: '民情日志', en: 'Visit logs' },
    visitLogComments: { zh: '日志批注', en: 'Visit log comments' },
  },
  entityFields: {
    visit_log: {
      kind: { zh: '类别', en: 'Kind', values: kindValues },
      text: { zh: '内容', en: 'Text' },
      tags: { zh: '标签', en: 'Tags' },
      placeKind: {
        zh: '关联对象',
        en: 'Attached to',
        values: {
          households: { zh: '住户', en: 'Households' },
          building: { zh: '楼栋', en: 'Building' },
          grid: { zh: '网格', en: 'Grid' },
        },
      },
      households: { zh: '关联户数', en: 'Households' },
      occurredOn: { zh: '日期', en: 'Day' },
      followUp: { zh: '跟进状态', en: 'Follow-up', values: followUpValues },
      comments: { zh: '批注数', en: 'Comments' },
    },
  },
} satisfies AuditDeclaration;
