import path from 'node:path';
import { build } from 'vite';

/** Builds the web app once, so every test file's platform serves the current code from dist/web. */
export default async function setup() {
  await build({ configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
}
