import { z } from '@hono/zod-openapi';
import { and, count, eq, sql } from 'drizzle-orm';
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/server/core/auth/audit.ts';
import { territoryCodeCondition } from '../src/server/core/auth/scope.ts';
import { newId } from '../src/server/core/db/ids.ts';
import { actorOf } from '../src/server/core/http/context.ts';
import { defineErrors } from '../src/server/core/http/errors.ts';
import { createRouter, jsonContent, route, routeScope } from '../src/server/core/http/openapi.ts';
import { enqueue } from '../src/server/core/jobs/enqueue.ts';
import { assembleKit } from '../src/server/core/kit/kit.ts';
import { defineModule, type ModuleDefinition } from '../src/server/core/kit/module.ts';
import { kit as platformKit, modules } from '../src/server/modules.ts';
import { demoTerritory, territories } from '../src/server/modules/territory/territory.public.ts';
import { waitFor } from './support/second-handle.ts';
import { DEMO_ACCOUNT } from './support/constants.ts';
import { createEmptyDatabase, createTestApp, type TestApp } from './support/test-app.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { testKeys } from './support/test-app.ts';
import { TEST_DEMO } from './support/constants.ts';

/**
 * A module added the way docs/adding-a-module.md says: one folder's worth of declarations (here in this file) and
 * one line in the modules list. Everything it declares must work without touching another file: its route behind
 * its permission and scope, the grants, its figure in GET /insights/figures, its audit label in GET /audit/labels,
 * its job on the runner, its demo rows in the seed, its table in the maintenance list.
 */
const tallyMarks = pgTable('tally_marks', {
  id: uuid('id').primaryKey(),
  territoryCode: text('territory_code').notNull(),
  note: text('note').notNull(),
  counted: boolean('counted').notNull().default(false),
});
const TALLY_TABLE_SQL = sql`create table tally_marks (
  id uuid primary key, territory_code text not null, note text not null, counted boolean not null default false)`;

const tallyErrors = defineErrors({
  noteTaken: {
    code: 'TALLY_NOTE_TAKEN',
    status: 409,
    text: (note: string) => ({ zh: `已有记号“${note}”`, en: `A mark "${note}" exists already` }),
  },
});

const tallyModule = defineModule({
  name: 'tally',
  routes: ({ db }) =>
    createRouter()
      .openapi(
        route('tally:read', {
          method: 'get',
          path: '/tally/marks',
          tags: ['tally'],
          summary: 'Marks within the caller’s scope',
          responses: { 200: { description: 'Marks', content: jsonContent(z.object({ total: z.number() })) } },
        }),
        async (c) => {
          const scope = routeScope(c);
          const [row] = await db
            .select({ total: count() })
            .from(tallyMarks)
            .where(territoryCodeCondition(scope, tallyMarks.territoryCode));
          return c.json({ total: row?.total ?? 0 }, 200);
        },
      )
      .openapi(
        route('tally:write', {
          method: 'post',
          path: '/tally/marks',
          tags: ['tally'],
          summary: 'Make a mark on a territory node inside the caller’s scope',
          request: {
            body: {
              content: jsonContent(z.strictObject({ code: z.string().max(40), note: z.string().max(40) })),
            },
          },
          responses: { 201: { description: 'Made', content: jsonContent(z.object({ id: z.string() })) } },
        }),
        async (c) => {
          const scope = routeScope(c);
          const body = c.req.valid('json');
          const id = await db.transaction(async (tx) => {
            const [taken] = await tx.select().from(tallyMarks).where(eq(tallyMarks.note, body.note));
            if (taken) throw tallyErrors.noteTaken(body.note);
            const [node] = await tx
              .select({ code: territories.code })
              .from(territories)
              .where(and(eq(territories.code, body.code), territoryCodeCondition(scope, territories.code)));
            if (!node) throw new Error('not in scope');
            const markId = newId();
            await tx.insert(tallyMarks).values({ id: markId, territoryCode: node.code, note: body.note });
            await appendAudit(tx, actorOf(c), {
              action: 'tally.marked',
              entityType: 'tally_mark',
              entityId: markId,
              territoryCode: node.code,
            });
            await enqueue(tx, 'tally.recount', { id: markId });
            return markId;
          });
          return c.json({ id }, 201);
        },
      ),
  permissions: {
    'tally:read': { zh: '查看记号', en: 'Read marks' },
    'tally:write': { zh: '做记号', en: 'Make marks' },
  },
  grants: { grid_worker: ['tally:read'], community_worker: ['tally:read', 'tally:write'] },
  errors: tallyErrors,
  audit: {
    actions: { 'tally.marked': { zh: '做记号', en: 'Mark made' } },
    entityTypes: { tally_mark: { zh: '记号', en: 'Mark' } },
  },
  figures: [
    {
      keys: { tallyMarks: { zh: '记号数', en: 'Marks' } },
      compute: async ({ db, scope, code }) => {
        const [row] = await db
          .select({ n: count() })
          .from(tallyMarks)
          .where(
            and(
              territoryCodeCondition(scope, tallyMarks.territoryCode),
              code ? sql`${tallyMarks.territoryCode} like ${code + '%'}` : undefined,
            ),
          );
        return { tallyMarks: row?.n ?? 0 };
      },
    },
  ],
  jobs: ({ db }) => ({
    handlers: {
      'tally.recount': async ({ job }) => {
        const { id } = job.payload as { id: string };
        await db.update(tallyMarks).set({ counted: true }).where(eq(tallyMarks.id, id));
      },
    },
  }),
  maintain: ['tally_marks'],
  demo: {
    after: ['territory'],
    generate: async (context) => {
      const grids = demoTerritory(context).filter((n) => n.level === 'grid');
      for (const grid of grids) {
        await context.tx
          .insert(tallyMarks)
          .values({ id: newId(), territoryCode: grid.code, note: `demo ${grid.code}` });
      }
      return { tallyMarks: grids.length };
    },
  },
});

