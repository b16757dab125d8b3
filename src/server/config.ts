import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

/**
 * Comma-separated origins (`https://tiles.example.gov.cn`, a port, or `https://*.example.gov.cn` for subdomains),
 * each without a path: they go verbatim into a Content-Security-Policy source list.
 */
const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i,
          'must be comma-separated origins such as https://tiles.example.gov.cn (no path)',
        ),
    ),
  );

const defaultWebDir = path.resolve(import.meta.dirname, '../../dist/web');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  WUWEI_DATA_DIR: z.string().default('./data'),
  WUWEI_WEB_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WUWEI_DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  WUWEI_DEMO: booleanFlag.optional(),
  WUWEI_DEMO_PASSWORD: z.string().min(8).default('wuwei-demo'),
  WUWEI_DEMO_SEED: z.coerce.number().int().default(1),
  WUWEI_DEMO_SCALE: z.coerce.number().positive().max(1).default(1),
  WUWEI_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  WUWEI_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  WUWEI_COOKIE_SECURE: booleanFlag.optional(),
  WUWEI_TRUST_PROXY: booleanFlag.default(false),
  WUWEI_ALLOWED_ORIGINS: z.string().optional(),
  WUWEI_MAP_TILE_ORIGINS: originList.default([]),
  WUWEI_LOW_MEMORY: booleanFlag.default(true),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** The built web app (`npm run build`; `npm start` builds it when missing). */
  webDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  dataKeyHex: string | undefined;
  demo: boolean;
  demoPassword: string;
  demoSeed: number;
  demoScale: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  allowedOrigins: string[];
  /** Origins the map's tile images may come from (Content-Security-Policy img-src). */
  mapTileOrigins: string[];
  /** V8 keeps the JavaScript heap small (--optimize-for-size) at some cost in throughput (docs/decisions). */
  lowMemory: boolean;
};

/** Reads and validates the environment; throws a readable message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.WUWEI_DATA_DIR),
    webDir: e.WUWEI_WEB_DIR ? path.resolve(e.WUWEI_WEB_DIR) : defaultWebDir,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    dataKeyHex: e.WUWEI_DATA_KEY,
    demo: e.WUWEI_DEMO ?? !production,
    demoPassword: e.WUWEI_DEMO_PASSWORD,
    demoSeed: e.WUWEI_DEMO_SEED,
    demoScale: e.WUWEI_DEMO_SCALE,
    sessionIdleMs: e.WUWEI_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.WUWEI_SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: e.WUWEI_COOKIE_SECURE ?? production,
    trustProxy: e.WUWEI_TRUST_PROXY,
    allowedOrigins: (e.WUWEI_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    mapTileOrigins: e.WUWEI_MAP_TILE_ORIGINS,
    lowMemory: e.WUWEI_LOW_MEMORY,
  };
}
