import http from 'node:http';
import autocannon from 'autocannon';

export type LoadSpec = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** When given, each request takes the next of these paths (one counter for all connections), so a figure is not one cached query. */
  paths?: string[];
  /** When given, each request takes its path and body from this (writes that must differ: a new id each time). */
  next?: () => { path?: string; body?: string };
  connections: number;
  /**
   * Requests per second, evenly spaced, for runPaced (autocannon's own overallRate sends each second's requests in a
   * burst, so its latencies include the queue of the burst); runLoad ignores it: each connection sends its next
   * request as soon as the last is answered (a closed loop measuring the most the server can take).
   */
  rate?: number;
  /** Seconds of load that are measured. */
  durationS: number;
};

export type LatencySummary = { p50: number; p95: number; p99: number; max: number; mean: number };

export type LoadResult = {
  connections: number;
  durationS: number;
  /** Responses received in the measured window, any status. */
  responses: number;
  requestsPerSecond: number;
  /** Latency in milliseconds of every response (not only 2xx), from autocannon's per-request timer. */
  latencyMs: LatencySummary;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
};

/**
 * Drives `spec` with autocannon for `durationS` seconds and returns exact percentiles. autocannon's own histogram
 * has whole-millisecond resolution and no p95, so latencies are collected from its per-response events instead.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const paths = spec.paths?.length ? spec.paths : undefined;
  let next = 0;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  let finished = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: spec.method ?? 'GET',
        headers: spec.headers,
        body: spec.body,
        connections: spec.connections,
        duration: spec.durationS,
        timeout: 10,
        ...(spec.next
          ? { requests: [{ setupRequest: (request) => ({ ...request, ...spec.next!() }) }] }
          : paths
            ? {
                requests: [
                  { setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) },
                ],
              }
            : {}),
      },
      (error, res) => {
        finished = performance.now();
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(res);
      },
    );
    instance.on(
      'response',
      (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
        if (count === latencies.length) {
          const grown = new Float64Array(latencies.length * 2);
          grown.set(latencies);
          latencies = grown;
        }
        latencies[count++] = responseTime;
        statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
        bytes += resBytes;
      },
    );
  });
  const elapsedS = (finished - started) / 1000;
  return {
    connections: spec.connections,
    durationS: round(elapsedS, 2),
    responses: count,
    requestsPerSecond: round(count / elapsedS, 1),
    latencyMs: summarise(latencies.subarray(0, count)),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    bytesPerResponse: count ? Math.round(bytes / count) : 0,
  };
}

/** Nearest-rank percentiles. */
export function summarise(values: Float64Array): LatencySummary {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: round(at(50), 2),
    p95: round(at(95), 2),
    p99: round(at(99), 2),
    max: round(sorted[sorted.length - 1]!, 2),
    mean: round(sum / sorted.length, 2),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Sends requests at a fixed pace (`spec.rate` a second, evenly spaced) over at most `spec.connections` kept-alive
 * connections, for `durationS` seconds, and returns the same summary as runLoad. Each latency runs from the moment
 * the request was due, so time spent waiting for a free connection counts (no coordinated omission). This is the
 * latency users see at that load; runLoad's closed loop measures the most the server takes.
 */
export async function runPaced(spec: LoadSpec & { rate: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const base = new URL(spec.url);
  const paths = spec.paths?.length ? spec.paths : undefined;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  let errors = 0;
  let non2xx = 0;
  let pathIndex = 0;
  const pending = new Set<Promise<void>>();
  const send = (due: number) => {
    const next = spec.next?.() ?? {};
    const path = next.path ?? (paths ? paths[pathIndex++ % paths.length]! : base.pathname);
    const body = next.body ?? spec.body;
    const done = new Promise<void>((resolve) => {
      const request = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          path,
          method: spec.method ?? 'GET',
          headers: { ...spec.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
          timeout: 10_000,
        },
        (response) => {
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => {
            latencies.push(performance.now() - due);
            const status = response.statusCode ?? 0;
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
            if (status < 200 || status >= 300) non2xx += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      if (body) request.write(body);
      request.end();
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };
  const interval = 1000 / spec.rate;
  const started = performance.now();
  const end = started + spec.durationS * 1000;
  let sent = 0;
  while (performance.now() < end) {
    const now = performance.now();
    while (started + sent * interval <= now) send(started + sent++ * interval);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, started + sent * interval - performance.now())),
    );
  }
  await Promise.all(pending);
  const elapsedS = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    connections: spec.connections,
    durationS: round(elapsedS, 2),
    responses: latencies.length,
    requestsPerSecond: round(latencies.length / spec.durationS, 1),
    latencyMs: summarise(Float64Array.from(latencies)),
    non2xx,
    errors,
    timeouts: 0,
    statusCodes,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
  };
}