describe('a module added with one line', () => {
  const kit = assembleKit([...modules, tallyModule]);
  let t: TestApp;
  let grids: number;
  let seeded: Record<string, number>;

  beforeAll(async () => {
    const database = await createEmptyDatabase();
    await database.migrate();
    await database.db.execute(TALLY_TABLE_SQL); // the module's migration
    seeded = await seedDemo(database.db, testKeys, TEST_DEMO, kit);
    t = await createTestApp({}, { kit, database });
    const [row] = await t.db.select({ n: count() }).from(territories).where(eq(territories.level, 'grid'));
    grids = row!.n;
  });
  afterAll(() => t?.close());

  it('seeds its demo rows after the modules it depends on, and maintains its table', async () => {
    // The platform's own order, the new module (it waits for territory only, and comes last in the list) last of
    // the present's, before the deferred ones (loaded after a first start opens).
    const platformOrder = platformKit.demoOrder.map((m) => m.name);
    const present = platformKit.demoOrder.filter((m) => !m.demo?.deferred).length;
    expect(kit.demoOrder.map((m) => m.name)).toEqual([
      ...platformOrder.slice(0, present),
      'tally',
      ...platformOrder.slice(present),
    ]);
    expect(seeded.tallyMarks).toBe(grids);
    const [row] = await t.db.select({ n: count() }).from(tallyMarks);
    expect(row!.n).toBe(grids);
    expect(kit.maintainedTables).toContain('tally_marks');
  });

  it('serves its route behind its permission, within the caller’s scope', async () => {
    const admin = await t.login(DEMO_ACCOUNT.county_admin);
    const grid = await t.login(DEMO_ACCOUNT.grid_worker);
    const resident = await t.login(DEMO_ACCOUNT.resident);
    expect((await t.request('GET', '/api/v1/tally/marks')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/tally/marks', { cookie: resident })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/tally/marks', { cookie: admin })).json).toEqual({ total: grids });
    // The grid worker's scope is one grid: one demo mark.
    expect((await t.request('GET', '/api/v1/tally/marks', { cookie: grid })).json).toEqual({ total: 1 });
    const me = await t.request('GET', '/api/v1/me', { cookie: grid });
    expect(me.json.data.permissions).toContain('tally:read');
    expect(me.json.data.permissions).not.toContain('tally:write');
  });

  it('is in the OpenAPI document with its access', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    expect(doc.paths['/api/v1/tally/marks'].get['x-access']).toBe('tally:read');
    expect(doc.paths['/api/v1/tally/marks'].post['x-access']).toBe('tally:write');
    expect(doc.components.schemas.Figures.properties.tallyMarks).toBeDefined();
  });

  it('computes its figure with the others', async () => {
    const admin = await t.login(DEMO_ACCOUNT.county_admin);
    const figures = (await t.request('GET', '/api/v1/insights/figures', { cookie: admin })).json;
    expect(figures.tallyMarks).toBe(grids);
    expect(figures.grids).toBe(grids);
  });

  it('writes an audit row the audit page can name, runs its job, and answers its own error', async () => {
    const worker = await t.login(DEMO_ACCOUNT.community_worker);
    const admin = await t.login(DEMO_ACCOUNT.county_admin);
    const me = (await t.request('GET', '/api/v1/me', { cookie: worker })).json.data;
    const code = me.roles[0].territories[0].code as string;
    const made = await t.request('POST', '/api/v1/tally/marks', {
      cookie: worker,
      body: { code, note: 'x' },
    });
    expect(made.status).toBe(201);
    const again = await t.request('POST', '/api/v1/tally/marks', {
      cookie: worker,
      body: { code, note: 'x' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('TALLY_NOTE_TAKEN');
    const audit = await t.request('GET', '/api/v1/audit?action=tally.marked', { cookie: admin });
    expect(audit.json.data).toHaveLength(1);
    const labels = (await t.request('GET', '/api/v1/audit/labels', { cookie: admin })).json;
    expect(labels.actions['tally.marked']).toEqual({ zh: '做记号', en: 'Mark made' });
    expect(labels.entityTypes.tally_mark).toEqual({ zh: '记号', en: 'Mark' });
    await waitFor(async () => {
      const [row] = await t.db.select().from(tallyMarks).where(eq(tallyMarks.id, made.json.id));
      return row?.counted === true;
    }, 'the mark’s recount job');
  });
});

describe('the kit refuses a declaration that cannot work', () => {
  const tiny = (extra: Partial<ModuleDefinition>): ModuleDefinition => ({ name: 'tiny', ...extra });
  const refuses = (list: ModuleDefinition[], message: RegExp) =>
    expect(() => assembleKit([...modules, ...list])).toThrow(message);

  afterAll(() => assembleKit(modules)); // the platform's catalogue again for any later test in this file

  it('an unknown permission in a grant', () => {
    refuses([tiny({ grants: { grid_worker: ['tiny:fly'] } })], /grants unknown permission "tiny:fly"/);
  });
  it('a grant to an unknown role', () => {
    refuses(
      [
        tiny({
          permissions: { 'tiny:run': { zh: '跑', en: 'Run' } },
          grants: { mayor: ['tiny:run'] } as never,
        }),
      ],
      /unknown role "mayor"/,
    );
  });
  it('a permission declared twice', () => {
    refuses(
      [tiny({ permissions: { 'resident:read': { zh: 'x', en: 'x' } } })],
      /"resident:read" is declared by both/,
    );
  });
  it('a duplicate error code, also against the kernel’s', () => {
    refuses(
      [tiny({ errors: { codes: [{ code: 'IMPORT_NOT_READY', status: 409 }] } })],
      /already used by "registry"/,
    );
    refuses([tiny({ errors: { codes: [{ code: 'NOT_FOUND', status: 404 }] } })], /already used by "core"/);
  });
  it('a duplicate figure key', () => {
    refuses(
      [
        tiny({
          figures: [{ keys: { residents: { zh: 'x', en: 'x' } }, compute: () => Promise.resolve({}) }],
        }),
      ],
      /figure "residents" is computed by both "registry" and "tiny"/,
    );
  });
  it('an audit action declared twice', () => {
    refuses(
      [tiny({ audit: { actions: { 'resident.moved': { zh: 'x', en: 'x' } } } })],
      /"resident.moved" is declared twice/,
    );
  });
  it('a setting outside its module’s name, declared twice, or with a default its input refuses', () => {
    const setting = {
      key: 'tiny.limit',
      label: { zh: '上限', en: 'Limit' },
      input: { kind: 'integer' as const, min: 1, max: 10 },
      default: 5,
    };
    refuses([tiny({ settings: [{ ...setting, key: 'other.limit' }] })], /must start with "tiny\."/);
    refuses([tiny({ settings: [setting, setting] })], /"tiny.limit" is declared twice/);
    refuses([tiny({ settings: [{ ...setting, default: 11 }] })], /default its own input refuses/);
  });
  it('a module listed twice, or demo data depending on a cycle or an unknown module', () => {
    refuses([tiny({}), tiny({})], /"tiny" is listed twice/);
    const generate = () => Promise.resolve({});
    refuses(
      [
        { name: 'a', demo: { after: ['b'], generate } },
        { name: 'b', demo: { after: ['a'], generate } },
      ],
      /depends on itself: a → b → a/,
    );
    refuses([tiny({ demo: { after: ['nowhere'], generate } })], /unknown module "nowhere"/);
    // Deferred demo data (loaded after a first start opens) cannot be what the present's data is made from.
    refuses(
      [tiny({ demo: { after: ['rounds'], generate } })],
      /"tiny" generates demo data after "rounds", whose demo data is deferred/,
    );
    const order = assembleKit([
      ...modules,
      tiny({ demo: { after: ['rounds'], deferred: true, generate } }),
    ]).demoOrder.map((m) => m.name);
    expect(order.slice(-5)).toEqual(['duties', 'rounds', 'visitlogs', 'contacts', 'tiny']);
  });
  it('a route naming a permission nobody declared', () => {
    expect(() => route('tiny:fly', { method: 'get', path: '/tiny', responses: {} })).toThrow(
      /unknown permission "tiny:fly"/,
    );
  });
});
