import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kit } from '../src/server/modules.ts';

/**
 * Every action and entity type the server writes is declared by a module with its names in both languages (the kit
 * serves them at GET /audit/labels for the audit page). The codes written are read from the server's source.
 */
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

const server = [...sourceFiles(path.join(root, 'src/server')), ...sourceFiles(path.join(root, 'src/demo'))]
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');
const written = (pattern: RegExp) => [...new Set([...server.matchAll(pattern)].map((m) => m[1]!))].sort();
const actions = written(/action:\s*'([a-z_]+\.[a-z_]+)'/g);
const entityTypes = written(/entityType:\s*'([a-z_]+)'/g);
/**
 * The top-level keys of an object literal starting at `text[start]` ('{'); spreads and computed keys are skipped.
 */
function literalKeys(text: string, start: number): string[] {
  const keys: string[] = [];
  const key = /^[{,]\s*([A-Za-z_$][\w$]*)\s*(?=[:,}])/;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if ('{(['.includes(ch)) depth += 1;
    else if ('})]'.includes(ch)) {
      depth -= 1;
      if (depth === 0) break;
      continue;
    }
    if (depth === 1 && (ch === '{' || ch === ',')) {
      const match = key.exec(text.slice(i, i + 80));
      if (match) keys.push(match[1]!);
    }
  }
  return keys;
}

/**
 * The fields of changes the source writes as object literals (`changes: { … }`, `changedFields(before, { … })`),
 * each with the entity type of the nearest `entityType` before it. Changes built elsewhere (`changes: row`, a
 * `before`/`after` pair) are not seen here; the server test of the audit page reads a written demo row instead.
 */
const changedFieldsWritten = [
  ...server.matchAll(/changes:\s*\{|changedFields\(\s*(?:null|[\w.]+),\s*\{/g),
].flatMap((match) => {
  const before = server.slice(Math.max(0, match.index - 400), match.index);
  const entityType = [...before.matchAll(/entityType:\s*'([a-z_]+)'/g)].pop()?.[1] ?? '';
  return literalKeys(server, match.index + match[0].length - 1).map((field) => ({ entityType, field }));
});

describe('audit labels', () => {
  it('finds the codes the server writes', () => {
    expect(actions).toContain('user.created');
    expect(actions).toContain('resident.moved');
    expect(entityTypes).toContain('resident');
  });

  it.each(actions)('action %s is declared by a module and named in both languages', (action) => {
    const label = kit.auditLabels.actions[action];
    expect(label?.zh).toMatch(/\p{Script=Han}/u);
    expect(label?.en).toMatch(/^[A-Z]/);
  });

  it.each(entityTypes)('entity type %s is declared by a module and named in both languages', (type) => {
    const label = kit.auditLabels.entityTypes[type];
    expect(label?.zh).toMatch(/\p{Script=Han}/u);
    expect(label?.en).toMatch(/^[A-Z]/);
  });

  it('declares nothing the server never writes', () => {
    // Written through a condition: `user.${status}`, linked or unlinked.
    const dynamic = [
      'user.disabled',
      'user.enabled',
      'user.updated',
      'person.account_linked',
      'person.account_unlinked',
    ];
    expect(
      Object.keys(kit.auditLabels.actions).filter((a) => !actions.includes(a) && !dynamic.includes(a)),
    ).toEqual([]);
    expect(Object.keys(kit.auditLabels.entityTypes).filter((t) => !entityTypes.includes(t))).toEqual([]);
  });

  it('finds the fields the source writes into changes', () => {
    const fields = changedFieldsWritten.map((f) => f.field);
    expect(fields).toContain('householdId');
    expect(fields).toContain('idCard');
    expect(fields).toContain('endsOn');
  });

  it.each([...new Set(changedFieldsWritten.map((f) => `${f.entityType}.${f.field}`))].sort())(
    'field %s of changes is named by a module in both languages',
    (key) => {
      const [entityType, field] = key.split('.') as [string, string];
      const label = kit.audit.entityFields[entityType]?.[field] ?? kit.audit.fields[field];
      expect(label?.zh).toMatch(/\p{Script=Han}/u);
      expect(label?.en).toMatch(/^[A-Z]/);
    },
  );

  it('names every system actor the source writes (an actor with no account)', () => {
    const systemActors = written(/userId:\s*null,\s*name:\s*'([^']+)'/g);
    expect(systemActors).toContain('leaders.remind');
    for (const name of systemActors) expect(kit.audit.systemActors[name]?.zh, name).toMatch(/^系统/);
  });

  it('can name an object of every entity type the modules write', () => {
    // Every declared entity type has a namer, so the audit page names its objects.
    expect(Object.keys(kit.auditLabels.entityTypes).filter((type) => !kit.audit.names[type])).toEqual([]);
  });
});
