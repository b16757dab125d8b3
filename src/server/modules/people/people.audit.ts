import { desc, eq, inArray, sql } from 'drizzle-orm';
import { maskPersonName } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { gridWorkers, persons } from './people.tables.ts';

/** Persons by their masked name, where they live or serve now. */
const personNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({ id: persons.id, name: persons.name, territoryCode: persons.territoryCode })
      .from(persons)
      .where(inArray(persons.id, ids))
  ).map((p) => ({ ...p, name: maskPersonName(p.name) }));

/**
 * A grid worker by the person's masked name: their audit rows name the person (`grid_worker.appointed`, `.ended`,
 * `.moved` carry the person's id), placed at the grid of their latest post (in force first), else where they live.
 */
const gridWorkerNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .selectDistinctOn([persons.id], {
        id: persons.id,
        name: persons.name,
        territoryCode: sql<string>`coalesce(${gridWorkers.territoryCode}, ${persons.territoryCode})`,
      })
      .from(persons)
      .leftJoin(gridWorkers, eq(gridWorkers.personId, persons.id))
      .where(inArray(persons.id, ids))
      .orderBy(persons.id, sql`${gridWorkers.endsOn} desc nulls first`, desc(gridWorkers.startsOn))
  ).map((p) => ({ ...p, name: maskPersonName(p.name) }));

/** How the audit log names persons and grid workers and reads the people module's fields. */
export const peopleAudit = {
  names: { person: personNames, grid_worker: gridWorkerNames },
  fields: {
    personId: { zh: '人员', en: 'Person', entity: 'person' },
    residentId: { zh: '居民', en: 'Resident', entity: 'resident' },
    territoryCode: { zh: '区域编码', en: 'Territory code' },
    grids: { zh: '网格', en: 'Grids' },
    fromGrids: { zh: '原网格', en: 'From grids' },
    toGrids: { zh: '转入网格', en: 'To grids' },
    employment: {
      zh: '用工方式',
      en: 'Employment',
      values: { full_time: { zh: '专职', en: 'Full time' }, part_time: { zh: '兼职', en: 'Part time' } },
    },
    occupation: {
      zh: '职业',
      en: 'Occupation',
      values: {
        staff: { zh: '工作人员', en: 'Staff' },
        delivery_rider: { zh: '外卖骑手', en: 'Delivery rider' },
        courier: { zh: '快递员', en: 'Courier' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    publishMobile: { zh: '公开手机号', en: 'Mobile published' },
    source: {
      zh: '来源职务',
      en: 'Given by',
      values: {
        grid_worker: { zh: '网格员', en: 'Grid worker' },
        leader_term: { zh: '楼栋长任期', en: 'Building leader term' },
        party_secretary: { zh: '书记', en: 'Secretary' },
        party_registration: { zh: '双报到', en: 'Registration' },
      },
    },
    accountOpened: { zh: '开通账号', en: 'Account opened' },
    people: { zh: '人员数', en: 'People' },
    gridWorkerPersons: { zh: '网格员人数', en: 'Grid workers' },
    gridWorkerPosts: { zh: '网格员岗位', en: 'Grid worker posts' },
    gridWorkersSharingGrids: { zh: '共管网格的网格员', en: 'Grid workers sharing grids' },
    gridWorkersEnded: { zh: '已离任网格员', en: 'Grid workers ended' },
    partTimeGridWorkers: { zh: '兼职网格员', en: 'Part-time grid workers' },
  },
  entityFields: {
    person: { name: { zh: '姓名', en: 'Name', mask: maskPersonName } },
  },
} satisfies AuditDeclaration;
