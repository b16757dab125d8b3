/**
 * Hostile input, generated from the OpenAPI document: every operation, every path and query parameter and every
 * JSON body field (nested objects and arrays included) gets hostile values. For each request: no 5xx; an error has
 * the catalogue's shape; a value that can never be valid is refused; and nothing in the database changes.
 *
 * Values that are legitimately valid in a search (`%`, `'`, a far-past date) may answer 2xx; bodies only get values
 * that no write may accept, so every write must be refused. Sign-out is sent without a session (it would end the
 * admin's); sign-in only gets values refused before any password check (failures would throttle the run).
 */
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from './support/second-handle.ts';
import { createTestApp } from './support/test-app.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maxItems?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: unknown;
  example?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** A hostile value; `refuse` means no answer but a 4xx is acceptable. */
type Hostile = { label: string; value: unknown; refuse: boolean };

const MB = 'x'.repeat(1 << 20);

/** Text that no field may hold, whatever it is. */
const badText: Hostile[] = [
  { label: 'NUL', value: 'a\u0000b', refuse: true },
  { label: 'C0 control (ESC)', value: 'a\u001bb', refuse: true },
  { label: 'lone high surrogate', value: 'a\ud800b', refuse: true },
  { label: 'lone low surrogate', value: '\udc00', refuse: true },
  { label: 'U+10FFFF', value: '\u{10FFFF}', refuse: true },
  { label: 'U+FFFE', value: '王\ufffe', refuse: true },
];
/** Text that is only text: a search for it may succeed (and find nothing). */
const metaText: Hostile[] = ["'", '%', '_', '\\', "'; drop table users; --", '𠀀'].map((value) => ({
  label: `text ${value}`,
  value,
  refuse: false,
}));
const extremeNumbers: Hostile[] = [
  { label: '1e308', value: 1e308, refuse: true },
  { label: '2^63', value: 2 ** 63, refuse: true },
  { label: '-1', value: -1, refuse: false },
  { label: 'NaN as text', value: 'NaN', refuse: true },
  { label: '1.5', value: 1.5, refuse: true },
];
const extremeDates: Hostile[] = [
  { label: 'year 1', value: '0001-01-01', refuse: false },
  { label: 'year 9999', value: '9999-12-31', refuse: false },
  { label: 'year 99999', value: '99999-01-01', refuse: true },
  { label: '30 February', value: '2026-02-30', refuse: true },
];
const hostileIds: Hostile[] = [
  { label: 'not a uuid', value: 'not-a-uuid', refuse: true },
  { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000', refuse: false },
  { label: 'max uuid', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff', refuse: false },
  { label: 'unknown v7 uuid', value: '01900000-0000-7000-8000-000000000000', refuse: false },
  { label: 'dot dot', value: '..', refuse: false },
  { label: 'id with SQL', value: "1' or '1'='1", refuse: true },
];

/** Percent-encodes text for a URL; a lone surrogate becomes its (invalid) 3-byte UTF-8 form, as a raw client sends. */
function encode(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => '%' + b.toString(16).toUpperCase())
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const t = await createTestApp();
afterAll(() => t.close());
let cookie = await t.login('admin');
const document = (await t.request('GET', '/api/openapi.json')).json as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

function resolve(schema: Schema): Schema {
  let s = schema;
  while (s.$ref) s = document.components.schemas[s.$ref.replace('#/components/schemas/', '')]!;
  if (s.anyOf) return resolve(s.anyOf[0]!);
  if (s.oneOf) return resolve(s.oneOf[0]!);
  return s;
}

function typesOf(schema: Schema): string[] {
  const s = resolve(schema);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return nullable(schema) ? [...types, 'null'] : types;
}

/** Whether null is a valid value: `type: [.., 'null']` or a `{ type: 'null' }` alternative of anyOf/oneOf. */
function nullable(schema: Schema): boolean {
  let s = schema;
  while (s.$ref) s = document.components.schemas[s.$ref.replace('#/components/schemas/', '')]!;
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null'))) return true;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some((alternative) => nullable(alternative));
}

// Real ids, so that a hostile value in one field is met with everything else valid.
async function firstId(url: string): Promise<string> {
  const response = await t.request('GET', url, { cookie });
  const id = response.json?.data?.[0]?.id ?? response.json?.[0]?.id;
  if (typeof id !== 'string') throw new Error(`no id from ${url}: ${response.text.slice(0, 200)}`);
  return id;
}
const grid = await firstId('/api/v1/territories?level=grid&pageSize=1');
const ids: Record<string, string> = {
  territories: grid,
  residents: await firstId('/api/v1/residents?pageSize=1'),
  households: await firstId('/api/v1/households?pageSize=1'),
  buildings: await firstId('/api/v1/buildings?pageSize=1'),
  accounts: await firstId('/api/v1/accounts?q=grid&pageSize=1'),
  rounds: await firstId('/api/v1/rounds?status=open'),
  'visit-logs': await firstId('/api/v1/visit-logs?pageSize=1'),
  imports: '01900000-0000-7000-8000-000000000000',
};
// An import to commit, discard or report on: the empty template, uploaded.
{
  const template = await t.app.request('/api/v1/registry/import-template', { headers: { cookie } });
  const form = new FormData();
  form.append('file', new Blob([await template.arrayBuffer()]), 'template.xlsx');
  const upload = await t.app.request('/api/v1/registry/imports', {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  const body = (await upload.json()) as { data?: { id?: string } };
  if (!body.data?.id) throw new Error(`template upload: ${upload.status} ${JSON.stringify(body)}`);
  ids.imports = body.data.id;
}

/** The real id a path of this operation needs, by the collection it names. */
function pathId(path: string): string {
  if (path.includes('/registry/imports')) return ids.imports!;
  const collection = path.split('/')[3]!;
  return ids[collection] ?? '01900000-0000-7000-8000-000000000000';
}

/** A real id for a uuid body field, by its name. */
function fieldId(name: string): string {
  if (/household/i.test(name)) return ids.households!;
  if (/building/i.test(name)) return ids.buildings!;
  if (/resident/i.test(name)) return ids.residents!;
  return grid;
}

/** A valid-looking value for a schema: required properties only, the least value of each. */
function baseValue(schema: Schema, name = ''): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  const type = typesOf(s)[0] ?? 'null';
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = baseValue(s.properties![key]!, key);
      return out;
    }
    case 'array':
      if (s.prefixItems) return s.prefixItems.map((item) => baseValue(item));
      return Array.from({ length: s.minItems ?? 0 }, () => baseValue(s.items!));
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'uuid') return fieldId(name);
      if (s.format === 'date') return '2000-01-01';
      if (/password/i.test(name)) return 'Hostile-pass-1';
      if (name === 'room') return '101';
      return 'x';
    default:
      return null;
  }
}

