import { loadConfig } from '../../src/server/config.ts';

export const DEMO_PASSWORD = 'wuwei-demo';
/** A fixed data key, so encrypted fields written by one start decrypt in the next (and in copies of its folder). */
const E2E_DATA_KEY = '7e1d2c3b4a5968778695a4b3c2d1e0f07e1d2c3b4a5968778695a4b3c2d1e0f0';

/** The platform's settings for browser journeys: a small demo county in `dataDir` (or on `databaseUrl`). */
export function e2eConfig(dataDir: string, databaseUrl?: string) {
  return loadConfig({
    NODE_ENV: 'test',
    WUWEI_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    WUWEI_DEMO: 'on',
    WUWEI_DEMO_SCALE: '0.05',
    WUWEI_DEMO_PASSWORD: DEMO_PASSWORD,
    WUWEI_DATA_KEY: E2E_DATA_KEY,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
}
