/**
 * Upload-limits bench (security review findings 2 and 4): hostile .xlsx files are uploaded to a running platform
 * and processed while /healthz is probed every 100 ms. For each file: how the upload was answered, how long until
 * the import ended and with which reason, the server's peak RSS during it (VmHWM, reset before each file) against
 * its RSS before, and /healthz latencies meanwhile. Files are built by tests/support/crafted-xlsx.ts:
 *
 * - `bomb-lying-header`: the shared-strings bomb of finding 2 (~5.5 MB packed, 1.5 GB unpacked), whose zip header
 *   claims 1 MB, so the reader must count what it inflates;
 * - `bomb-honest-header`: the same with its real size declared (refused from the central directory);
 * - `ratio-bomb`: a worksheet of 40 MB of empty elements packed ~1000:1;
 * - `truncated-sheet`: a 20,000-row worksheet whose deflate data is cut in half (finding 4: it hung for ever).
 *
 * Goal (docs/decisions/upload-limits.md): every file ends `failed` with its reason within 60 s, the server's peak
 * RSS grows by less than 300 MB over its RSS before the file, and /healthz answers every probe within 1 s.
 */
import os from 'node:os';
import { deflateRawSync } from 'node:zlib';
import {
  repeatedDeflate,
  sharedStringsBomb,
  sheetXml,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zip,
} from '../../tests/support/crafted-xlsx.ts';
import { importColumns } from '../../src/server/modules/registry/registry-import.schemas.ts';
import { freshDatabase } from './lib/database.ts';
import { signIn } from './lib/http.ts';
import { round, summarise } from './lib/load.ts';
import { startServerChild } from './lib/processes.ts';
import { formatTable } from './lib/report.ts';
import type { BenchOptions, Scenario } from './scenario.ts';

export const GOAL = { settleSeconds: 60, peakRssGrowthMiB: 300, healthzMaxMs: 1_000 };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const mb = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 2 ** 20));

function craftedFiles(): { id: string; label: string; expected: string; file: Buffer }[] {
  const headers = importColumns.map((c) => c.header);
  const row = (i: number) =>
    headers.map((h) =>
      h === '楼栋编码'
        ? '379901001001001'
        : h === '姓名'
          ? '压测'
          : h === '身份证号'
            ? `11010519800506${i}`
            : null,
    );
  const small = sheetXml([headers, row(1000)]);
  const bomb = sharedStringsBomb(1.5 * 2 ** 30);
  const long = sheetXml([headers, ...Array.from({ length: 20_000 }, (_, i) => row(1000 + i))]);
  const packed = deflateRawSync(Buffer.from(long));
  return [
    {
      id: 'bomb-lying-header',
      label: 'shared-strings bomb, 1.5 GB unpacked, header claims 1 MB',
      expected: 'shared_strings_too_long',
      file: zip(workbookParts(small, { ...bomb, declared: 2 ** 20 })),
    },
    {
      id: 'bomb-honest-header',
      label: 'shared-strings bomb, 1.5 GB unpacked, size declared',
      expected: 'part_too_large',
      file: zip(workbookParts(small, bomb)),
    },
    {
      id: 'ratio-bomb',
      label: 'worksheet of 40 MB of empty elements packed ~1000:1',
      expected: 'compression_ratio',
      file: zip(workbookParts(repeatedDeflate(SHEET_HEAD, '<x/>'.repeat(2 ** 18), 40, SHEET_TAIL))),
    },
    {
      id: 'truncated-sheet',
      label: '20,000-row worksheet, deflate data cut in half',
      expected: 'corrupt',
      file: zip(
        workbookParts({
          deflated: packed.subarray(0, packed.length >> 1),
          size: Buffer.byteLength(long),
        }),
      ),
    },
  ];
}