/** The hostile values for one body field: only values no write may accept. */
function bodyValues(schema: Schema): Hostile[] {
  const s = resolve(schema);
  const types = typesOf(schema);
  const out: Hostile[] = [];
  const refuse = (label: string, value: unknown) => out.push({ label, value, refuse: true });
  if (!types.includes('null')) refuse('null', null);
  if (types.includes('string') || s.enum) {
    out.push(...badText, { label: '1 MB', value: MB, refuse: true });
    refuse('number for text', 12345);
    refuse('object for text', { a: 1 });
    if (s.enum) refuse('unknown choice', 'no-such-choice');
    if (s.format === 'date') {
      refuse('year 1', '0001-01-01');
      refuse('year 9999', '9999-12-31');
      refuse('year 99999', '99999-01-01');
    }
  }
  if (types.includes('integer') || types.includes('number')) {
    refuse('1e308', 1e308);
    refuse('2^63', 2 ** 63);
    refuse('NaN as text', 'NaN');
    refuse('number as text', '1');
    if ((s.minimum ?? -Infinity) > -1) refuse('-1', -1);
    if (types.includes('integer')) refuse('1.5', 1.5);
  }
  if (types.includes('boolean')) refuse('text for boolean', 'true');
  if (types.includes('array')) {
    refuse('object for array', { 0: 'x' });
    refuse('text for array', 'x');
    if (s.maxItems !== undefined && s.maxItems <= 1000) {
      refuse(
        `${s.maxItems + 1} items`,
        Array.from({ length: s.maxItems + 1 }, () => baseValue(s.items!)),
      );
    }
  }
  if (types.includes('object')) {
    refuse('array for object', []);
    refuse('text for object', 'x');
  }
  return out;
}

