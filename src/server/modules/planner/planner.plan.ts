/**
 * Planning a proposal's snapshot: the engine's run and what is stored of it. It runs in a worker thread of its own
 * (planner.plan-worker.ts), so the server goes on answering everyone else while a county is planned (the plan is
 * seconds of pure computation, which on the main thread would hold every other request until it ends).
 */
import { Worker } from 'node:worker_threads';
import { planOnGraph } from './engine/partition.ts';
import type { Town } from './engine/town.ts';
import {
  lowerBoundOf,
  prepare,
  storedResult,
  type ChangeReason,
  type ProposalSnapshot,
  type StoredProposal,
} from './planner.snapshot.ts';

export type PlanParams = {
  mode: 'fresh' | 'adjust';
  targetHouseholds: number;
  tolerance: number;
  /** Grids per community (all the place's communities), or none: each community's households ÷ the target. */
  gridsPerCommunity?: Map<string, number>;
  seed: number;
  timeLimitMs: number;
};

export type PlanOutcome = { stored: StoredProposal; timedOut: boolean; elapsedMs: number };

/** Plans the snapshot in this thread: G and the cells, the engine's layout, and the proposal's stored result. */
export function planSnapshot(snapshot: ProposalSnapshot, params: PlanParams): PlanOutcome {
  const prepared = prepare(snapshot);
  const result = planOnGraph(prepared.graph, prepared.geometry, {
    mode: params.mode,
    target: { households: params.targetHouseholds, tolerance: params.tolerance },
    gridsPerCommunity: params.gridsPerCommunity,
    seed: params.seed,
    timeLimitMs: params.timeLimitMs,
  });
  const reasons = new Map<string, ChangeReason>(result.changes.map((c) => [c.buildingId, c.reason]));
  const stored = storedResult(
    prepared,
    result.layout,
    params.tolerance,
    reasons,
    params.mode === 'adjust' ? lowerBoundOf(prepared, result.layout, params.tolerance) : null,
  );
  return { stored, timedOut: result.timedOut, elapsedMs: result.elapsedMs };
}

/**
 * The synthetic town (engine/town.ts) as a proposal's snapshot, one grid per community today (tests and the bench:
 * a plan of a place this size without a registry).
 */
export function townSnapshot(town: Town): ProposalSnapshot {
  return {
    origin: [0, 0],
    buildings: town.buildings.map((b) => ({
      ...b,
      code: b.id,
      name: b.id,
      grid: `${b.communityId}-001`,
      lng: 0,
      lat: 0,
    })),
    communities: town.communities,
    barriers: town.barriers,
  };
}

export type ToPlanWorker = { id: number; snapshot: ProposalSnapshot; params: PlanParams };
export type FromPlanWorker = { id: number; outcome: PlanOutcome } | { id: number; error: string };

/** The worker's entry: planner.plan-worker.ts through tsx (as the town's and the export's workers). */
const bootFile = new URL('./planner.plan-worker-boot.mjs', import.meta.url);

/**
 * The one planning thread of this process, started at the first plan and kept (it holds the process open only while
 * a plan waits for it). Plans wait their turn in it: one at a time, so planning takes one core and the other is the
 * server's; a plan's time limit counts from its turn.
 */
let thread: {
  worker: Worker;
  waiting: Map<number, { resolve: (o: PlanOutcome) => void; reject: (e: Error) => void }>;
} | null = null;
let nextId = 0;

function planningThread() {
  if (thread) return thread;
  const worker = new Worker(bootFile);
  worker.unref();
  const current = {
    worker,
    waiting: new Map<number, { resolve: (o: PlanOutcome) => void; reject: (e: Error) => void }>(),
  };
  const failAll = (error: Error) => {
    if (thread === current) thread = null;
    for (const { reject } of current.waiting.values()) reject(error);
    current.waiting.clear();
  };
  worker.on('message', (message: FromPlanWorker) => {
    const waiter = current.waiting.get(message.id);
    if (!waiter) return;
    current.waiting.delete(message.id);
    if (current.waiting.size === 0) worker.unref();
    if ('outcome' in message) waiter.resolve(message.outcome);
    else waiter.reject(new Error(`the planning thread failed: ${message.error}`));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the planning thread ended (${code})`)));
  thread = current;
  return current;
}

/** Plans the snapshot in the planning thread (see `planSnapshot`); rejects when the thread fails. */
export function planInWorker(snapshot: ProposalSnapshot, params: PlanParams): Promise<PlanOutcome> {
  const { worker, waiting } = planningThread();
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    if (waiting.size === 0) worker.ref();
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, snapshot, params } satisfies ToPlanWorker);
  });
}
