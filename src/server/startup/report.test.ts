import { describe, expect, it } from 'vitest';
import {
  createStartupReport,
  formatCount,
  formatDuration,
  readableLogLine,
  readyLine,
  seedModuleLine,
  stageLine,
} from './report.ts';

/** A report writing into a string, on a clock the test moves. */
function recorder(live: boolean) {
  let text = '';
  let clock = 0;
  const report = createStartupReport({ write: (t: string) => (text += t) }, { live, now: () => clock });
  return {
    report,
    advance: (ms: number) => (clock += ms),
    text: () => text,
    /** What a terminal shows: each \r\x1b[K erases the line being drawn. */
    screen: () =>
      text
        .split('\n')
        .map((line) => line.split('\r\x1b[K').pop() ?? '')
        .join('\n'),
  };
}

describe('start-up lines', () => {
  it('formats durations and counts as people read them', () => {
    expect(formatDuration(412)).toBe('0.4 s');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatCount(223285)).toBe('223,285');
  });

  it('a stage line names the stage, what it did and its time', () => {
    const line = stageLine('seeding the demo county', 48_200, '223,285 residents');
    expect(line).toMatch(/^ {2}✓ seeding the demo county: 223,285 residents +48\.2 s$/);
    expect(
      seedModuleLine('registry', { buildings: 2833, households: 79750, residents: 223285 }, 31_200),
    ).toBe('      registry    2,833 buildings, 79,750 households, 223,285 residents    31.2 s');
  });

  it('the last line gives the address and the demo sign-in in both languages, or just the address', () => {
    const line = readyLine('http://localhost:8080', { username: 'admin', password: 'wuwei-demo' }, 52_000);
    expect(line).toBe(
      'Wuwei is ready in 52.0 s: open http://localhost:8080 — sign in as admin / wuwei-demo (演示账号 admin，密码 wuwei-demo)',
    );
    expect(readyLine('http://localhost:8080', null, 1200)).toBe(
      'Wuwei is ready in 1.2 s: open http://localhost:8080',
    );
  });

  it('without a terminal, only finished lines are written, in order, ending with the ready line', () => {
    const r = recorder(false);
    const build = r.report.stage('building the web app');
    const seed = r.report.stage('seeding the demo county');
    seed.status('registry 2/7: residents 10,000 / 223,285');
    r.advance(1000);
    seed.line(seedModuleLine('territory', { territories: 299 }, 300));
    r.advance(5000);
    expect(build.done('103 files, compressed')).toBe(6000);
    r.advance(40_000);
    seed.done('223,285 residents');
    r.report.ready('http://localhost:8080', { username: 'admin', password: 'wuwei-demo' });
    const lines = r.text().trimEnd().split('\n');
    expect(r.text()).not.toContain('\r');
    expect(lines[0]).toMatch(/^ {6}territory +299 territories +0\.3 s$/);
    expect(lines[1]).toMatch(/^ {2}✓ building the web app: 103 files, compressed +6\.0 s$/);
    expect(lines[2]).toMatch(/^ {2}✓ seeding the demo county: 223,285 residents +46\.0 s$/);
    expect(lines[3]).toBe('');
    expect(lines[4]).toMatch(
      /^Wuwei is ready in 46\.0 s: open http:\/\/localhost:8080 — sign in as admin \/ wuwei-demo/,
    );
  });

  it('on a terminal, running stages share one status line redrawn in place, finished lines stay above it', () => {
    const r = recorder(true);
    const build = r.report.stage('building the web app');
    const seed = r.report.stage('seeding the demo county');
    seed.status('registry 2/7');
    r.advance(2000);
    build.done();
    // The status line now shows only the seed, with its clock.
    expect(r.screen().split('\n').pop()).toBe('  … seeding the demo county (registry 2/7) 2.0 s');
    r.report.print('07:12:03  GET /api/v1/me 200 3.1 ms');
    seed.done();
    r.report.close();
    const screen = r.screen().split('\n');
    expect(screen).toEqual([
      expect.stringMatching(/^ {2}✓ building the web app +2\.0 s$/),
      '07:12:03  GET /api/v1/me 200 3.1 ms',
      expect.stringMatching(/^ {2}✓ seeding the demo county +2\.0 s$/),
      '',
    ]);
  });
});

describe('readable log lines', () => {
  it('a request is method, path, status and time', () => {
    const json = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 11, 1, 7, 12, 3),
      requestId: 'x',
      method: 'GET',
      path: '/api/v1/me',
      status: 200,
      ms: 3.1,
      msg: 'request',
    });
    expect(readableLogLine(json)).toMatch(/^\d\d:\d\d:\d\d {2}GET \/api\/v1\/me 200 3\.1 ms$/);
  });

  it('other lines keep their fields; warnings and errors are marked; other text passes unchanged', () => {
    expect(readableLogLine(JSON.stringify({ level: 30, time: 0, msg: 'tables vacuumed', ms: 812 }))).toMatch(
      /^\d\d:\d\d:\d\d {2}tables vacuumed {2}ms=812$/,
    );
    expect(
      readableLogLine(
        JSON.stringify({ level: 50, time: 0, msg: 'job failed', err: { message: 'boom', stack: '…' } }),
      ),
    ).toMatch(/^\d\d:\d\d:\d\d {2}ERROR job failed {2}error=boom$/);
    expect(readableLogLine('plain text\n')).toBe('plain text');
  });
});