/** Every field of a body schema, nested ones included, with the base body to put its hostile values into. */
function bodyFields(schema: Schema, base: unknown, path: (string | number)[] = [], depth = 0) {
  const fields: { path: (string | number)[]; schema: Schema; base: unknown }[] = [];
  const s = resolve(schema);
  if (depth > 5) return fields;
  const types = typesOf(schema);
  if (types.includes('object') && s.properties) {
    for (const [key, property] of Object.entries(s.properties)) {
      const withField = structuredClone(base) as Record<string, unknown>;
      let at = withField;
      for (const part of path) at = at[part] as Record<string, unknown>;
      at[key] ??= baseValue(property, key);
      fields.push({ path: [...path, key], schema: property, base: withField });
      fields.push(...bodyFields(property, withField, [...path, key], depth + 1));
    }
  } else if (types.includes('array') && (s.items || s.prefixItems)) {
    const item = s.prefixItems?.[0] ?? s.items!;
    const withItem = structuredClone(base) as Record<string, unknown>;
    let at = withItem as Record<string | number, unknown>;
    for (const part of path.slice(0, -1)) at = at[part] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    const array = (at[last] as unknown[] | undefined) ?? [];
    if (array.length === 0) array.push(baseValue(item));
    at[last] = array;
    fields.push({ path: [...path, 0], schema: item, base: withItem });
    fields.push(...bodyFields(item, withItem, [...path, 0], depth + 1));
  }
  return fields;
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const part of path.slice(0, -1)) at = at[part] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

/** Something every write changes: audit rows, data and grid versions, row counts of the main tables. */
async function snapshot() {
  const result = await t.db.execute(sql`select
    (select count(*) from audit_log)::int as audit,
    (select coalesce(sum(version), 0) from data_versions)::text as data_versions,
    (select coalesce(sum(version), 0) from grid_versions)::text as grid_versions,
    (select count(*) from users)::int as users,
    (select count(*) from role_assignments)::int as roles,
    (select count(*) from sessions where revoked_at is null)::int as sessions,
    (select count(*) from login_failures)::int as login_failures,
    (select count(*) from territories)::int as territories,
    (select count(*) from residents)::int as residents,
    (select count(*) from households)::int as households,
    (select count(*) from buildings)::int as buildings,
    (select count(*) from registry_history)::int as history,
    (select count(*) from registry_imports)::int as imports,
    (select count(*) from persons)::int as persons,
    (select max(updated_at)::text from persons) as persons_changed,
    (select count(*) from leader_terms)::int as leader_terms,
    (select max(updated_at)::text from leader_terms) as leader_terms_changed,
    (select count(*) from building_chats)::int as building_chats,
    (select max(updated_at)::text from building_chats) as building_chats_changed,
    (select count(*) from party_orgs)::int as party_orgs,
    (select max(updated_at)::text from party_orgs) as party_orgs_changed,
    (select count(*) from party_org_places)::int as party_org_places,
    (select count(*) from party_members)::int as party_members,
    (select max(updated_at)::text from party_members) as party_members_changed,
    (select count(*) from party_secretaries)::int as party_secretaries,
    (select count(*) from alliance_units)::int as alliance_units,
    (select count(*) from work_units)::int as work_units,
    (select count(*) from party_registrations)::int as party_registrations,
    (select max(updated_at)::text from party_registrations) as party_registrations_changed,
    (select count(*)::text || coalesce(max(updated_at)::text, '') from grid_workers) as grid_workers,
    (select count(*)::text || coalesce(max(updated_at)::text, '') from volunteers) as volunteers,
    (select count(*)::text from volunteer_teams) as volunteer_teams,
    (select count(*)::text || count(ends_on)::text from volunteer_team_members) as volunteer_team_members,
    (select count(*)::text || count(closed_at)::text from rounds) as rounds,
    (select count(*)::text from round_households) as round_households,
    (select coalesce(sum(visited + covered), 0)::text from round_grids) as round_grids,
    (select count(*)::text from round_visits) as round_visits,
    (select count(*)::text || coalesce(max(created_at)::text, '') from round_visit_photos) as round_visit_photos,
    (select count(*)::text || coalesce(max(created_at)::text, '') from duty_task_photos) as duty_task_photos,
    (select coalesce(sum(visits), 0)::text from round_visitors) as round_visitors,
    (select count(*)::text || coalesce(max(updated_at)::text, '') from visit_logs) as visit_logs,
    (select count(*)::text from visit_log_comments) as visit_log_comments,
    (select count(*)::text || coalesce(max(updated_at)::text, '') from duty_items) as duty_items,
    (select count(*)::text || count(done_at)::text from duty_tasks) as duty_tasks,
    (select count(*)::text from duty_task_assignees) as duty_task_assignees,
    (select count(*)::text || count(ends_on)::text from central_households) as central_households,
    (select count(*)::text || count(ends_on)::text from contact_assignments) as contact_assignments,
    (select count(*)::text || coalesce(max(updated_at)::text, '') from contact_community_settings) as contact_settings,
    (select count(*)::text || coalesce(max(updated_at)::text, '') || count(applied_at)::text from planner_proposals) as planner_proposals,
    (select count(*)::text from planner_barriers) as planner_barriers,
    (select max(updated_at)::text || max(password_changed_at)::text from users) as users_changed`);
  return rowsOf(result)[0] as { audit: number } & Record<string, unknown>;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

type Sent = { operation: string; method: string; url: string; label: string; refuse: boolean };
const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);
const exercised = new Set<string>();
let requests = 0;

