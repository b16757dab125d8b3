/**
 * What `npm start` tells the person who ran it: each stage of the start as a plain line with the time it took, the
 * demo seed's modules as they finish, a live status line on a terminal while stages run, and at the end one line
 * with the address to open and the demo sign-in. Also the readable form of the server's log lines on a terminal.
 */

/** 0.4 s, 12.3 s, 1 min 05 s. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** 223285 → 223,285. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** `  ✓ label ........ detail   12.3 s` — a stage that finished. */
export function stageLine(label: string, ms: number, detail?: string): string {
  const text = detail ? `${label}: ${detail}` : label;
  return `  ✓ ${text.padEnd(56)} ${formatDuration(ms).padStart(9)}`;
}

/** `      registry  2,833 buildings, 79,750 households   31.2 s` — one module of the demo seed. */
export function seedModuleLine(module: string, rows: Record<string, number>, ms: number): string {
  const counts = Object.entries(rows)
    .slice(0, 3)
    .map(([name, n]) => `${formatCount(n)} ${name}`)
    .join(', ');
  const text = `${module.padEnd(11)} ${counts}`;
  return `      ${text.padEnd(52)} ${formatDuration(ms).padStart(9)}`;
}

export type SignIn = { username: string; password: string } | null;

/** The last line: where to go, and with which demo account (none outside demo mode). */
export function readyLine(url: string, signIn: SignIn, totalMs: number): string {
  const account = signIn
    ? ` — sign in as ${signIn.username} / ${signIn.password} (演示账号 ${signIn.username}，密码 ${signIn.password})`
    : '';
  return `Wuwei is ready in ${formatDuration(totalMs)}: open ${url}${account}`;
}

type Out = { write(text: string): unknown };

export type Stage = {
  /** Replaces the stage's live status (shown on a terminal only). */
  status(text: string): void;
  /** A permanent line under the stage (a seeded module). */
  line(text: string): void;
  /** Ends the stage with its line and time; returns the milliseconds it took. */
  done(detail?: string): number;
};

export type StartupReport = {
  stage(label: string): Stage;
  /** A line that is not a stage (the early address, a warning). */
  note(text: string): void;
  /** A finished line from elsewhere (a log line), printed above the live status. */
  print(text: string): void;
  ready(url: string, signIn: SignIn): void;
  /** Stops the live status's clock. */
  close(): void;
};

/**
 * Writes the start's lines to `out`. On a terminal (`live`), the running stages also show on one status line that
 * is redrawn in place each second; elsewhere only finished lines are written, so a log file reads top to bottom.
 */
export function createStartupReport(
  out: Out,
  options: { live: boolean; now?: () => number } = { live: false },
): StartupReport {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const running = new Map<number, { label: string; status: string; since: number }>();
  let nextId = 1;
  let drawn = false;
  let timer: NodeJS.Timeout | undefined;

  const clear = () => {
    if (drawn) out.write('\r\x1b[K');
    drawn = false;
  };
  const draw = () => {
    if (!options.live || running.size === 0) return;
    const parts = [...running.values()].map(
      (s) => `${s.label}${s.status ? ` (${s.status})` : ''} ${formatDuration(now() - s.since)}`,
    );
    out.write(`\r\x1b[K  … ${parts.join(' · ')}`);
    drawn = true;
  };
  const print = (text: string) => {
    clear();
    out.write(`${text}\n`);
    draw();
  };
  const tick = () => {
    if (!options.live) return;
    if (running.size > 0 && !timer) {
      timer = setInterval(() => {
        clear();
        draw();
      }, 1000);
      timer.unref();
    } else if (running.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    stage(label) {
      const id = nextId++;
      const since = now();
      running.set(id, { label, status: '', since });
      tick();
      clear();
      draw();
      return {
        status(text) {
          const stage = running.get(id);
          if (!stage) return;
          stage.status = text;
          clear();
          draw();
        },
        line: print,
        done(detail) {
          running.delete(id);
          tick();
          const ms = now() - since;
          print(stageLine(label, ms, detail));
          return ms;
        },
      };
    },
    note: (text) => print(`  ${text}`),
    print,
    ready(url, signIn) {
      print('');
      print(readyLine(url, signIn, now() - started));
    },
    close() {
      running.clear();
      tick();
      clear();
    },
  };
}

const levels: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const skipped = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'requestId', 'v']);

/**
 * A pino JSON line as a person reads it: `07:12:03  GET /api/v1/me 200 3.1 ms` for a request, else
 * `07:12:03  message key=value …` (warnings and errors marked). Lines that are not JSON pass unchanged.
 */
export function readableLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toTimeString().slice(0, 8);
  const level = typeof entry.level === 'number' ? entry.level : 30;
  const mark = level >= 40 ? `${levels[level] ?? 'WARN'} ` : '';
  if (entry.msg === 'request' && typeof entry.method === 'string') {
    return `${time}  ${mark}${entry.method} ${String(entry.path)} ${String(entry.status)} ${String(entry.ms)} ms`;
  }
  const rest = Object.entries(entry)
    .filter(([key]) => !skipped.has(key))
    .map(([key, value]) => {
      if (key === 'err' && value && typeof value === 'object' && 'message' in value) {
        return `error=${String(value.message)}`;
      }
      return `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
    });
  const msg = typeof entry.msg === 'string' ? entry.msg : '';
  return `${time}  ${mark}${msg}${rest.length ? `  ${rest.join(' ')}` : ''}`;
}
