import { round, summarise, type LatencySummary } from './load.ts';
import type { ServerChild } from './processes.ts';

/** One probe request's answer: status, time to the last byte, the parsed JSON body (null if none) and the text. */
export type Answer = { status: number; ms: number; body: unknown; text: string };

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A JSON request timed from sending to the end of the body. */
export async function timedRequest(
  url: string,
  method: Method,
  cookie: string | undefined,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let parsed: unknown;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, ms, body: parsed, text };
}

/** Requests as one of the signed-in demo accounts (`cookies` holds each account's session cookie). */
export function accountClient<A extends string>(baseUrl: string, cookies: Partial<Record<A, string>>) {
  return (account: A, method: Method, urlPath: string, body?: unknown) =>
    timedRequest(baseUrl + urlPath, method, cookies[account], body);
}

/** An answer that must have `status` and pass `check`, or the run is broken (a probe failed). */
export function expectStatus(
  what: string,
  answer: Answer,
  status: number,
  check?: (body: unknown) => string | null,
): unknown {
  const problem = answer.status !== status ? `status ${answer.status}` : (check?.(answer.body) ?? null);
  if (problem) {
    throw new Error(`${what}: the probe request failed (${problem}): ${answer.text.slice(0, 300)}`);
  }
  return answer.body;
}

export const expectOk = (what: string, answer: Answer, check?: (body: unknown) => string | null) =>
  expectStatus(what, answer, 200, check);

/** A cold (uncached) request with what it cost the server: statements, their time and the process's CPU. */
export type ColdSample = { ms: number; statements: number; dbMs: number; cpuMs: number };

/** A group of cold samples: latency summary, the server's cost per request and the goal (time, or p95 of several). */
export type ColdFigure = {
  id: string;
  label: string;
  n: number;
  latencyMs: LatencySummary;
  statementsPerRequest: number;
  dbMsPerRequest: number;
  cpuMsPerRequest: number;
  goalMs: number | null;
  met: boolean | null;
  samplesMs: number[];
};

/** Times one request alone, reading the server child's counters before and after (settled). */
export async function timedCold(
  server: ServerChild,
  request: () => Promise<Answer>,
  what: string,
  check?: (body: unknown) => string | null,
  status = 200,
): Promise<{ sample: ColdSample; body: unknown }> {
  const before = await server.stats();
  const answer = await request();
  const after = await server.settledStats();
  expectStatus(what, answer, status, check);
  return {
    sample: {
      ms: answer.ms,
      statements: after.queries - before.queries,
      dbMs: after.queryMs - before.queryMs,
      cpuMs: (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000,
    },
    body: answer.body,
  };
}

export function coldFigure(
  id: string,
  label: string,
  samples: ColdSample[],
  goalMs: number | null,
): ColdFigure {
  const latencyMs = summarise(Float64Array.from(samples.map((s) => s.ms)));
  const mean = (f: (s: ColdSample) => number) =>
    round(samples.reduce((a, s) => a + f(s), 0) / samples.length, 2);
  return {
    id,
    label,
    n: samples.length,
    latencyMs,
    statementsPerRequest: mean((s) => s.statements),
    dbMsPerRequest: mean((s) => s.dbMs),
    cpuMsPerRequest: mean((s) => s.cpuMs),
    goalMs,
    met: goalMs === null ? null : latencyMs.p95 <= goalMs,
    samplesMs: samples.map((s) => round(s.ms, 2)),
  };
}

/** `count` items spread evenly over `items`. */
export function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

/** `timedCold` when only the sample matters. */
export async function coldSample(
  server: ServerChild,
  request: () => Promise<Answer>,
  what: string,
  check?: (body: unknown) => string | null,
): Promise<ColdSample> {
  return (await timedCold(server, request, what, check)).sample;
}
