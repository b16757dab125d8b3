import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startPlatform } from '../../src/server/main.ts';
import { e2eConfig } from './platform-config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a data folder holding the platform's first start (migrated, the demo county and its history). */
    e2eTemplate: string;
  }
}

/**
 * Builds the web app once, so every test file's platform serves the current code from dist/web; on PGlite, also
 * starts the platform once on a fresh folder, which every test file copies: each file's start is then a later start
 * (seconds) instead of a first one (migrations, the demo's seed and history).
 */
export default async function setup(project: TestProject) {
  const webBuilt = build({
    configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'warn',
  });
  if (process.env.DATABASE_URL) {
    await webBuilt;
    project.provide('e2eTemplate', '');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuwei-e2e-template-'));
  const removeTemplate = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const platform = await startPlatform(e2eConfig(dir));
    await platform.deferred;
    await platform.close();
  } catch (error) {
    // The build's own failure, if any, is not left unhandled behind the start's; the folder is not left behind.
    await webBuilt.catch(() => undefined);
    removeTemplate();
    throw error;
  }
  try {
    await webBuilt;
  } catch (error) {
    removeTemplate();
    throw error;
  }
  project.provide('e2eTemplate', dir);
  return removeTemplate;
}
