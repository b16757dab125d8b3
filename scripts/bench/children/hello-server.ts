/** Bench child: the ceiling. A bare Hono app on @hono/node-server, same runtime and machine as the platform. */
import { performance } from 'node:perf_hooks';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { countRequests, failChild, serveAsChild } from './instrument.ts';

let server: ServerType | undefined;
const child = serveAsChild(
  () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
    }),
);

try {
  const started = performance.now();
  const app = new Hono();
  app.get('/', (c) => c.json({ hello: 'world' }));
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  countRequests(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  child.ready(`http://127.0.0.1:${port}`, performance.now() - started);
} catch (error) {
  failChild(error);
}
