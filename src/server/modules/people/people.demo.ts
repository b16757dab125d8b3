import { and, eq, isNull, lte } from 'drizzle-orm';
import type { RoleCode } from '../../core/auth/roles.ts';
import { personName } from '../../core/demo/names.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { demoAccountRecords } from '../accounts/accounts.public.ts';
import { residents } from '../registry/registry.public.ts';
import { demoTerritory } from '../territory/territory.public.ts';
import { insertPerson, type PersonSpec } from './people.factories.ts';

/** A resident's place in the demo's order: what the seed decides about them (ids are random). */
const order = (r: { name: string; birthDate: string; gender: string; relation: string }) =>
  `${r.name}\u0000${r.birthDate}\u0000${r.gender}\u0000${r.relation}`;

/** Born on or before this day: an adult on any day the demo is run. */
const ADULT_BORN_BY = '2007-12-31';

/**
 * The people module's demo data: a person for each demo account of a role scoped to the person themself. The party
 * member and the resident are residents of the first grid (of the first community of the first street, where the
 * demo accounts are anchored); the volunteer serves the first community without living there, the merchant keeps a
 * shop on the first grid. Each is linked to their demo account.
 */
export async function generatePeopleDemo(context: DemoContext): Promise<Record<string, number>> {
  const nodes = demoTerritory(context);
  const street = nodes.find((n) => n.level === 'street')!;
  const community = nodes.find((n) => n.level === 'community' && n.parentId === street.id)!;
  const grid = nodes.find((n) => n.level === 'grid' && n.parentId === community.id)!;
  const accounts = new Map<RoleCode, { id: string; mobile: string }>(
    demoAccountRecords(context).map((a) => [a.role, a]),
  );

  // The grid's adult residents, in an order that depends on the seed only.
  const candidates = (
    await context.tx
      .select({
        id: residents.id,
        name: residents.name,
        gender: residents.gender,
        birthDate: residents.birthDate,
        relation: residents.relation,
        politicalStatus: residents.politicalStatus,
      })
      .from(residents)
      .where(
        and(
          eq(residents.territoryCode, grid.code),
          isNull(residents.movedOutAt),
          lte(residents.birthDate, ADULT_BORN_BY),
        ),
      )
  ).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const members = candidates.filter((r) => r.politicalStatus === 'party_member');
  const partyMember = members.length
    ? context.random.pick(members)
    : candidates.length
      ? context.random.pick(candidates)
      : undefined;
  const others = candidates.filter((r) => r.id !== partyMember?.id);
  const resident = others.length ? context.random.pick(others) : undefined;

  const standalone = (territoryCode: string): PersonSpec => {
    const gender = context.random.chance(0.5) ? 'male' : 'female';
    return { name: personName(context.random, gender), gender, territoryCode };
  };
  // A county too small to have two adults on the grid (a tiny --scale) gets people standing alone instead.
  const ofResident = (r: (typeof candidates)[number] | undefined): PersonSpec =>
    r
      ? { name: r.name, gender: r.gender, territoryCode: grid.code, residentId: r.id }
      : standalone(grid.code);
  const people: [RoleCode, PersonSpec][] = [
    ['party_member', ofResident(partyMember)],
    ['resident', ofResident(resident)],
    ['volunteer', standalone(community.code)],
    ['merchant', standalone(grid.code)],
  ];
  for (const [role, spec] of people) {
    const account = accounts.get(role)!;
    await insertPerson(context.tx, context.keys, { ...spec, mobile: account.mobile, userId: account.id });
  }
  return { people: people.length };
}
