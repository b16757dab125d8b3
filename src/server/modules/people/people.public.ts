/**
 * What other modules may use of the people module: the one filter for their records that name a person
 * (`personCondition`: inside the scope's places, or the caller's own person under a `self` scope), the person an
 * account is linked to or a resident's person, the access a position gives (people.access.ts), and the `persons`
 * and `gridWorkers` tables for references and joins (read only: they are written through this module's routes).
 * Nothing else of this folder is imported from outside it.
 */
export { personCondition, personOfUser } from './people.service.ts';
export { gridWorkers, persons } from './people.tables.ts';
export { personOfResident } from './people.residents.ts';
export {
  accessEndsAfter,
  endPositionAccess,
  grantPositionAccess,
  type OpenedAccount,
  type PositionAccess,
} from './people.access.ts';
export { buildPerson, type PersonSpec } from './people.factories.ts';
