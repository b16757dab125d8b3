import type { DbKind } from './lib/database.ts';

/** Options every scenario receives from the command line. */
export type BenchOptions = {
  db: DbKind;
  /** Measured seconds per target. */
  durationS: number;
  /** Unmeasured seconds of the same load before each target. */
  warmupS: number;
  /** Connections for reads. */
  connections: number;
  /** Connections for sign-in, which is scrypt-bound. */
  loginConnections: number;
  /** When set, the server child is CPU-profiled during each measured window and profiles are written here. */
  profileDir: string | null;
};

export type ScenarioOutcome = {
  /** Printed as-is after the scenario's header: tables and notes. */
  report: string;
  /** Saved under `runs.<db>.result` in bench-results/<scenario>.json. */
  data: Record<string, unknown>;
};

/**
 * One benchmark, in its own module under scripts/bench/ and listed in scenarios.ts. A scenario starts what it
 * needs (through lib/processes and lib/database, so the runner's cleanup stops it), measures, and returns a
 * report. A missed target is part of the report, never an exception: benchmarks measure, tests assert.
 */
export type Scenario = {
  name: string;
  description: string;
  run(options: BenchOptions, log: (line: string) => void): Promise<ScenarioOutcome>;
};
