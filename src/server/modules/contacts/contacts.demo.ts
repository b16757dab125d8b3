import { asc, eq, sql } from 'drizzle-orm';
import { columnArrays, insertColumns, pushRow, rowsOf, withIndexesDeferred } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { territories } from '../territory/territory.public.ts';
import { buildContactAssignment } from './contacts.factories.ts';
import { proposeAssignments } from './contacts.proposal.ts';
import { proposalInput } from './contacts.service.ts';
import { centralHouseholds, contactAssignments, contactKinds } from './contacts.tables.ts';

/**
 * About one central household for every 20 households (党员中心户: a party member's household looking after 10–20
 * neighbours; the report gives no count, so the demo county has about 4,000 for its 80,000 households at scale 1).
 */
const HOUSEHOLDS_PER_CENTRAL = 20;

/**
 * The contacts module's demo data. Central households: in each community, party members' households (those the
 * party module flagged as central households first, then an order salted from `context.random` by place) up to one
 * per 20 households, each with a load of 10–20, designated on a day of the last three years; a few more designated
 * earlier and ended since (history). Assignments: the proposal of each kind applied over every community (the
 * service's own rule, so the demo keeps its loads and distances), each starting when its contact took office.
 * Central households are one INSERT … SELECT; assignments one bulk insert per 10,000.
 */
export async function generateContactsDemo(context: DemoContext): Promise<Record<string, number>> {
  const { tx, random } = context;
  const today = shanghaiDay();
  const salt = String(random.int(1, 1_000_000_000));
  const communities = await tx
    .select({ id: territories.id, code: territories.code, name: territories.name })
    .from(territories)
    .where(eq(territories.level, 'community'))
    .orderBy(asc(territories.code));
  if (communities.length === 0) return { centralHouseholds: 0, contactAssignments: 0 };

  await tx.execute(sql`
    insert into ${centralHouseholds} (id, household_id, person_id, building_id, territory_code, max_load, starts_on,
      ends_on, end_reason)
    select overlay(overlay(md5(${`ch${salt}:`} || x.place) placing '7' from 13) placing '8' from 17)::uuid, x.household_id, x.person_id, x.building_id, x.territory_code,
      10 + (abs(hashtext(${salt} || x.place)::bigint) % 11)::int,
      case when x.n <= x.target then ${today}::date - 30 - (abs(hashtext(${`s${salt}`} || x.place)::bigint) % 1000)::int
           else ${today}::date - 900 - (abs(hashtext(${`s${salt}`} || x.place)::bigint) % 300)::int end,
      case when x.n <= x.target then null
           else ${today}::date - 60 - (abs(hashtext(${`e${salt}`} || x.place)::bigint) % 500)::int end,
      case when x.n <= x.target then null else '党员迁出本楼栋或因身体原因不再担任' end
    from (
      select y.*, row_number() over (partition by y.community order by y.flagged desc, md5(${salt} || y.place)) as n,
        t.target
      from (
        select distinct on (h.id) h.id as household_id, p.id as person_id, h.building_id, h.territory_code,
          left(h.territory_code, length(h.territory_code) - 3) as community, b.code || ':' || u.number || ':' || h.room as place,
          pm.central_household as flagged
        from party_members pm join persons p on p.id = pm.person_id
        join residents r on r.id = p.resident_id
        join households h on h.id = r.household_id join buildings b on b.id = h.building_id
        join units u on u.id = h.unit_id
        where pm.starts_on <= ${today}::date and (pm.ends_on is null or pm.ends_on >= ${today}::date)
          and r.moved_out_at is null and h.moved_out_at is null
        order by h.id, pm.central_household desc, p.name, r.birth_date
      ) y
      join (
        select left(territory_code, length(territory_code) - 3) as community,
          round(count(*)::numeric / ${HOUSEHOLDS_PER_CENTRAL})::int as target
        from households where moved_out_at is null group by 1
      ) t on t.community = y.community
    ) x
    where x.n <= x.target + greatest(1, x.target / 20)`);

  // The proposal of each kind over every community, applied as if on the day each contact took office.
  const rows = columnArrays(contactAssignments, [
    'id',
    'householdId',
    'kind',
    'personId',
    'centralHouseholdId',
    'territoryCode',
    'buildingId',
    'distance',
    'source',
    'startsOn',
    'endsOn',
    'createdBy',
  ]);
  let done = 0;
  for (const community of communities) {
    for (const kind of contactKinds) {
      const input = await proposalInput(tx, community, kind, today);
      const proposed = proposeAssignments({
        households: input.proposalHouseholds,
        buildings: input.buildingMap,
        contacts: input.contacts,
        maxDistance: input.settings.maxDistance,
      });
      const contactOf = new Map(input.contacts.map((c) => [c.key, c]));
      const householdOf = new Map(input.householdRows.map((h) => [h.id, h]));
      for (const p of proposed) {
        if (!p.contact) continue;
        const contact = contactOf.get(p.contact)!;
        const h = householdOf.get(p.householdId)!;
        pushRow(
          rows,
          buildContactAssignment({
            householdId: p.householdId,
            kind,
            personId: contact.personId,
            centralHouseholdId: kind === 'central_household' ? contact.key : null,
            territoryCode: h.territoryCode,
            buildingId: h.buildingId,
            distance: p.distance,
            startsOn: today,
          }),
        );
      }
    }
    context.progress?.(++done, communities.length, 'contact assignments');
  }
  await withIndexesDeferred(tx, [contactAssignments], async () => {
    await insertColumns(tx, contactAssignments, rows);
    // Each assignment starts when its contact took office (the leader's term in force, the designation), and not
    // before the household was registered.
    await tx.execute(sql`
      update ${contactAssignments} a set starts_on = greatest(s.since, (select (h.created_at at time zone 'Asia/Shanghai')::date
        from households h where h.id = a.household_id))
      from (
        select a2.id, coalesce(
          (select c.starts_on from ${centralHouseholds} c where c.id = a2.central_household_id),
          (select max(lt.starts_on) from leader_terms lt where lt.person_id = a2.person_id and lt.status = 'approved'
            and lt.starts_on <= ${today}::date and lt.ends_on >= ${today}::date)) as since
        from ${contactAssignments} a2
      ) s
      where s.id = a.id and s.since is not null`);
  });
  const [central] = await rowsOf<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${centralHouseholds} where ends_on is null`,
  );
  return { centralHouseholds: central!.n, contactAssignments: rows.id.length };
}