/** Sends one request and returns what is wrong with its answer (nothing, mostly). */
async function check(
  sent: Sent,
  options: { body?: string; contentType?: string; signedIn?: boolean },
): Promise<string | null> {
  exercised.add(sent.operation);
  requests++;
  const headers: Record<string, string> = {};
  if (options.signedIn !== false) headers.cookie = cookie;
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await t.app.request(sent.url, {
    method: sent.method,
    headers,
    body: options.body,
  });
  const text = await response.text();
  const where = `${sent.method} ${sent.url.slice(0, 120)} [${sent.label}]`;
  if (response.status >= 500) return `${where}: ${response.status} ${text.slice(0, 200)}`;
  if (response.status >= 400) {
    const json = (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })();
    const e = json?.error;
    if (
      !e ||
      typeof e.code !== 'string' ||
      typeof e.message !== 'string' ||
      !Array.isArray(e.details) ||
      typeof e.requestId !== 'string'
    ) {
      return `${where}: ${response.status} not the catalogue's error shape: ${text.slice(0, 200)}`;
    }
  } else if (sent.refuse) {
    return `${where}: answered ${response.status}, must be refused`;
  }
  return null;
}

function urlOf(path: string, pathValue: string, query = ''): string {
  return path.replace(/\{[^}]+\}/g, pathValue) + (query ? `?${query}` : '');
}

/**
 * Reads whose every success appends an audit row (an export of personal data is audited): their rows must all be
 * of that action; the rest of the snapshot must not move.
 */
const auditedReads: Record<string, string> = { 'POST /api/v1/residents/exports': 'resident.exported' };

/**
 * 5xx answers owned by the spreadsheet import (registry-import.*), reported there and not fixed in this test's
 * change: listed so the run stays green for everything else. Delete an entry when its fix lands.
 */

const signedOut = (method: string, path: string) => method === 'POST' && path.endsWith('/auth/logout');
const isUpload = (method: string, path: string) => method === 'POST' && path.endsWith('/registry/imports');
/** Photo uploads and the field naming what the photo belongs to. */
const photoUploads: Record<string, string> = {
  '/rounds/visit-photos': 'visitId',
  '/duties/task-photos': 'taskId',
};
const photoOwnerField = (method: string, path: string) =>
  method === 'POST' ? Object.entries(photoUploads).find(([end]) => path.endsWith(end))?.[1] : undefined;

