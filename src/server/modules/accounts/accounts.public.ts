/**
 * What other modules may use of the accounts module: an account the caller may manage (the same rule as editing it,
 * so that nobody attaches a record to an account they could not manage), whether a position's access may be given to
 * an account (`takesPositionAccess`: the same rule in the scope of the permission that gives the position), and the
 * demo accounts with their ids for demo generators that run after this module. Nothing else of this folder is
 * imported from outside it.
 */
export { manageableAccount, openPositionAccount, takesPositionAccess } from './accounts.service.ts';
export { demoAccountRecords, type DemoAccountRecord } from './accounts.demo.ts';
