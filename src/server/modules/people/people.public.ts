/**
 * What other modules may use of the people module: the one filter for their records that name a person
 * (`personCondition`: inside the scope's places, or the caller's own person under a `self` scope), the person an
 * account is linked to or a resident's person, and the `persons` and `gridWorkers` tables for references and joins
 * (read only: they are written through this module's routes). Modules recording a position for a person may record
 * the person inside their own transaction (`recordPerson`, with the request schema `createPersonBody` and
 * `refusingDuplicates` around the transaction) and give or end the position's access (`grantPositionAccess`,
 * `endPositionAccess`); a grid plan applied moves the workers of the grids it ends (`moveWorkersOfEndedGrids`); demo generators build persons with `buildPerson`. Nothing else of this folder is imported
 * from outside it.
 */
export {
  personCondition,
  personInScope,
  personOfUser,
  recordPerson,
  refusingDuplicates,
} from './people.service.ts';
export { gridWorkers, persons } from './people.tables.ts';
export { moveWorkersOfEndedGrids, type GridSuccession } from './grid-workers.service.ts';
export { maxWorkerLoad } from './people.settings.ts';
export { personOfResident } from './people.residents.ts';
export {
  accessEndsAfter,
  accessStartsOn,
  endPositionAccess,
  grantPositionAccess,
  type Grantor,
  type OpenedAccount,
  type PositionAccess,
} from './people.access.ts';
export { createPersonBody } from './people.schemas.ts';
export { buildPerson, type PersonRow, type PersonSpec } from './people.factories.ts';
