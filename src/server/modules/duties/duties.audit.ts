import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { dutyItems, dutyTasks } from './duties.tables.ts';

/** An item by its title, placed at its community (or the county, for the template). */
const itemNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: dutyItems.id, name: dutyItems.title, territoryCode: dutyItems.territoryCode })
    .from(dutyItems)
    .where(inArray(dutyItems.id, ids));

/** A task by its title and due day: "每日巡查网格 · 2026-12-01". */
const taskNames = (db: Executor, ids: string[]) =>
  db
    .select({
      id: dutyTasks.id,
      name: sql<string>`coalesce(${dutyTasks.title}, ${dutyItems.title}, '') || ' · ' || ${dutyTasks.dueOn}::text`,
      territoryCode: dutyTasks.territoryCode,
    })
    .from(dutyTasks)
    .leftJoin(dutyItems, eq(dutyItems.id, dutyTasks.itemId))
    .where(inArray(dutyTasks.id, ids));

const text = (zh: string, en: string) => ({ zh, en });

export const roleGroupValues = {
  community_secretary: text('社区党组织书记', 'Community party secretary'),
  branch_secretary: text('网格党支部书记', 'Grid branch secretary'),
  registered_cadre: text('报到干部（在职党员）', 'Registered cadre'),
  grid_worker: text('网格员（民情书记）', 'Grid worker'),
  building_leader: text('红色楼长', 'Building leader'),
};

/** How the audit log names duty items and tasks and reads the duties module's fields. */
export const dutiesAudit = {
  names: {
    duty_item: itemNames,
    duty_task: taskNames,
    // A generation run is no object: its entries carry no id (the days and counts are in the changes).
    duty_generation: () => Promise.resolve([]),
  },
  fields: {
    // The demo seed's counts.
    dutyItems: text('职责清单条目', 'Duty items'),
    dutyTasks: text('职责任务', 'Duty tasks'),
    roleGroup: { ...text('人员类别', 'Role group'), values: roleGroupValues },
    frequency: {
      ...text('频次', 'Frequency'),
      values: {
        daily: text('每日', 'Daily'),
        weekly: text('每周', 'Weekly'),
        monthly: text('每月', 'Monthly'),
        per_round: text('每轮行动', 'Per round'),
        on_event: text('事件触发', 'On event'),
      },
    },
    evidence: {
      ...text('佐证', 'Evidence'),
      values: {
        photo: text('照片', 'Photo'),
        note: text('文字说明', 'Note'),
        visit: text('走访记录', 'Visit record'),
        none: text('无需佐证', 'None'),
      },
    },
    title: text('事项名称', 'Title'),
    description: text('说明', 'Description'),
    shared: text('共同责任', 'Shared duty'),
    firstDay: text('开始日期', 'First day'),
    lastDay: text('结束日期', 'Last day'),
    sortOrder: text('排序', 'Order'),
    late: text('逾期完成', 'Done late'),
    created: text('生成任务数', 'Tasks created'),
    emergency: text('含应急事项', 'Emergency items included'),
    dueOn: text('截止日期', 'Due on'),
    itemId: { ...text('职责事项', 'Duty item'), entity: 'duty_item' },
  },
  entityFields: {
    duty_item: {
      mode: {
        ...text('平急状态', 'Mode'),
        values: { normal: text('平时', 'Normal'), emergency: text('应急', 'Emergency') },
      },
    },
    duty_task: {
      status: {
        ...text('状态', 'Status'),
        values: { open: text('待完成', 'Open'), done: text('已完成', 'Done') },
      },
      photo: text('附现场照片', 'Photo attached'),
    },
  },
  systemActors: {
    'duties.generate': text('系统（每日生成职责任务）', 'System (daily duty tasks)'),
  },
} satisfies AuditDeclaration;
