// @ts-check
/**
 * Wuwei's local ESLint plugin: the architecture's import boundaries and a ban on import cycles.
 * Plain ESM JavaScript so ESLint loads it without a build step. docs/lint-boundaries.md describes the rules.
 *
 *   wuwei/boundaries — who may import whom (core / modules / assembly / web / demo).
 *   wuwei/no-cycle   — no import cycle, `import type` and `export … from` edges included.
 *
 * Paths are classified relative to a project root (rule option `root`, default: ESLint's cwd), so the
 * fixtures under tests/fixtures/lint/ are checked exactly like the real tree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// require(), not import: typescript-eslint already loaded it as CommonJS, and an ESM import of the 9 MB
// file would make Node lex it again for named exports (~1 s).
/** @type {typeof import('typescript')} */
const ts = createRequire(import.meta.url)('typescript');

// ---------------------------------------------------------------------------------------------------------
// Resolving specifiers
// ---------------------------------------------------------------------------------------------------------

const SOURCE_EXT = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const TRY_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

/** @param {string} p */
function isFile(p) {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true;
}

/**
 * Resolves a relative specifier to an absolute path; null for packages (bare specifiers) and URLs.
 * Our imports carry explicit `.ts`/`.tsx` extensions, which resolve without touching the disk; an
 * extensionless or `.js` specifier is looked up the way the bundler would.
 * @param {string} fromFile absolute path of the importing file
 * @param {string} specifier
 * @returns {string | null}
 */
