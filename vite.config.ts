import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { build, defineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.WUWEI_API_URL ?? 'http://localhost:8080';
const root = path.resolve(import.meta.dirname, 'src/web');
const outDir = path.resolve(import.meta.dirname, 'dist/web');

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside `file`. */
async function compressFile(file: string): Promise<void> {
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
  await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)]);
}

const compressible = (file: string) => /\.(js|css|html|svg|json)$/.test(file);

/**
 * Writes `<file>.br` and `<file>.gz` beside every built script, style sheet and page of at least 1 KB, so the
 * server sends them compressed without compressing per request (serveStatic's `precompressed`,
 * src/server/app.ts). `only: 'bundle'`: the files of this build only (the phone entry's, built after the rest).
 */
function precompress({ only }: { only?: 'bundle' } = {}): Plugin {
  return {
    name: 'wuwei-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const names =
        only === 'bundle' ? Object.keys(bundle) : fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
      const files = names
        .filter(compressible)
        .map((file) => path.join(dir, file))
        .filter((file) => fs.statSync(file).size >= 1024);
      await Promise.all(files.map(compressFile));
    },
  };
}

/**
 * Names the phone entry's lazy files other than its English texts (the sheets' file, features/workbench/sheets.tsx)
 * in its page as `<link rel="wuwei-offline">`, a relation the browser does not fetch: the service worker's install
 * (public/sw.js), which keeps the files the page names, keeps them for offline use. Not `prefetch`: on a phone's
 * connection a prefetch shares the bandwidth with the entry script (measured: the first list came ~0.2 s later);
 * the page loads them itself once the first list is drawn (lazy-sheets.tsx).
 */
function prefetchLazyFiles(): Plugin {
  return {
    name: 'wuwei-phone-prefetch',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const lazyFiles = Object.values(context.bundle ?? {}).filter(
          (file): file is Rolldown.OutputChunk =>
            file.type === 'chunk' && file.isDynamicEntry && !file.name.includes('en-US'),
        );
        return lazyFiles.map((file) => ({
          tag: 'link',
          attrs: { rel: 'wuwei-offline', href: `/${file.fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The phone workbench's entry (m/index.html → phone.tsx, served for /m/) is built apart, after the desk app, into
 * the same folder: its own chunks, not shared with the desk app's, since on a phone's connection every request costs
 * a round trip (150 ms) and the desk app's many small shared chunks would each cost one. One script and one style
 * sheet draw the first list; two files come only when needed: the sheets a tap opens (lazy-sheets.tsx, loaded when
 * idle after the first list) and the English texts (when English is chosen) (docs/decisions/phone-entry.md).
 */
function phoneEntry(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'wuwei-phone-entry',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        mode: config.mode,
        logLevel: config.logLevel,
        publicDir: false,
        plugins: [react(), precompress({ only: 'bundle' }), prefetchLazyFiles()],
        build: {
          outDir: config.build.outDir,
          emptyOutDir: false,
          chunkSizeWarningLimit: 2000,
          rolldownOptions: {
            input: { phone: path.join(root, 'm/index.html') },
            output: { codeSplitting: { groups: [{ name: 'phone-en-US', test: /en-US\.ts$/ }] } },
          },
        },
      });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress(), phoneEntry()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Every feature's English texts (messages.en-US.ts, loaded only when English is chosen) in one file.
      output: {
        codeSplitting: { groups: [{ name: 'messages-en-US', test: /[\\/](messages\.)?en-US\.ts$/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/healthz': apiTarget },
  },
});
