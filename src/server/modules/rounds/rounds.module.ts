import { defineModule } from '../../core/kit/module.ts';
import { roundsAudit } from './rounds.audit.ts';
import { generateRoundsDemo } from './rounds.demo.ts';
import { roundErrors } from './rounds.errors.ts';
import { countRoundFigures } from './rounds.figures.ts';
import { PHOTO_UPLOAD_MAX_BYTES } from '../../core/photos/photos.ts';
import { roundsRoutes, VISIT_PHOTO_PATH } from './rounds.routes.ts';

/**
 * Door-knocking rounds (敲门行动): a county, street or community opens a round over its territory with a short
 * checklist; each grid worker and building leader gets their households in stairwell order, records visits (each
 * stored once, by the phone's client id), and the round closes once every household is covered (met, a documented
 * reason, or two "nobody home" visits on different days), or with a reason. Live progress per visitor, grid and
 * community; the figures of rounds completed, the last round's coverage and visits.
 */
export const roundsModule = defineModule({
  name: 'rounds',
  routes: roundsRoutes,
  // A photo of ≤ 2 MB and the multipart's few fields around it; bigger bodies get 413 before they are read.
  uploads: [{ path: VISIT_PHOTO_PATH, maxBytes: PHOTO_UPLOAD_MAX_BYTES }],
  permissions: {
    'round:read': { zh: '查看敲门行动', en: 'Read door-knocking rounds' },
    'round:manage': { zh: '发起和结束敲门行动', en: 'Open and close door-knocking rounds' },
    'round:visit': { zh: '记录入户走访', en: 'Record door-knocking visits' },
  },
  grants: {
    street_admin: ['round:read', 'round:manage'],
    inspector: ['round:read'],
    community_secretary: ['round:read', 'round:manage'],
    community_worker: ['round:read', 'round:manage'],
    branch_secretary: ['round:read'],
    grid_worker: ['round:read', 'round:visit'],
    building_leader: ['round:read', 'round:visit'],
  },
  errors: roundErrors,
  audit: {
    actions: {
      'round.opened': { zh: '发起敲门行动', en: 'Door-knocking round opened' },
      'round.closed': { zh: '结束敲门行动', en: 'Door-knocking round closed' },
      'round.visit_recorded': { zh: '记录入户走访', en: 'Visit recorded' },
      'round.visit_photo_attached': { zh: '上传走访照片', en: 'Visit photo attached' },
      'round.resident_called': {
        zh: '敲门走访时查看住户电话',
        en: 'Resident’s phone shown to a visitor of a round',
      },
    },
    entityTypes: {
      round: { zh: '敲门行动', en: 'Door-knocking round' },
      round_visit: { zh: '入户走访', en: 'Door-knocking visit' },
    },
    ...roundsAudit,
  },
  figures: [
    {
      keys: {
        doorKnockRounds: { zh: '完成敲门行动轮次', en: 'Door-knocking rounds completed' },
        lastRoundCoverage: { zh: '最近一轮敲门覆盖率（%）', en: 'Coverage of the last round (%)' },
        visits: { zh: '入户走访次数', en: 'Door-knocking visits' },
        visitors: { zh: '参与走访人数', en: 'People who visited' },
      },
      compute: ({ db, scope, code, from, asOf }) => countRoundFigures(db, scope, code, from, asOf),
      // Visits are frequent: the rounds' tables bump their own data set (migration 0021), not the registry's.
      dataSets: ['rounds'],
    },
  ],
  maintain: [
    'rounds',
    'round_households',
    'round_grids',
    'round_visitors',
    'round_visits',
    'round_visit_photos',
  ],
  demo: {
    deferred: true,
    // After the duties: the open round's per-round duty tasks are made as opening it makes them.
    after: ['territory', 'registry', 'accounts', 'people', 'leaders', 'duties'],
    generate: generateRoundsDemo,
  },
});
