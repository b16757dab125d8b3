// @ts-check
/**
 * The flat-config blocks that switch on wuwei/boundaries and wuwei/no-cycle. Shared by eslint.config.js and
 * tests/lint-boundaries.test.ts (which lints tests/fixtures/lint/ with exactly this wiring).
 */
import wuwei from './wuwei-plugin.js';

/**
 * @param {{
 *   root: string,
 *   boundaries?: import('eslint').Linter.RuleSeverity,
 *   noCycle?: import('eslint').Linter.RuleSeverity,
 *   coreDirs?: string[],
 * }} options root: the project root the layout (src/server/core, src/server/modules/<name>, …) is relative to
 * @returns {import('eslint').Linter.Config[]}
 */
export function wuweiImportRules({ root, boundaries = 'error', noCycle = 'error', coreDirs }) {
  const options = coreDirs ? { root, coreDirs } : { root };
  return [
    {
      name: 'wuwei/boundaries',
      // scripts/** and tests/** are assembly: they may import anything, so there is nothing to check there.
      files: ['src/**/*.{ts,tsx}'],
      plugins: { wuwei },
      rules: { 'wuwei/boundaries': [boundaries, options] },
    },
    {
      name: 'wuwei/no-cycle',
      files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'tests/**/*.ts'],
      plugins: { wuwei },
      rules: { 'wuwei/no-cycle': [noCycle, options] },
    },
  ];
}
