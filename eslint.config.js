import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { wuweiImportRules } from './eslint/import-rules.config.js';

// Architecture boundaries and import cycles (eslint/wuwei-plugin.js, docs/lint-boundaries.md): errors.
const importRulesSeverity = 'error';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'migrations',
      'coverage',
      'bench-results',
      // Scratch probes of a working session (ignored by git too).
      '.probe/**',
      // Lint fixtures break the rules on purpose; tests/lint-boundaries.test.ts lints them itself.
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server', '**/server/**'],
              message:
                'The web app knows the server only through its API document: use the types and client in src/web/api (npm run api:types).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read arbitrary JSON responses; typing every body would only restate the schemas.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...wuweiImportRules({
    root: import.meta.dirname,
    boundaries: importRulesSeverity,
    noCycle: importRulesSeverity,
  }),
  // Plain JavaScript (the config, the lint plugin, a worker thread's entry, the web's service worker): linted
  // without type information.
  {
    files: ['*.js', 'eslint/**/*.js', 'src/**/*.mjs', 'src/web/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: ['src/web/public/**/*.js'], languageOptions: { globals: globals.serviceworker } },
);
