import type { Linter } from 'eslint';

/** Flat-config blocks that switch on wuwei/boundaries and wuwei/no-cycle for a project laid out under `root`. */
export function wuweiImportRules(options: {
  root: string;
  boundaries?: Linter.RuleSeverity;
  noCycle?: Linter.RuleSeverity;
  coreDirs?: string[];
}): Linter.Config[];