function resolveSpecifier(fromFile, specifier) {
  if (
    !specifier.startsWith('./') &&
    !specifier.startsWith('../') &&
    specifier !== '.' &&
    specifier !== '..'
  ) {
    return null;
  }
  const clean = specifier.replace(/[?#].*$/, '');
  const abs = path.resolve(path.dirname(fromFile), clean);
  if (/\.(?:[cm]?tsx?)$/.test(abs)) return abs;
  if (isFile(abs)) return abs;
  const jsToTs = abs.replace(/\.([cm]?)js(x?)$/, '.$1ts$2');
  if (jsToTs !== abs && isFile(jsToTs)) return jsToTs;
  for (const ext of TRY_EXTENSIONS) if (isFile(abs + ext)) return abs + ext;
  for (const ext of TRY_EXTENSIONS) {
    const index = path.join(abs, 'index' + ext);
    if (isFile(index)) return index;
  }
  return abs;
}

/** @param {string} root @param {string} abs */
function relPath(root, abs) {
  return path.relative(root, abs).split(path.sep).join('/');
}

// ---------------------------------------------------------------------------------------------------------
// Classifying paths (the layout)
// ---------------------------------------------------------------------------------------------------------

const ASSEMBLY_FILES = new Set(['src/server/app.ts', 'src/server/main.ts', 'src/server/background.ts']);
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

/**
 * @typedef {{ kind: 'web' | 'demo' | 'core' | 'module' | 'modules-index' | 'assembly' | 'server-other'
 *   | 'scripts' | 'tests' | 'other' | 'outside', module?: string, file?: string, isTest: boolean }} Place
 */

/**
 * @param {string} rel path relative to the project root, forward slashes
 * @param {string[]} coreDirs root-relative folders (or files) that form the kernel
 * @returns {Place}
 */
function classify(rel, coreDirs) {
  const isTest = TEST_FILE.test(rel);
  if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return { kind: 'outside', isTest };
  if (rel.startsWith('src/web/')) return { kind: 'web', isTest };
  if (rel.startsWith('src/demo/')) return { kind: 'demo', isTest };
  if (coreDirs.some((d) => rel === d || rel.startsWith(d + '/'))) return { kind: 'core', isTest };
  const m = /^src\/server\/modules\/([^/]+)\/(.+)$/.exec(rel);
  if (m) return { kind: 'module', module: m[1], file: m[2], isTest };
  // src/server/modules.ts, and anything else loose in src/server/modules/, is module assembly.
  if (rel === 'src/server/modules.ts' || rel.startsWith('src/server/modules/')) {
    return { kind: 'modules-index', isTest };
  }
  if (ASSEMBLY_FILES.has(rel)) return { kind: 'assembly', isTest };
  if (rel.startsWith('src/server/')) return { kind: 'server-other', isTest };
  if (rel.startsWith('scripts/')) return { kind: 'scripts', isTest };
  if (rel.startsWith('tests/')) return { kind: 'tests', isTest };
  return { kind: 'other', isTest };
}

/** @param {Place} p */
function describe(p) {
  switch (p.kind) {
    case 'module':
      return `a file of module '${p.module}'`;
    case 'modules-index':
      return 'the module assembly';
    case 'assembly':
      return 'the app assembly';
    case 'demo':
      return 'the demo generators';
    case 'web':
      return 'the web client';
    case 'scripts':
      return 'a script';
    case 'tests':
      return 'test support';
    default:
      return p.kind;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Collecting imports
// ---------------------------------------------------------------------------------------------------------

/** @typedef {{ node: any, specifier: string, typeOnly: boolean, dynamic: boolean }} EslintImport */

/**
 * Imports of the file being linted, from its ESTree AST: import / export-from / `import x = require()`
 * at the top level, and `import('literal')` anywhere (only boundaries looks at those).
 * @param {any} program
 * @param {boolean} withDynamic
 * @param {any} sourceCode
 * @returns {EslintImport[]}
 */
function collectImports(program, withDynamic, sourceCode) {
  /** @type {EslintImport[]} */
  const out = [];
  for (const st of program.body) {
    if (st.type === 'ImportDeclaration') {
      out.push({
        node: st.source,
        specifier: st.source.value,
        typeOnly: st.importKind === 'type',
        dynamic: false,
      });
    } else if ((st.type === 'ExportNamedDeclaration' || st.type === 'ExportAllDeclaration') && st.source) {
      out.push({
        node: st.source,
        specifier: st.source.value,
        typeOnly: st.exportKind === 'type',
        dynamic: false,
      });
    } else if (
      st.type === 'TSImportEqualsDeclaration' &&
      st.moduleReference?.type === 'TSExternalModuleReference' &&
      typeof st.moduleReference.expression?.value === 'string'
    ) {
      const e = st.moduleReference.expression;
      out.push({ node: e, specifier: e.value, typeOnly: st.importKind === 'type', dynamic: false });
    }
  }
  if (withDynamic) {
    // Walk for ImportExpression nodes; cheap, and only files that contain `import(` are walked.
    if (sourceCode.text.includes('import(')) {
      const keys = sourceCode.visitorKeys;
      /** @param {any} n */
      const walk = (n) => {
        if (n.type === 'ImportExpression') {
          const s = n.source;
          const value =
            s.type === 'Literal' && typeof s.value === 'string'
              ? s.value
              : s.type === 'TemplateLiteral' && s.expressions.length === 0
                ? s.quasis[0].value.cooked
                : null;
          if (value !== null) out.push({ node: s, specifier: value, typeOnly: false, dynamic: true });
        }
        for (const k of keys[n.type] ?? []) {
          const c = n[k];
          if (Array.isArray(c)) {
            for (const x of c) if (x && typeof x.type === 'string') walk(x);
          } else if (c && typeof c.type === 'string') walk(c);
        }
      };
      walk(program);
    }
  }
  return out;
}

/**
 * Static import edges of a parsed file (no type checking; comments and strings can't fool it). Dynamic
 * `import()` is not an edge of the cycle graph.
 * @param {import('typescript').SourceFile} sf
 * @returns {{ to: string, typeOnly: boolean }[]}
 */
function edgesOfSourceFile(sf) {
  const file = path.resolve(sf.fileName);
  /** @type {{ to: string, typeOnly: boolean }[]} */
  const edges = [];
  for (const st of sf.statements) {
    /** @type {string | undefined} */
    let spec;
    let typeOnly = false;
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      spec = st.moduleSpecifier.text;
      typeOnly = st.importClause?.isTypeOnly === true;
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      spec = st.moduleSpecifier.text;
      typeOnly = st.isTypeOnly;
    } else if (
      ts.isImportEqualsDeclaration(st) &&
      ts.isExternalModuleReference(st.moduleReference) &&
      ts.isStringLiteral(st.moduleReference.expression)
    ) {
      spec = st.moduleReference.expression.text;
      typeOnly = st.isTypeOnly;
    }
    if (spec === undefined) continue;
    const to = resolveSpecifier(file, spec);
    if (to && isGraphFile(to)) edges.push({ to, typeOnly });
  }
  return edges;
}

/** @param {string} file */
function scriptKind(file) {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** @param {string} file */
function isGraphFile(file) {
  return SOURCE_EXT.test(file) && !file.includes(`${path.sep}node_modules${path.sep}`);
}

// ---------------------------------------------------------------------------------------------------------
// The import graph (cached across files of a run; revalidated by mtime + size, so editors stay correct)
// ---------------------------------------------------------------------------------------------------------

/** @typedef {{ to: string, typeOnly: boolean }[]} Edges */
/** @typedef {{ edges: Map<string, Edges>, program: import('typescript').Program | null }} Graph */

/** Files read from disk: edges, revalidated by mtime + size (so a long-lived ESLint, e.g. an editor's, stays right). */
/** @type {Map<string, { mtimeMs: number, size: number, edges: Edges }>} */
const diskCache = new Map();
/** Files taken from typescript-eslint's program (type-aware runs): already parsed, so free to read. */
/** @type {WeakMap<import('typescript').SourceFile, Edges>} */
const programCache = new WeakMap();

/**
 * Import edges of a file. In a type-aware run the program typescript-eslint built already holds every
 * project file parsed, so that is used; otherwise (the fixture test, a file outside the program) the file
 * is read and parsed with TypeScript's parser.
 * @param {string} file
 * @param {Graph} graph the lookups made while linting the current file
 * @returns {Edges}
 */
function edgesOf(file, graph) {
  const hit = graph.edges.get(file);
  if (hit) return hit;
  /** @type {Edges} */
  let edges = [];
  const sf = graph.program?.getSourceFile(file);
  if (sf) {
    const cached = programCache.get(sf);
    if (cached) edges = cached;
    else programCache.set(sf, (edges = edgesOfSourceFile(sf)));
  } else {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st?.isFile()) {
      const cached = diskCache.get(file);
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
        edges = cached.edges;
      } else {
        const text = fs.readFileSync(file, 'utf8');
        edges = edgesOfSourceFile(
          ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file)),
        );
        diskCache.set(file, { mtimeMs: st.mtimeMs, size: st.size, edges });
      }
    }
  }
  graph.edges.set(file, edges);
  return edges;
}