export const uploadLimits: Scenario = {
  name: 'upload-limits',
  description:
    'Hostile .xlsx uploads (zip bombs, a truncated sheet): outcome, server peak RSS, /healthz meanwhile',
  async run(options: BenchOptions, log) {
    const database = await freshDatabase(options.db, 'upload-limits');
    const env: NodeJS.ProcessEnv = { ...process.env, ...database.env, LOG_LEVEL: 'silent' };
    if (!database.env.DATABASE_URL) delete env.DATABASE_URL;
    log(`starting the platform (demo county) on ${database.description}…`);
    const platform = await startServerChild('platform', 'platform-server.ts', { env });
    log(`platform ready at ${platform.url} in ${Math.round(platform.startupMs)} ms`);
    const cookie = await signIn(platform.url, 'admin');

    const results = [];
    for (const crafted of craftedFiles()) {
      log(`${crafted.id}: ${mb(crafted.file.length)} MB (${crafted.file.length} bytes)…`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const before = await platform.stats();
      platform.resetPeakRss();
      const latencies: number[] = [];
      let healthzFailures = 0;
      let probing = true;
      const prober = (async () => {
        while (probing) {
          const started = performance.now();
          try {
            const response = await fetch(`${platform.url}/healthz`);
            await response.text();
            if (response.status !== 200) healthzFailures += 1;
          } catch {
            healthzFailures += 1;
          }
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const started = performance.now();
      const form = new FormData();
      form.append(
        'file',
        new File([new Uint8Array(crafted.file)], `${crafted.id}.xlsx`, { type: XLSX_TYPE }),
      );
      const upload = await fetch(`${platform.url}/api/v1/registry/imports`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      const uploadMs = performance.now() - started;
      const answer = (await upload.json()) as { data?: { id: string; status: string } };
      let status = answer.data?.status ?? `HTTP ${upload.status}`;
      let failure: { code?: string; en?: string } | null = null;
      while (answer.data && ['validating', 'committing'].includes(status)) {
        if (performance.now() - started > 5 * 60_000) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
        const poll = await fetch(`${platform.url}/api/v1/registry/imports/${answer.data.id}`, {
          headers: { cookie },
        });
        const body = (await poll.json()) as {
          data: { status: string; failure: { code?: string; en?: string } | null };
        };
        status = body.data.status;
        failure = body.data.failure;
      }
      const settleMs = performance.now() - started;
      probing = false;
      await prober;
      const peak = platform.peakRssBytes();
      const latency = summarise(Float64Array.from(latencies));
      const growth = peak === null ? null : peak - before.rssBytes;
      const met =
        status === 'failed' &&
        failure?.code === crafted.expected &&
        settleMs <= GOAL.settleSeconds * 1000 &&
        growth !== null &&
        growth / 2 ** 20 < GOAL.peakRssGrowthMiB &&
        latency.max <= GOAL.healthzMaxMs &&
        healthzFailures === 0;
      results.push({
        id: crafted.id,
        label: crafted.label,
        fileBytes: crafted.file.length,
        uploadStatus: upload.status,
        uploadMs: round(uploadMs, 1),
        status,
        failure,
        expectedCode: crafted.expected,
        settleMs: round(settleMs, 1),
        rssBeforeBytes: before.rssBytes,
        peakRssBytes: peak,
        peakRssGrowthBytes: growth,
        healthz: { probes: latencies.length, failures: healthzFailures, latencyMs: latency },
        met,
      });
      log(
        `${crafted.id}: ${status} (${failure?.code ?? '-'}) in ${Math.round(settleMs)} ms, peak RSS ${mb(peak)} MB`,
      );
    }
    await platform.stop();

    const table = formatTable(
      ['file', 'MB', 'ended', 'reason', 'ms', 'RSS before', 'peak RSS', 'healthz p50', 'p95', 'max', 'goal'],
      results.map((r) => [
        r.id,
        round(r.fileBytes / 2 ** 20, 1),
        r.status,
        r.failure?.code ?? null,
        Math.round(r.settleMs),
        mb(r.rssBeforeBytes),
        mb(r.peakRssBytes),
        round(r.healthz.latencyMs.p50, 1),
        round(r.healthz.latencyMs.p95, 1),
        round(r.healthz.latencyMs.max, 1),
        r.met ? 'pass' : 'FAIL',
      ]),
    );
    const met = results.every((r) => r.met);
    return {
      report: [
        table,
        '',
        `RSS in MB of the platform process (VmHWM reset before each file); /healthz probed every 100 ms, latencies in ms.`,
        `Goal — every file failed with its reason within ${GOAL.settleSeconds} s, peak RSS growth < ${GOAL.peakRssGrowthMiB} MB, /healthz max ≤ ${GOAL.healthzMaxMs} ms: ${met ? 'pass' : 'FAIL'} (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs).`,
      ].join('\n'),
      data: {
        database: { kind: database.kind, description: database.description, version: database.version },
        platform: { startupMs: platform.startupMs },
        goal: { ...GOAL, met },
        files: results,
        loadAverage1m: os.loadavg()[0],
      },
    };
  },
};
