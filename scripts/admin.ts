// Maintenance commands for a production install, where no demo accounts exist:
//   npm run admin -- create-county --code 371300 --name 某某县
//   npm run admin -- create-admin --username admin --name 管理员 [--mobile 13800000000]
// The administrator's password comes from WUWEI_ADMIN_PASSWORD, or is generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../src/server/core/auth/audit.ts';
import { users } from '../src/server/core/auth/auth.tables.ts';
import { passwordProblem } from '../src/server/core/auth/auth.service.ts';
import { loadDataKeys, mobilePattern } from '../src/server/core/auth/personal-data.ts';
import { hashPassword } from '../src/server/core/auth/passwords.ts';
import { loadConfig } from '../src/server/config.ts';
import { openConfiguredDatabase } from '../src/server/core/db/client.ts';
import { insertUser } from '../src/server/modules/accounts/accounts.service.ts';
import { insertTerritories } from '../src/server/modules/territory/territory.service.ts';
import { territories } from '../src/server/modules/territory/territory.tables.ts';

const usage = `usage:
  npm run admin -- create-county --code <6-digit GB/T 2260 code> --name <county name>
  npm run admin -- create-admin --username <name> --name <display name> [--mobile <mobile>]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    username: { type: 'string' },
    mobile: { type: 'string' },
  },
});
const command = positionals[0];
const fail = (message: string): never => {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
};
if (command !== 'create-county' && command !== 'create-admin') fail('unknown command');

const config = loadConfig();
const keys = loadDataKeys({ keyHex: config.dataKeyHex, dataDir: config.dataDir });
const database = await openConfiguredDatabase(config);
await database.migrate();
const { db } = database;
const actor: Actor = {
  userId: null,
  name: 'admin cli',
  role: null,
  requestId: `cli-${Date.now()}`,
  ip: null,
  userAgent: null,
};

try {
  if (command === 'create-county') {
    const code = values.code ?? fail('--code is required');
    const name = values.name ?? fail('--name is required');
    if (!/^\d{6}$/.test(code)) fail('--code must be 6 digits (GB/T 2260)');
    const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(territories);
    if ((existing?.n ?? 0) > 0) fail('a territory tree already exists in this database');
    await db.transaction(async (tx) => {
      const [county] = await insertTerritories(tx, [
        { parentId: null, level: 'county', code, name, sequence: 1 },
      ]);
      await appendAudit(tx, actor, {
        action: 'territory.created',
        entityType: 'territory',
        entityId: county!.id,
        territoryCode: code,
      });
    });
    console.log(`county ${code} ${name} created`);
  } else {
    const username = values.username ?? fail('--username is required');
    const displayName = values.name ?? fail('--name is required');
    if (values.mobile && !mobilePattern.test(values.mobile)) {
      fail('--mobile must be an 11-digit mainland mobile number');
    }
    const [clash] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
    if (clash) fail(`the username ${username} is taken`);
    const generated = !process.env.WUWEI_ADMIN_PASSWORD;
    const password = process.env.WUWEI_ADMIN_PASSWORD ?? `Ww-${randomBytes(9).toString('base64url')}`;
    const problem = passwordProblem(password, username);
    if (problem) fail(`WUWEI_ADMIN_PASSWORD: ${problem.en}`);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const id = await insertUser(tx, keys, {
        username,
        displayName,
        mobile: values.mobile ?? null,
        passwordHash,
        mustChangePassword: generated,
        roles: [{ role: 'county_admin', scopeKind: 'all', scopeIds: [] }],
      });
      await appendAudit(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        changes: { username, role: 'county_admin' },
      });
    });
    console.log(`county administrator ${username} created`);
    if (generated) {
      console.log(`initial password (shown once; must be changed at first sign-in): ${password}`);
    }
  }
} finally {
  await database.close();
}
