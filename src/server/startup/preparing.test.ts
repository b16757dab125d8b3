import { describe, expect, it } from 'vitest';
import { preparingApp, preparingPage, type PreparingState } from './preparing.ts';

const state: PreparingState = {
  startedAt: Date.now() - 12_000,
  percent: 42,
  steps: [
    { zh: '构建网页', en: 'Building the web app', state: 'done' },
    {
      zh: '生成演示县数据',
      en: 'Seeding the demo county',
      state: 'running',
      detail: 'registry 2/7: residents 10,000 / 223,285',
    },
  ],
};

describe('while the server prepares', () => {
  const app = preparingApp(() => state);

  it('every page is the progress page: percentage, steps, reloading itself, never cached', async () => {
    const response = await app.request('/residents');
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('retry-after')).toBe('2');
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh" content="2">');
    expect(html).toContain('正在准备演示县… 42%');
    expect(html).toContain('Preparing the demo county… 42%');
    expect(html).toContain('aria-valuenow="42"');
    expect(html).toContain('registry 2/7: residents 10,000 / 223,285');
  });

  it('an API call answers 503 STARTING in the caller’s language, with Retry-After', async () => {
    const zh = await app.request('/api/v1/auth/login', { method: 'POST', body: '{}' });
    expect(zh.status).toBe(503);
    expect(zh.headers.get('retry-after')).toBe('2');
    const body = (await zh.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('STARTING');
    expect(body.error.message).toContain('42%');
    expect(body.error.requestId).toBeTruthy();
    const en = await app.request('/api/v1/me', { headers: { 'accept-language': 'en' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toMatch(
      /^The server is starting/,
    );
  });

  it('/healthz says it is starting', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'starting', percent: 42 });
  });

  it('text from the steps is escaped', () => {
    const page = preparingPage({
      ...state,
      steps: [{ zh: '<b>', en: '"x"', state: 'running', detail: '<script>' }],
    });
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;');
  });
});
