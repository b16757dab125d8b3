import { asc, eq, isNull, sql } from 'drizzle-orm';
import { columnArrays, insertColumns, pushRow, rowsOf, withIndexesDeferred } from '../../core/db/bulk.ts';
import { shanghaiDay } from '../../core/db/periods.ts';
import type { DemoContext } from '../../core/kit/module.ts';
import { resetCentralHouseholdFlags } from '../party/party.public.ts';
import { territories } from '../territory/territory.public.ts';
import { buildContactAssignment } from './contacts.factories.ts';
import { proposeAssignments, type ProposalHousehold } from './contacts.proposal.ts';
import { proposalInput } from './contacts.apply.ts';
import { centralHouseholds, contactAssignments, contactKinds } from './contacts.tables.ts';

/**
 * About one central household for every 20 households (党员中心户: a party member's household looking after 10–20
 * neighbours; the report gives no count, so the demo county has about 4,000 for its 80,000 households at scale 1).
 */
const HOUSEHOLDS_PER_CENTRAL = 20;

/**
 * The contacts module's demo data. Central households: in each community, party members' households (those the
 * party module flagged as central households first, then an order salted from `context.random` by place) up to one
 * per 20 households and seven in ten of the members' households (some are left for the community to designate),
 * each with a load of 10–20, designated on a day of the last three years; a few more designated earlier and ended
 * since (history). Assignments: the proposal of each kind applied over every community (the service's own rule, so
 * the demo keeps its loads and distances), each starting when its contact took office. Central households are one
 * INSERT … SELECT; the county's households and contacts are read once per kind, and the assignments written in one
 * bulk insert per 10,000.
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
        -- Not every member's household: some are left for the community to designate.
        least(t.target, (count(*) over (partition by y.community)) * 7 / 10) as target
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

  // The party members' flag agrees with the designations (the party demo's flag only chose whom to designate first).
  const designated = await rowsOf<{ person_id: string }>(
    tx,
    sql`select distinct person_id from ${centralHouseholds} where ends_on is null`,
  );
  await resetCentralHouseholdFlags(
    tx,
    designated.map((d) => d.person_id),
  );

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
  // Every community's households and contacts read at once (the county's), then proposed community by community.
  const [county] = await tx
    .select({ id: territories.id, code: territories.code, name: territories.name })
    .from(territories)
    .where(isNull(territories.parentId))
    .orderBy(asc(territories.code))
    .limit(1);
  const communityOf = (code: string) => code.slice(0, -3);
  let done = 0;
  for (const kind of contactKinds) {
    const input = await proposalInput(tx, county!, kind, today);
    const households = new Map<string, ProposalHousehold[]>();
    const rowOf = new Map(input.householdRows.map((h) => [h.id, h]));
    for (const h of input.proposalHouseholds) {
      const code = communityOf(rowOf.get(h.id)!.territoryCode);
      const list = households.get(code);
      if (list) list.push(h);
      else households.set(code, [h]);
    }
    const contacts = new Map<string, typeof input.contacts>();
    for (const c of input.contacts) {
      const list = contacts.get(c.communityCode);
      if (list) list.push(c);
      else contacts.set(c.communityCode, [c]);
    }
    const contactOf = new Map(input.contacts.map((c) => [c.key, c]));
    for (const community of communities) {
      const proposed = proposeAssignments({
        households: households.get(community.code) ?? [],
        buildings: input.buildingMap,
        contacts: contacts.get(community.code) ?? [],
        maxDistance: input.settings.maxDistance,
      });
      for (const p of proposed) {
        if (!p.contact) continue;
        const contact = contactOf.get(p.contact)!;
        const h = rowOf.get(p.householdId)!;
        // From the day the contact took office, and not before the household was registered.
        const registered = shanghaiDay(h.createdAt);
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
            startsOn: contact.since > registered ? contact.since : registered,
          }),
        );
      }
      context.progress?.(++done, communities.length * contactKinds.length, 'contact assignments');
    }
  }
  await withIndexesDeferred(tx, [contactAssignments], () => insertColumns(tx, contactAssignments, rows));
  const [central] = await rowsOf<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${centralHouseholds} where ends_on is null`,
  );
  return { centralHouseholds: central!.n, contactAssignments: rows.id.length };
}
