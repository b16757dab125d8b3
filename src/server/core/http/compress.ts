import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** JSON answers smaller than this go as they are: compressing a packet's worth saves nothing worth the CPU. */
export const COMPRESS_THRESHOLD = 1024;

export type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The encoding to answer in, from an Accept-Encoding header: brotli when accepted, else gzip, else none. Honours
 * `q=0` (refused) and `*`.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

function isJson(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * Compresses JSON answers of at least `threshold` bytes for clients that accept brotli or gzip (brotli at quality
 * 4: about as fast as gzip, a fifth smaller). Only JSON, which handlers build whole in memory: spreadsheet
 * downloads, event streams and static files pass untouched (static files are compressed at build time). A request
 * without Accept-Encoding (API clients, the load generator) leaves the answer exactly as the handler made it.
 */
export function compressJson(threshold = COMPRESS_THRESHOLD): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD') return;
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const res = c.res;
    const type = res.headers.get('content-type');
    const skip = !type || !isJson(type) || res.headers.has('content-encoding') || res.status === 204;
    if (skip || !res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    let out: Buffer = body;
    if (body.length >= threshold) {
      out =
        encoding === 'br'
          ? await brotli(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            })
          : await gzip(body, { level: 6 });
      headers.set('Content-Encoding', encoding);
      headers.append('Vary', 'Accept-Encoding');
    }
    headers.set('Content-Length', String(out.length));
    // Unset first: assigning over an answer would copy the old answer's headers onto the new one.
    c.res = undefined;
    c.res = new Response(new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength), {
      status: res.status,
      headers,
    });
  };
}
