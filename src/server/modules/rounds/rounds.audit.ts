import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { AuditDeclaration } from '../../core/kit/module.ts';
import { buildings, households } from '../registry/registry.public.ts';
import { rounds, roundVisits } from './rounds.tables.ts';

/** A round by its name, placed at its scope's territory. */
const roundNames = (db: Executor, ids: string[]) =>
  db
    .select({ id: rounds.id, name: rounds.name, territoryCode: rounds.territoryCode })
    .from(rounds)
    .where(inArray(rounds.id, ids));

/** A visit by its round and the household's building and room: "2025 年秋季敲门行动 · 3号楼 1201". */
const visitNames = (db: Executor, ids: string[]) =>
  db
    .select({
      id: roundVisits.id,
      name: sql<string>`${rounds.name} || ' · ' || ${buildings.name} || ' ' || ${households.room}`,
      territoryCode: roundVisits.territoryCode,
    })
    .from(roundVisits)
    .innerJoin(rounds, eq(rounds.id, roundVisits.roundId))
    .innerJoin(households, eq(households.id, roundVisits.householdId))
    .innerJoin(buildings, eq(buildings.id, roundVisits.buildingId))
    .where(inArray(roundVisits.id, ids));

const outcomeValues = {
  met: { zh: '见到住户', en: 'Met' },
  nobody_home: { zh: '无人在家', en: 'Nobody home' },
  refused: { zh: '拒绝', en: 'Refused' },
  moved_out: { zh: '已迁出', en: 'Moved out' },
  vacant: { zh: '空置', en: 'Vacant' },
};

/** How the audit log names rounds and visits and reads the rounds module's fields. */
export const roundsAudit = {
  names: { round: roundNames, round_visit: visitNames },
  fields: {
    checklist: { zh: '走访清单', en: 'Checklist' },
    pending: { zh: '未覆盖户数', en: 'Households not covered' },
    closeReason: { zh: '结束原因', en: 'Reason for closing' },
    roundId: { zh: '敲门行动', en: 'Round', entity: 'round' },
    outcome: { zh: '走访结果', en: 'Outcome', values: outcomeValues },
    followUp: { zh: '需跟进', en: 'Follow-up' },
    photoType: { zh: '照片格式', en: 'Photo format' },
    photoWidth: { zh: '照片宽度（像素）', en: 'Photo width (px)' },
    photoHeight: { zh: '照片高度（像素）', en: 'Photo height (px)' },
    rounds: { zh: '敲门行动', en: 'Door-knocking rounds' },
    roundVisits: { zh: '入户走访', en: 'Visits' },
  },
  entityFields: {
    round: {
      status: {
        zh: '状态',
        en: 'Status',
        values: { open: { zh: '进行中', en: 'Open' }, closed: { zh: '已结束', en: 'Closed' } },
      },
    },
    round_visit: {
      state: {
        zh: '覆盖情况',
        en: 'Coverage',
        values: {
          pending: { zh: '未覆盖', en: 'Not covered' },
          met: { zh: '已见面', en: 'Met' },
          documented: { zh: '有说明', en: 'Documented reason' },
          attempted: { zh: '两次不同日无人', en: 'Two attempts on different days' },
        },
      },
    },
  },
} satisfies AuditDeclaration;
