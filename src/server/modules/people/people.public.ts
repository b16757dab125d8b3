/**
 * What other modules may use of the people module: the one filter for their records that name a person
 * (`personCondition`: inside the scope's places, or the caller's own person under a `self` scope), the person an
 * account is linked to, and the `persons` table for references and joins (read only: persons are written through
 * this module's routes). Nothing else of this folder is imported from outside it.
 */
export { personCondition, personOfUser } from './people.service.ts';
export {
  accessEndsAfter,
  endPositionAccess,
  grantPositionAccess,
  type OpenedAccount,
  type PositionAccess,
} from './people.access.ts';
export { persons } from './people.tables.ts';
export { buildPerson, type PersonSpec } from './people.factories.ts';
