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
});
