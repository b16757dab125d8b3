import type { BenchOptions } from '../scenario.ts';
import { freshDatabase, type BenchDatabase } from './database.ts';
import { signIn } from './http.ts';
import { expectOk, timedRequest, type Answer, type Method } from './probe.ts';
import { startServerChild, type ServerChild } from './processes.ts';

export type TreeNode = { id: string; level: string; code: string; children: TreeNode[] };

/**
 * The start most scenarios share: a fresh database, the platform in a child process seeding the full demo county
 * (as `npm start` does), the county administrator signed in, and the county's tree read and checked.
 */
export async function startSeededPlatform(
  options: BenchOptions,
  label: string,
  log: (line: string) => void,
): Promise<{
  database: BenchDatabase;
  platform: ServerChild;
  cookie: string;
  call: (method: Method, urlPath: string, body?: unknown) => Promise<Answer>;
  county: TreeNode;
}> {
  const database = await freshDatabase(options.db, label);
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  log(`starting the platform on ${database.description}; it seeds the demo county (scale 1) first…`);
  const platform = await startServerChild('platform', 'platform-server.ts', {
    env: { ...baseEnv, ...database.env },
  });
  log(`platform ready at ${platform.url} in ${Math.round(platform.startupMs)} ms`);
  const cookie = await signIn(platform.url, 'admin');
  const call = (method: Method, urlPath: string, body?: unknown) =>
    timedRequest(platform.url + urlPath, method, cookie, body);
  const tree = expectOk('tree', await call('GET', '/api/v1/territories/tree'), (b) => {
    const roots = (b as { data?: TreeNode[] }).data;
    return roots?.length === 1 && roots[0]!.level === 'county' ? null : 'expected one county root';
  }) as { data: TreeNode[] };
  return { database, platform, cookie, call, county: tree.data[0]! };
}