describe('hostile input to every operation of the OpenAPI document', () => {
  it('the document has operations, and every one gets a group below', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  for (const { method, path, op } of operations) {
    const operation = `${method} ${path}`;
    it(
      operation,
      async () => {
        const problems: string[] = [];
        const before = await snapshot();
        const signedIn = !signedOut(method, path);
        const params = op.parameters ?? [];
        const jsonBody = op.requestBody?.content['application/json']?.schema;
        const root = jsonBody ? baseValue(jsonBody) : undefined;
        const base = jsonBody ? JSON.stringify(root) : undefined;
        const realId = encode(pathId(path));
        const send = async (
          url: string,
          label: string,
          refuse: boolean,
          body = base,
          contentType?: string,
        ) => {
          const problem = await check(
            { operation, method, url, label, refuse },
            { body, contentType, signedIn },
          );
          if (problem) problems.push(problem);
        };

        // Path parameters: hostile ids and text (a uuid parameter refuses any text).
        for (const param of params.filter((p) => p.in === 'path')) {
          const uuid = resolve(param.schema).format === 'uuid';
          for (const h of [...hostileIds, ...badText, ...metaText]) {
            const url = urlOf(path, encode(String(h.value)));
            await send(url, `path ${param.name}: ${h.label}`, h.refuse || (uuid && metaText.includes(h)));
          }
        }
        // Query parameters, one at a time, the others absent.
        for (const param of params.filter((p) => p.in === 'query')) {
          const s = resolve(param.schema);
          const types = typesOf(param.schema);
          const values: Hostile[] = [...badText, { label: '1 MB', value: MB, refuse: false }];
          if (s.format === 'uuid') {
            values.push(...hostileIds, ...metaText.map((h) => ({ ...h, refuse: true })));
          } else if (types.includes('integer') || types.includes('number')) values.push(...extremeNumbers);
          else if (s.format === 'date' || s.format === 'date-time') values.push(...extremeDates);
          else values.push(...metaText);
          if (s.enum) values.push({ label: 'unknown choice', value: 'no-such-choice', refuse: true });
          for (const h of values) {
            const query = `${encode(param.name)}=${encode(String(h.value))}`;
            await send(urlOf(path, realId, query), `query ${param.name}: ${h.label}`, h.refuse);
          }
          const twice = `${param.name}=1&${param.name}=2`;
          await send(urlOf(path, realId, twice), `query ${param.name} twice`, false);
        }
        // Every operation: hostile unknown query parameters and malformed percent-encoding.
        for (const [label, query] of [
          ['a parameter named NUL', '%00=1'],
          ['a parameter holding NUL', 'hostile=%00'],
          ['a parameter holding U+FFFF', 'hostile=%EF%BF%BF'],
          ['invalid UTF-8 in a parameter', 'hostile=%FF%FE'],
          ['truncated UTF-8 in a parameter', 'hostile=%E4%B8'],
        ] as const) {
          await send(urlOf(path, realId, query), label, true);
        }
        // JSON bodies: each field (nested ones too) with values no write may accept, then hostile whole bodies.
        if (jsonBody) {
          for (const field of bodyFields(jsonBody, root)) {
            for (const h of bodyValues(field.schema)) {
              const body = JSON.stringify(withValue(field.base, field.path, h.value));
              await send(urlOf(path, realId), `body ${field.path.join('.')}: ${h.label}`, true, body);
            }
          }
          const wholeBodies: [string, string, string?][] = [
            ['10,000 levels of arrays', '['.repeat(10_000) + ']'.repeat(10_000)],
            ['10,000 levels of objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
            ['null', 'null'],
            ['an array', '[]'],
            ['text', '"x"'],
            ['a number', '1e308'],
            ['malformed', '{"a":'],
            ['empty', ''],
            ['a key holding NUL', JSON.stringify({ ...(root as object), '\u0000': 1 })],
            ['a key holding a lone surrogate', JSON.stringify({ ...(root as object), '\ud800': 1 })],
            ['a raw NUL byte in a key', '{"x\u0000":1}'],
            ['a raw DEL and C1 control', JSON.stringify({ ...(root as object), x: '\u007f\u0085' })],
            ['JSON sent as text/plain', base!, 'text/plain'],
            ['JSON sent as a form', base!, 'application/x-www-form-urlencoded'],
          ];
          for (const [label, body, contentType] of wholeBodies) {
            await send(urlOf(path, realId), `whole body: ${label}`, true, body, contentType);
          }
        }
        // Uploads: a few hostile multipart bodies (the import's own checks are tested with the import).
        if (isUpload(method, path)) {
          const forms: [string, () => FormData][] = [
            ['garbage bytes', () => fileForm(new Uint8Array([0, 1, 2, 0xff, 0xfe]), 'a.xlsx')],
            ['an empty file', () => fileForm(new Uint8Array(), 'a.xlsx')],
            ['a file name holding NUL', () => fileForm(new Uint8Array([0x50, 0x4b, 3, 4]), 'a\u0000.xlsx')],
            ['the file as a text field', () => textForm('file', 'not a file')],
            ['no file field', () => textForm('other', 'x')],
          ];
          for (const [label, make] of forms) {
            const problem = await upload(operation, path, label, make());
            if (problem) problems.push(problem);
          }
          const truncated = '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc';
          const problem = await upload(
            operation,
            path,
            'truncated',
            truncated,
            'multipart/form-data; boundary=x',
          );
          if (problem) problems.push(problem);
        }

        // A visit's photo: hostile images and fields (the checks themselves: rounds.photos.test.ts).
        const ownerField = photoOwnerField(method, path);
        if (ownerField) {
          const photoForm = (visitId: string, bytes: Uint8Array<ArrayBuffer>, name = 'p.jpg') => {
            const form = new FormData();
            form.append(ownerField, visitId);
            form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), name);
            return form;
          };
          const someVisit = '01900000-0000-7000-8000-0000000000aa';
          const forms: [string, () => FormData][] = [
            ['garbage bytes', () => photoForm(someVisit, new Uint8Array([0, 1, 2, 0xff, 0xfe]))],
            ['a truncated JPEG', () => photoForm(someVisit, new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff]))],
            ['an SVG named .jpg', () => photoForm(someVisit, new TextEncoder().encode('<svg onload=x>'))],
            ['an empty file', () => photoForm(someVisit, new Uint8Array())],
            ['a visit id that is no UUID', () => photoForm('../../etc', new Uint8Array([0xff, 0xd8]))],
            ['a visit id holding NUL', () => photoForm('a\u0000', new Uint8Array([0xff, 0xd8]))],
            ['the photo as a text field', () => textForm('photo', 'not a file')],
          ];
          for (const [label, make] of forms) {
            const problem = await upload(operation, path, label, make());
            if (problem) problems.push(problem);
          }
        }

        expect(problems).toEqual([]);
        // An export accepted runs as a job that audits when done: wait for every one, or its audit row would land in
        // a later operation's comparison.
        if (auditedReads[operation]) {
          await waitFor(
            async () => {
              const open = await t.db.execute(
                sql`select count(*)::int as n from registry_exports where status in ('queued', 'running')`,
              );
              return rowsOf(open)[0]!.n === 0;
              // Each hostile value accepted is a whole export job (a worker thread each): on a loaded machine they take
              // well over the default 15 s together.
            },
            'accepted exports to finish',
            90_000,
          );
        }
        // An upload that is refused only later (a bad workbook) leaves a failed import behind: that is its record.
        const after = await snapshot();
        const audited = auditedReads[operation];
        if (audited) {
          const added = await t.db.execute(
            sql`select action from audit_log order by at desc, id desc limit ${after.audit - before.audit}`,
          );
          for (const row of rowsOf(added)) expect(row.action).toBe(audited);
          expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
        } else if (!isUpload(method, path)) expect(after).toEqual(before);
        // The admin's session survives everything above, or the rest of the run would test sign-in only.
        if ((await t.request('GET', '/api/v1/me', { cookie })).status !== 200) {
          cookie = await t.login('admin');
        }
      },
      150_000,
    );
  }

  it('every operation of the document was exercised', () => {
    expect([...exercised].sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    expect(requests).toBeGreaterThan(operations.length * 10);
    console.info(`hostile input: ${operations.length} operations, ${requests} requests`);
  });
});

/** Sends a multipart upload; only a 5xx is a problem here. */
async function upload(
  operation: string,
  path: string,
  label: string,
  body: FormData | string,
  type?: string,
) {
  exercised.add(operation);
  requests++;
  const headers: Record<string, string> = { cookie };
  if (type) headers['content-type'] = type;
  const response = await t.app.request(path, { method: 'POST', body, headers });
  return response.status >= 500 ? `POST ${path} [multipart: ${label}]: ${response.status}` : null;
}

function fileForm(bytes: Uint8Array<ArrayBuffer>, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return form;
}
function textForm(name: string, value: string): FormData {
  const form = new FormData();
  form.append(name, value);
  return form;
}
