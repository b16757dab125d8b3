import type { ChildStats } from '../children/protocol.ts';
import { round } from './load.ts';
import { formatTable } from './report.ts';

/** What the server process did during one measured window, per request it handled. */
export type ServerSide = {
  /** Requests the server handled from the start of the window until it was idle again. */
  requests: number;
  cpuMsPerRequest: number | null;
  /** Average cores the server process used (above 1 means libuv/GC threads helped). */
  cores: number;
  /** Share of time the server's event loop was busy. */
  eventLoopBusy: number;
  statementsPerRequest: number | null;
  /** Wall time waiting for statements per request (PGlite: serialised; PostgreSQL: summed over the pool). */
  dbMsPerRequest: number | null;
  rssBytes: number;
  peakRssBytes: number | null;
};

/** The server's figures for a window, from its stats before and after (and its peak RSS over the window). */
export function serverSide(before: ChildStats, after: ChildStats, peak: number | null): ServerSide {
  const cpuMs = (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
  const idle = after.loopIdleMs - before.loopIdleMs;
  const active = after.loopActiveMs - before.loopActiveMs;
  const n = after.requests - before.requests;
  return {
    requests: n,
    cpuMsPerRequest: n ? round(cpuMs / n, 3) : null,
    cores: round(cpuMs / (after.atMs - before.atMs), 2),
    eventLoopBusy: idle + active > 0 ? round(active / (idle + active), 3) : 0,
    statementsPerRequest: n ? round((after.queries - before.queries) / n, 2) : null,
    dbMsPerRequest: n ? round((after.queryMs - before.queryMs) / n, 3) : null,
    rssBytes: after.rssBytes,
    peakRssBytes: peak,
  };
}

const mb = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 2 ** 20));
const fixed = (value: number | null, digits: number) => (value === null ? null : value.toFixed(digits));

/** One row per measured target: the server process's side of it. */
export function serverSideTable(
  results: { label: string; server: ServerSide; load: { bytesPerResponse: number } }[],
): string {
  return formatTable(
    [
      'target',
      'CPU ms/req',
      'cores used',
      'loop busy',
      'SQL/req',
      'DB ms/req',
      'RSS MB',
      'peak RSS MB',
      'bytes/resp',
    ],
    results.map((r) => [
      r.label,
      fixed(r.server.cpuMsPerRequest, 3),
      fixed(r.server.cores, 2),
      `${fixed(r.server.eventLoopBusy * 100, 0)}%`,
      r.server.statementsPerRequest,
      fixed(r.server.dbMsPerRequest, 3),
      mb(r.server.rssBytes),
      mb(r.server.peakRssBytes),
      r.load.bytesPerResponse,
    ]),
  );
}
