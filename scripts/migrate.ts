// Applies the committed migrations to the configured database (DATABASE_URL, or PGlite in WUWEI_DATA_DIR).
import { loadConfig } from '../src/server/config.ts';
import { openConfiguredDatabase } from '../src/server/core/db/client.ts';

const database = await openConfiguredDatabase(loadConfig());
await database.migrate();
await database.close();
console.log(`migrated (${database.kind})`);
