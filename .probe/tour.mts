import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:8090';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const user = process.argv[2] ?? 'admin';
const pages = (process.argv[3] ?? '/,/residents,/map,/audit,/planner,/rounds,/duties,/contacts,/party,/leaders,/volunteers,/visit-logs,/coverage,/tasks,/grid-workers,/accounts,/territory,/settings,/import').split(',');
const ctx = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' });
const page = await ctx.newPage();
const problems: string[] = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`[${m.type()}] ${page.url()} ${m.text().slice(0, 200)}`); });
page.on('response', (r) => { if (r.status() >= 500 || (r.status() >= 400 && r.url().includes('/api/'))) problems.push(`[${r.status()}] ${r.url()}`); });
await page.goto(base + '/login');
await page.getByLabel(/用户名|账号/).first().fill(user);
await page.getByLabel(/密码/).first().fill('wuwei-demo');
await page.keyboard.press('Enter');
await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20000 });
for (const p of pages) {
  const t = Date.now();
  await page.goto(base + p);
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${user}${p.replace(/\//g, '_') || '_'}.png`, fullPage: false });
  console.log(p, Date.now() - t, 'ms');
}
console.log(problems.join('\n'));
await browser.close();
