import { eq, inArray } from 'drizzle-orm';
import { maskPersonName } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { registryImports } from './registry-import.tables.ts';
import { formatAddress } from './registry.common.ts';
import { buildings, households, residents, units } from './registry.tables.ts';

/** How the audit log names the registry's objects and reads its fields (see `AuditDeclaration`). */

const residentNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({ id: residents.id, name: residents.name, territoryCode: residents.territoryCode })
      .from(residents)
      .where(inArray(residents.id, ids))
  ).map((r) => ({ ...r, name: maskPersonName(r.name) }));

const householdNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({
        id: households.id,
        building: buildings.name,
        unit: units.number,
        room: households.room,
        territoryCode: households.territoryCode,
      })
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .innerJoin(units, eq(units.id, households.unitId))
      .where(inArray(households.id, ids))
  ).map((h) => ({
    id: h.id,
    name: formatAddress(h.building, h.unit, h.room),
    territoryCode: h.territoryCode,
  }));

const buildingNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: buildings.id, name: buildings.name, territoryCode: buildings.territoryCode })
    .from(buildings)
    .where(inArray(buildings.id, ids));

const importNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: registryImports.id, name: registryImports.fileName })
    .from(registryImports)
    .where(inArray(registryImports.id, ids));

const relation = {
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  grandparent: { zh: '祖父母', en: 'Grandparent' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  in_law: { zh: '媳婿', en: 'Child-in-law' },
  tenant: { zh: '租户', en: 'Tenant' },
  other: { zh: '其他', en: 'Other' },
};

const keyPopulation = {
  elderly_alone: { zh: '独居老人', en: 'Elderly living alone' },
  elderly_empty_nest: { zh: '空巢老人', en: 'Empty-nest elderly' },
  disabled: { zh: '残疾人', en: 'Disabled' },
  low_income: { zh: '低保', en: 'Low income' },
  special_care: { zh: '特殊关爱', en: 'Special care' },
  veteran: { zh: '退役军人', en: 'Veteran' },
  left_behind_child: { zh: '留守儿童', en: 'Left-behind child' },
  serious_illness: { zh: '大病', en: 'Serious illness' },
};

export const registryAudit = {
  names: {
    resident: residentNames,
    household: householdNames,
    building: buildingNames,
    registry_import: importNames,
  },
  fields: {
    householdId: { zh: '住户', en: 'Household', entity: 'household' },
    buildingId: { zh: '楼栋', en: 'Building', entity: 'building' },
    address: { zh: '地址', en: 'Address' },
    relation: { zh: '与户主关系', en: 'Relation to the head', values: relation },
    politicalStatus: {
      zh: '政治面貌',
      en: 'Political status',
      values: {
        party_member: { zh: '中共党员', en: 'CPC member' },
        probationary_member: { zh: '预备党员', en: 'Probationary member' },
        league_member: { zh: '共青团员', en: 'Youth League member' },
        democratic_party: { zh: '民主党派', en: 'Democratic party' },
        masses: { zh: '群众', en: 'Non-partisan' },
      },
    },
    residency: {
      zh: '户籍类型',
      en: 'Residency',
      values: {
        registered: { zh: '户籍', en: 'Registered' },
        floating: { zh: '流动', en: 'Floating' },
        registered_away: { zh: '人户分离', en: 'Registered elsewhere' },
      },
    },
    tenure: {
      zh: '住房性质',
      en: 'Tenure',
      values: {
        owned: { zh: '自有', en: 'Owned' },
        rented: { zh: '租住', en: 'Rented' },
        public: { zh: '公房', en: 'Public housing' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    members: { zh: '成员数', en: 'Members' },
    filters: { zh: '筛选条件', en: 'Filters' },
    q: { zh: '查找内容', en: 'Searched for' },
    found: { zh: '找到', en: 'Found' },
    reveal: { zh: '含完整个人信息', en: 'Personal data in clear' },
    fileName: { zh: '文件名', en: 'File name' },
    mode: {
      zh: '导入方式',
      en: 'Mode',
      values: {
        'valid-only': { zh: '只导入无误的行', en: 'Valid rows only' },
        'all-or-nothing': { zh: '全部无误才导入', en: 'All or nothing' },
      },
    },
    residents: { zh: '居民数', en: 'Residents' },
    territoryId: { zh: '区域', en: 'Place', entity: 'territory' },
    tag: { zh: '重点人群', en: 'Key population', values: keyPopulation },
    ageFrom: { zh: '最小年龄', en: 'Age from' },
    ageTo: { zh: '最大年龄', en: 'Age to' },
    includeMovedOut: { zh: '含已迁出', en: 'Moved-out included' },
    households: { zh: '住户数', en: 'Households' },
    buildings: { zh: '楼栋数', en: 'Buildings' },
    householdsCreated: { zh: '新建住户', en: 'Households created' },
    householdsJoined: { zh: '并入已有住户', en: 'Households joined' },
    skippedRows: { zh: '跳过的行', en: 'Rows skipped' },
  },
  entityFields: {
    resident: {
      name: { zh: '姓名', en: 'Name', mask: maskPersonName },
      tags: { zh: '重点人群', en: 'Key population', values: keyPopulation },
      kind: {
        zh: '号码类型',
        en: 'Number kind',
        values: { idCard: { zh: '身份证号', en: 'ID-card number' }, mobile: { zh: '手机号', en: 'Mobile' } },
      },
    },
    household: {
      kind: {
        zh: '户类型',
        en: 'Household kind',
        values: {
          permanent: { zh: '常住', en: 'Permanent' },
          floating: { zh: '流动', en: 'Floating' },
          vacant: { zh: '空置', en: 'Vacant' },
        },
      },
    },
  },
} satisfies AuditDeclaration;
