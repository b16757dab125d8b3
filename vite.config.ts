import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.WUWEI_API_URL ?? 'http://localhost:8080';
const outDir = path.resolve(import.meta.dirname, 'dist/web');

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every built script, style sheet
 * and page of at least 1 KB, so the server sends them compressed without compressing per request
 * (serveStatic's `precompressed`, src/server/app.ts).
 */
function precompress(): Plugin {
  return {
    name: 'wuwei-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? outDir;
      const files = fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(js|css|html|svg|json)$/.test(file))
        .map((file) => path.join(dir, file))
        .filter((file) => fs.statSync(file).size >= 1024);
      await Promise.all(
        files.map(async (file) => {
          const content = await fs.promises.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzip(content, { level: 9 }),
          ]);
          await Promise.all([
            fs.promises.writeFile(`${file}.br`, br),
            fs.promises.writeFile(`${file}.gz`, gz),
          ]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/healthz': apiTarget },
  },
});
