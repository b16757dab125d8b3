import { figuresHistory } from './figures-history.ts';
import { foundation } from './foundation.ts';
import { importBench } from './import.ts';
import { organisation } from './organisation.ts';
import { planner } from './planner.ts';
import { lists } from './lists.ts';
import { registry } from './registry.ts';
import { rounds } from './rounds.ts';
import type { Scenario } from './scenario.ts';
import { startup } from './startup.ts';
import { uploadLimits } from './upload-limits.ts';
import { workbench } from './workbench.ts';

/** Every benchmark, in the order `npm run bench` runs them. Add a module under scripts/bench/ and list it here. */
export const scenarios: Scenario[] = [
  foundation,
  registry,
  lists,
  importBench,
  uploadLimits,
  organisation,
  figuresHistory,
  rounds,
  workbench,
  startup,
  planner,
];
