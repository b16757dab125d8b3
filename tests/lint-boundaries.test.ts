import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { wuweiImportRules } from '../eslint/import-rules.config.js';

/**
 * wuwei/boundaries and wuwei/no-cycle against tests/fixtures/lint/, a miniature of the project's layout,
 * wired exactly as eslint.config.js wires them (same blocks, root = the fixture folder, severity 'error').
 */
const fixtureRoot = path.resolve(import.meta.dirname, 'fixtures/lint');

type Found = { rule: string; id: string; message: string; line: number };
let byFile: Map<string, Found[]>;

beforeAll(async () => {
  const eslint = new ESLint({
    cwd: fixtureRoot,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      ...wuweiImportRules({ root: fixtureRoot }),
    ],
  });
  const results = await eslint.lintFiles(['src']);
  byFile = new Map(
    results.map((r) => [
      path.relative(fixtureRoot, r.filePath).split(path.sep).join('/'),
      r.messages.map((m) => ({
        rule: m.ruleId ?? 'fatal',
        id: m.messageId ?? '',
        message: m.message,
        line: m.line,
      })),
    ]),
  );
});

function found(file: string): Found[] {
  const list = byFile.get(file);
  if (!list) throw new Error(`${file} was not linted`);
  return list;
}

/** ruleId:messageId of every problem in a file, in order. */
function ids(file: string): string[] {
  return found(file).map((f) => `${f.rule}:${f.id}`);
}

describe('wuwei/boundaries', () => {
  it('fails a cross-module table import, value or type, and says so', () => {
    for (const file of ['src/server/modules/b/bad-table.ts', 'src/server/modules/b/bad-type-table.ts']) {
      expect(ids(file)).toEqual(['wuwei/boundaries:crossModuleTable']);
      const [problem] = found(file);
      expect(problem?.message).toContain('cross-module table import');
      expect(problem?.message).toContain('src/server/modules/a/a.tables.ts');
      expect(problem?.message).toContain('src/server/modules/a/a.public.ts instead');
    }
  });

  it("fails importing (or re-exporting) another module's non-public file", () => {
    expect(ids('src/server/modules/b/bad-private.ts')).toEqual(['wuwei/boundaries:crossModulePrivate']);
    expect(found('src/server/modules/b/bad-private.ts')[0]?.message).toContain(
      "Import the other module's a.public.ts",
    );
  });

  it("passes importing another module's <name>.public.ts", () => {
    expect(ids('src/server/modules/b/b.service.ts')).toEqual([]);
    expect(ids('src/server/modules/b/b.public.ts')).toEqual([]);
  });

  it('fails a module importing the app assembly', () => {
    expect(ids('src/server/modules/b/bad-assembly.ts')).toEqual(['wuwei/boundaries:moduleForbidden']);
  });

  it('fails core importing a module, src/server/modules.ts or app.ts', () => {
    expect(ids('src/server/core/bad-imports-module.ts')).toEqual(['wuwei/boundaries:coreImportsOutward']);
    expect(ids('src/server/core/bad-imports-assembly.ts')).toEqual([
      'wuwei/boundaries:coreImportsOutward',
      'wuwei/boundaries:coreImportsOutward',
    ]);
  });

  it('fails web importing server or demo code, type-only and dynamic imports included, tests too', () => {
    for (const file of [
      'src/web/bad-server.ts',
      'src/web/bad-core.ts',
      'src/web/bad-demo.ts',
      'src/web/bad-dynamic.ts',
      'src/web/bad.test.ts',
    ]) {
      expect(ids(file), file).toEqual(['wuwei/boundaries:webImportsServer']);
    }
    expect(found('src/web/bad-server.ts')[0]?.message).toContain('src/web/api/');
  });

  it('lets tests inside core and modules, the assembly and the demo import across modules', () => {
    for (const file of [
      'src/server/core/core.test.ts',
      'src/server/modules/b/b.test.ts',
      'src/server/modules.ts',
      'src/server/app.ts',
      'src/demo/seed.ts',
    ]) {
      expect(ids(file), file).toEqual([]);
    }
  });
});

describe('wuwei/no-cycle', () => {
  it('fails a two-file cycle where one edge is `import type`, on both edges, naming the files', () => {
    expect(ids('src/cycles/two/x.ts')).toEqual(['wuwei/no-cycle:cycle']);
    expect(ids('src/cycles/two/y.ts')).toEqual(['wuwei/no-cycle:cycle']);
    expect(found('src/cycles/two/x.ts')[0]?.message).toContain(
      'Import cycle: src/cycles/two/x.ts → src/cycles/two/y.ts → src/cycles/two/x.ts.',
    );
    expect(found('src/cycles/two/y.ts')[0]?.line).toBe(1);
  });

  it('fails a cycle made only of `import type` edges, and says they are all type-only', () => {
    expect(ids('src/cycles/type-only/m.ts')).toEqual(['wuwei/no-cycle:cycle']);
    expect(ids('src/cycles/type-only/n.ts')).toEqual(['wuwei/no-cycle:cycle']);
    expect(found('src/cycles/type-only/m.ts')[0]?.message).toContain('every edge is `import type`');
    expect(found('src/cycles/two/x.ts')[0]?.message).not.toContain('every edge is `import type`');
  });

  it('fails a three-file cycle closed by an `export … from`', () => {
    for (const file of ['src/cycles/three/p.ts', 'src/cycles/three/q.ts', 'src/cycles/three/r.ts']) {
      expect(ids(file), file).toEqual(['wuwei/no-cycle:cycle']);
    }
    expect(found('src/cycles/three/r.ts')[0]?.message).toContain(
      'src/cycles/three/r.ts → src/cycles/three/p.ts → src/cycles/three/q.ts → src/cycles/three/r.ts',
    );
  });

  it('passes a diamond, a file importing a cyclic one, and a dynamic import back', () => {
    for (const file of [
      'src/cycles/clean/top.ts',
      'src/cycles/clean/left.ts',
      'src/cycles/clean/right.ts',
      'src/cycles/clean/base.ts',
    ]) {
      expect(ids(file), file).toEqual([]);
    }
  });
});

it('reports nothing else: every fixture not named bad-* or on a cycle lints clean', () => {
  const expectedDirty = new Set([
    'src/server/modules/b/bad-table.ts',
    'src/server/modules/b/bad-type-table.ts',
    'src/server/modules/b/bad-private.ts',
    'src/server/modules/b/bad-assembly.ts',
    'src/server/core/bad-imports-module.ts',
    'src/server/core/bad-imports-assembly.ts',
    'src/web/bad-server.ts',
    'src/web/bad-core.ts',
    'src/web/bad-demo.ts',
    'src/web/bad-dynamic.ts',
    'src/web/bad.test.ts',
    'src/cycles/two/x.ts',
    'src/cycles/two/y.ts',
    'src/cycles/type-only/m.ts',
    'src/cycles/type-only/n.ts',
    'src/cycles/three/p.ts',
    'src/cycles/three/q.ts',
    'src/cycles/three/r.ts',
  ]);
  const dirty = [...byFile].filter(([, list]) => list.length > 0).map(([file]) => file);
  expect(new Set(dirty)).toEqual(expectedDirty);
  expect(byFile.size).toBeGreaterThan(expectedDirty.size + 10);
});
