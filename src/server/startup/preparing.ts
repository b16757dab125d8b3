import { Hono } from 'hono';
import { errorBody, errors, pickLang } from '../core/http/errors.ts';
import { newId } from '../core/db/ids.ts';

/** One stage of the start as the preparing page shows it. */
export type PreparingStep = {
  zh: string;
  en: string;
  state: 'waiting' | 'running' | 'done';
  /** What it is doing now or what it did: `registry 2/7`, `223,285 residents`. */
  detail?: string;
};

export type PreparingState = { steps: PreparingStep[]; percent: number; startedAt: number };

/** Seconds after which the page reloads itself and an API client may try again. */
const RETRY_SECONDS = 2;

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page every browser gets while the server prepares: what is happening, how far along, reloading itself. */
export function preparingPage(state: PreparingState, now = Date.now()): string {
  const seconds = Math.round((now - state.startedAt) / 1000);
  const mark = { waiting: '○', running: '…', done: '✓' };
  const rows = state.steps
    .map(
      (s) =>
        `<li class="${s.state}"><span>${mark[s.state]}</span> ${escape(s.zh)} <small>${escape(s.en)}</small>${
          s.detail ? ` <em>${escape(s.detail)}</em>` : ''
        }</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS}">
<title>正在准备演示县… ${state.percent}% · 五微五联基层治理平台</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f0f2f5;
font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1f1f1f}
main{background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,21,41,.08);padding:32px;width:min(520px,90vw)}
h1{font-size:20px;margin:0 0 4px}p{margin:0 0 20px;color:#595959}
.bar{height:8px;border-radius:4px;background:#e6e8eb;overflow:hidden;margin-bottom:20px}
.bar div{height:100%;background:#1f56c3;width:${state.percent}%}
ul{list-style:none;padding:0;margin:0;line-height:2}small{color:#595959}em{color:#1f56c3;font-style:normal;margin-left:6px}
li.waiting{color:#595959}li span{display:inline-block;width:1.4em}
</style></head>
<body><main role="status" aria-live="polite">
<h1>正在准备演示县… ${state.percent}%</h1>
<p>Preparing the demo county… ${state.percent}% · ${seconds} s. 完成后本页自动进入登录页 / This page opens the sign-in page when ready.</p>
<div class="bar" role="progressbar" aria-valuenow="${state.percent}" aria-valuemin="0" aria-valuemax="100"><div></div></div>
<ul>${rows}</ul>
</main></body></html>`;
}

/**
 * What the server answers while it prepares (the first start builds the web app and seeds the demo county): every
 * page is the preparing page, every API call a 503 STARTING with Retry-After, /healthz a 503 with the progress.
 */
export function preparingApp(state: () => PreparingState): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => {
    const { percent } = state();
    return c.json({ status: 'starting', percent }, 503);
  });
  app.all('/api/*', (c) => {
    const error = errors.starting(state().percent, RETRY_SECONDS);
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    return c.json(errorBody(error, pickLang(c.req.header('accept-language')), newId()), 503);
  });
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-store');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    c.header('Retry-After', String(RETRY_SECONDS));
    return c.html(preparingPage(state()), 503);
  });
  return app;
}
