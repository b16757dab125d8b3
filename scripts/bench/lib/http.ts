/** The demo accounts' password (README), which the bench's platform child is started with. */
export const DEMO_PASSWORD = 'wuwei-demo';

/** Signs in as a demo account and returns its session cookie (`wuwei_session=…`). */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('wuwei_session='));
  if (!cookie) throw new Error(`sign-in as ${username} set no wuwei_session cookie`);
  return cookie;
}
