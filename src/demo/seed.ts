import { sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../server/core/auth/audit.ts';
import type { DataKeys } from '../server/core/auth/personal-data.ts';
import { hashPassword } from '../server/core/auth/passwords.ts';
import type { Db } from '../server/core/db/client.ts';
import { insertUser } from '../server/modules/accounts/accounts.service.ts';
import { insertTerritories } from '../server/modules/territory/territory.service.ts';
import { territories } from '../server/modules/territory/territory.tables.ts';
import { insertColumns } from '../server/core/db/bulk.ts';
import { vacuumAnalyzeRegistry } from '../server/core/db/statistics.ts';
import {
  buildings,
  gridLayoutHistory,
  households,
  residents,
  residentTags,
  units,
} from '../server/modules/registry/registry.tables.ts';
import { demoAccounts } from '../server/modules/accounts/accounts.demo.ts';
import { generateRegistry } from '../server/modules/registry/registry.demo.ts';
import { createRandom } from '../server/core/demo/random.ts';
import { generateTerritory } from '../server/modules/territory/territory.demo.ts';

export type DemoOptions = { seed: number; scale: number; password: string };

export const DEMO_COUNTY = { countyCode: '379901', countyName: '示范县' };

const seedActor: Actor = {
  userId: null,
  name: 'demo seed',
  role: null,
  requestId: 'demo-seed',
  ip: null,
  userAgent: null,
};

/** Whether the database holds no county yet (a fresh data folder). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(territories);
  return (row?.n ?? 0) === 0;
}

/** Builds the deterministic demo county and one account per role, in one transaction. */
export async function seedDemo(db: Db, keys: DataKeys, options: DemoOptions) {
  const random = createRandom(options.seed);
  const nodes = generateTerritory(random, { ...DEMO_COUNTY, scale: options.scale });
  const registry = generateRegistry(random, nodes, keys, { scale: options.scale });
  const accounts = demoAccounts(nodes, registry.buildings.id.slice(0, 1));
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    await insertTerritories(tx, nodes);
    await insertColumns(tx, buildings, registry.buildings);
    await insertColumns(tx, units, registry.units);
    await insertColumns(tx, households, registry.households);
    await insertColumns(tx, residents, registry.residents);
    await insertColumns(tx, residentTags, registry.tags);
    await insertColumns(tx, gridLayoutHistory, registry.layout);
    for (const account of accounts) {
      await insertUser(tx, keys, { ...account, passwordHash, mustChangePassword: false });
    }
    await appendAudit(tx, seedActor, {
      action: 'demo.seeded',
      entityType: 'county',
      entityId: nodes[0]!.id,
      territoryCode: nodes[0]!.code,
      changes: {
        seed: options.seed,
        scale: options.scale,
        territories: nodes.length,
        accounts: accounts.length,
      },
    });
  });
  await vacuumAnalyzeRegistry(db);
  return {
    territories: nodes,
    accounts,
    buildings: registry.buildings.id.length,
    households: registry.households.id.length,
    residents: registry.residents.id.length,
  };
}