/**
 * Shortest path start ⇝ goal over the graph (both ends included), or null.
 * @param {string} start
 * @param {string} goal
 * @param {Graph} graph
 */
function shortestPath(start, goal, graph) {
  if (start === goal) return [start];
  /** @type {Map<string, string | null>} */
  const parent = new Map([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const cur = /** @type {string} */ (queue[i]);
    for (const { to } of edgesOf(cur, graph)) {
      if (parent.has(to)) continue;
      parent.set(to, cur);
      if (to === goal) {
        const p = [to];
        for (let n = parent.get(to); n !== null && n !== undefined; n = parent.get(n)) p.push(n);
        return p.reverse();
      }
      queue.push(to);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------------

const rootOption = {
  type: 'object',
  properties: {
    root: { type: 'string', description: 'Project root the layout is relative to (default: ESLint cwd).' },
    coreDirs: {
      type: 'array',
      items: { type: 'string' },
      description: 'Root-relative kernel folders/files.',
    },
  },
  additionalProperties: false,
};

/** @type {import('eslint').Rule.RuleModule} */
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Enforces the architecture's import boundaries (core, modules, assembly, web)." },
    schema: [rootOption],
    messages: {
      crossModuleTable:
        "cross-module table import: module '{{from}}' imports '{{target}}', a table file of module '{{to}}'. " +
        'A module owns its tables; import what you need from {{public}} instead ' +
        "(add a function or type there if it's missing).",
      crossModulePrivate:
        "Module '{{from}}' imports '{{target}}', a private file of module '{{to}}'. " +
        "Import the other module's {{to}}.public.ts ({{public}}) instead (export it there if it's missing).",
      moduleForbidden:
        "Module '{{from}}' must not import '{{target}}' ({{what}}). A module may import only src/server/core/**, " +
        "its own files and other modules' <name>.public.ts; move what it needs into core, " +
        'or have the assembly (src/server/modules.ts) hand it in.',
      coreImportsOutward:
        "Core must not import '{{target}}' ({{what}}): the kernel imports no module, assembly or demo code. " +
        'Declare an interface or registry in core and let the module register itself from src/server/modules.ts.',
      webImportsServer:
        "The web client must not import '{{target}}' (server or demo code). " +
        'Use the API types generated into src/web/api/ (or a type declared in src/web) instead.',
    },
  },
  create(context) {
    const opts = context.options[0] ?? {};
    const root = path.resolve(opts.root ?? context.cwd);
    const coreDirs = opts.coreDirs ?? ['src/server/core'];
    const me = classify(relPath(root, context.filename), coreDirs);
    // Only these places have rules; everything else (assembly, scripts, tests, demo) imports freely.
    const checked = me.kind === 'web' || ((me.kind === 'core' || me.kind === 'module') && !me.isTest);
    if (!checked) return {};

    return {
      Program(program) {
        for (const imp of collectImports(program, true, context.sourceCode)) {
          const abs = resolveSpecifier(context.filename, imp.specifier);
          if (!abs) continue;
          const targetRel = relPath(root, abs);
          const t = classify(targetRel, coreDirs);
          const report = (/** @type {string} */ messageId, /** @type {Record<string,string>} */ data) =>
            context.report({ node: imp.node, messageId, data: { target: targetRel, ...data } });

          if (me.kind === 'web') {
            if (['core', 'module', 'modules-index', 'assembly', 'server-other', 'demo'].includes(t.kind)) {
              report('webImportsServer', {});
            }
          } else if (me.kind === 'core') {
            if (['module', 'modules-index', 'assembly', 'demo', 'web', 'scripts', 'tests'].includes(t.kind)) {
              report('coreImportsOutward', { what: describe(t) });
            }
          } else if (me.kind === 'module') {
            const from = /** @type {string} */ (me.module);
            if (t.kind === 'module') {
              const to = /** @type {string} */ (t.module);
              if (to === from || t.file === `${to}.public.ts`) continue;
              const pub = `src/server/modules/${to}/${to}.public.ts`;
              if (/(?:^|\/)[^/]*\.tables\.ts$/.test(/** @type {string} */ (t.file))) {
                report('crossModuleTable', { from, to, public: pub });
              } else {
                report('crossModulePrivate', { from, to, public: pub });
              }
            } else if (['modules-index', 'assembly', 'demo', 'web', 'scripts', 'tests'].includes(t.kind)) {
              report('moduleForbidden', { from, what: describe(t) });
            }
          }
        }
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Forbids import cycles; `import type` and `export … from` count, `import()` does not.',
    },
    schema: [rootOption],
    messages: {
      cycle:
        'Import cycle: {{cycle}}.{{typeNote}} Break it: move what both sides need into a third file that ' +
        'neither imports back, or pass the dependency in (a parameter or registry) instead of importing it.',
    },
  },
  create(context) {
    const opts = context.options[0] ?? {};
    const root = path.resolve(opts.root ?? context.cwd);
    const self = path.resolve(context.filename);
    return {
      Program(program) {
        /** @type {Graph} */
        const graph = { edges: new Map(), program: context.sourceCode.parserServices?.program ?? null };
        // One edge per imported file, reported at its first import; type-only if every import of it is.
        /** @type {Map<string, { node: any, to: string, typeOnly: boolean }>} */
        const byTarget = new Map();
        for (const imp of collectImports(program, false, context.sourceCode)) {
          const to = resolveSpecifier(self, imp.specifier);
          if (!to || !isGraphFile(to)) continue;
          const known = byTarget.get(to);
          if (known) known.typeOnly &&= imp.typeOnly;
          else byTarget.set(to, { node: imp.node, to, typeOnly: imp.typeOnly });
        }
        const mine = [...byTarget.values()];
        // The linted text is authoritative for this file (an editor's buffer may differ from the disk).
        graph.edges.set(
          self,
          mine.map(({ to, typeOnly }) => ({ to, typeOnly })),
        );
        // Fast path: most files are on no cycle at all — one traversal tells.
        if (!reachesItself(self, graph)) return;
        for (const edge of mine) {
          const back = shortestPath(edge.to, self, graph);
          if (!back) continue;
          const files = [self, ...back];
          const hops = files.slice(1).map((to, i) => {
            const from = /** @type {string} */ (files[i]);
            return edgesOf(from, graph).some((e) => e.to === to && !e.typeOnly);
          });
          const allTypeOnly = hops.every((runtime) => !runtime);
          context.report({
            node: edge.node,
            messageId: 'cycle',
            data: {
              cycle: files.map((f) => relPath(root, f)).join(' → '),
              typeNote: allTypeOnly ? ' (every edge is `import type`; move the shared types out.)' : '',
            },
          });
        }
      },
    };
  },
};

/**
 * Whether `self` can reach itself through at least one edge.
 * @param {string} self
 * @param {Graph} graph
 */
function reachesItself(self, graph) {
  const seen = new Set();
  const stack = edgesOf(self, graph).map((e) => e.to);
  while (stack.length) {
    const cur = /** @type {string} */ (stack.pop());
    if (cur === self) return true;
    if (seen.has(cur)) continue;
    seen.add(cur);
    for (const e of edgesOf(cur, graph)) stack.push(e.to);
  }
  return false;
}

const plugin = {
  meta: { name: 'wuwei', version: '1.0.0' },
  rules: { boundaries, 'no-cycle': noCycle },
};

export default plugin;
