import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The audit page names every action and entity type the server writes, in both languages. Until the module kit
 * serves these labels from the server, this test reads the server's source for the codes it writes.
 */
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

const server = sourceFiles(path.join(root, 'src/server'))
  .map((file) => fs.readFileSync(file, 'utf8'))
  .join('\n');
const written = (pattern: RegExp) => [...new Set([...server.matchAll(pattern)].map((m) => m[1]!))].sort();
const actions = written(/action:\s*'([a-z_]+\.[a-z_]+)'/g);
const entityTypes = written(/entityType:\s*'([a-z_]+)'/g);
const webApi = fs.readFileSync(path.join(root, 'src/web/features/audit/api.ts'), 'utf8');
// Both languages' texts of the audit feature are in its messages.ts.
const locales = [fs.readFileSync(path.join(root, 'src/web/features/audit/messages.ts'), 'utf8')];

describe('audit labels', () => {
  it('finds the codes the server writes', () => {
    expect(actions).toContain('user.created');
    expect(actions).toContain('resident.moved');
    expect(entityTypes).toContain('resident');
  });

  it.each(actions)('action %s is offered by the audit page and named in both languages', (action) => {
    expect(webApi).toContain(`'${action}'`);
    for (const locale of locales) expect(locale).toContain(`'auditAction.${action}':`);
  });

  it.each(entityTypes)('entity type %s is offered and named in both languages', (type) => {
    expect(webApi).toContain(`'${type}'`);
    for (const locale of locales) expect(locale).toContain(`'entityType.${type}':`);
  });
});
