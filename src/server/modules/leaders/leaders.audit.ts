import { eq, inArray } from 'drizzle-orm';
import { maskPersonName } from '../../core/auth/personal-data.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { persons } from '../people/people.public.ts';
import { buildings } from '../registry/registry.public.ts';
import { leaderTerms } from './leaders.tables.ts';

/** A term by its building and the leader's masked name: "3号楼 · 王*明". */
const termNames = async (db: Executor, ids: string[]) =>
  (
    await db
      .select({
        id: leaderTerms.id,
        building: buildings.name,
        person: persons.name,
        territoryCode: buildings.territoryCode,
      })
      .from(leaderTerms)
      .innerJoin(buildings, eq(buildings.id, leaderTerms.buildingId))
      .innerJoin(persons, eq(persons.id, leaderTerms.personId))
      .where(inArray(leaderTerms.id, ids))
  ).map((t) => ({
    id: t.id,
    name: `${t.building} · ${maskPersonName(t.person)}`,
    territoryCode: t.territoryCode,
  }));

/** A building's WeChat group is written under the building's id: named by the building. */
const chatNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: buildings.id, name: buildings.name, territoryCode: buildings.territoryCode })
    .from(buildings)
    .where(inArray(buildings.id, ids));

/** How the audit log names leader terms and building groups and reads the leaders module's fields. */
export const leadersAudit = {
  names: { leader_term: termNames, building_chat: chatNames },
  fields: {
    nomination: {
      zh: '提名方式',
      en: 'Nomination',
      values: {
        self: { zh: '个人自荐', en: 'Self' },
        residents: { zh: '居民推荐', en: 'By residents' },
        organisation: { zh: '组织提名', en: 'By the organisation' },
      },
    },
    unitId: { zh: '单元', en: 'Unit' },
    renewalOf: { zh: '续聘自', en: 'Renewal of', entity: 'leader_term' },
    memberCount: { zh: '群成员数', en: 'Members' },
    qrImage: { zh: '群二维码', en: 'Group QR code', values: { set: { zh: '已上传', en: 'Uploaded' } } },
    leaders: { zh: '楼栋长人数', en: 'Building leaders' },
    leaderTerms: { zh: '楼栋长任期', en: 'Leader terms' },
    buildingsLed: { zh: '有楼栋长的楼栋', en: 'Buildings led' },
    unitLeaders: { zh: '单元长', en: 'Unit leaders' },
    nominationsSubmitted: { zh: '待审核提名', en: 'Nominations submitted' },
    nominationsRejected: { zh: '已驳回提名', en: 'Nominations rejected' },
    renewals: { zh: '续聘', en: 'Renewals' },
    buildingChats: { zh: '楼栋微信群', en: 'Building WeChat groups' },
  },
  entityFields: {
    leader_term: {
      status: {
        zh: '状态',
        en: 'Status',
        values: {
          submitted: { zh: '待审核', en: 'Submitted' },
          approved: { zh: '已通过', en: 'Approved' },
          rejected: { zh: '已驳回', en: 'Rejected' },
          withdrawn: { zh: '已撤回', en: 'Withdrawn' },
        },
      },
      tags: {
        zh: '标签',
        en: 'Tags',
        values: {
          mass_leader: { zh: '群众带头人', en: 'Mass leader' },
          deliberator: { zh: '居民议事员', en: 'Resident deliberator' },
        },
      },
    },
    building_chat: { name: { zh: '群名称', en: 'Group name' } },
  },
} satisfies AuditDeclaration;
