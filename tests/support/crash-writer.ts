// Starts the platform on a data folder (or DATABASE_URL) and creates accounts over HTTP without pause,
// printing one line per committed account, until the parent kills it with SIGKILL.
import { loadConfig } from '../../src/server/config.ts';
import { startPlatform } from '../../src/server/main.ts';

const platform = await startPlatform(
  loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', WUWEI_DEMO_SCALE: '0.05' }),
);
// The demo's history, loaded after the platform opens, is in before the writes this process is killed in.
await platform.deferred;
const login = await fetch(`${platform.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'wuwei-demo' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
console.log('ready');
for (let i = 0; ; i++) {
  const response = await fetch(`${platform.url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      username: `crash${i}`,
      displayName: `写入${i}`,
      mobile: `135${String(i).padStart(8, '0')}`,
      password: 'Crash-pass-1',
      roles: [{ role: 'inspector', scopeKind: 'all', scopeIds: [] }],
    }),
  });
  if (response.status !== 201) throw new Error(await response.text());
  console.log(`created ${i}`);
}
