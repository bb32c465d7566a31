// The pieces every way of running the simulator shares: state, controller, faults, seeding.
import { type ControllerOptions, type SimRequest, type SimResponse, SimulatedController } from './controller';
import { FaultController } from './faults';
import {
  type LargeClusterOptions,
  type SeedOptions,
  type SeedResult,
  seedCluster,
  seedLargeCluster,
} from './seed';
import { SimulatorState, type SimulatorStateOptions } from './state';
import type { ReplyMismatch } from './validation';

export interface SimulatorOptions extends ControllerOptions, SimulatorStateOptions {
  /** share the state of another simulator (several controllers over one cluster) */
  state?: SimulatorState;
  /** seed a cluster at start: a node count or full seed options */
  seed?: number | SeedOptions;
}

export interface SimulatorCore {
  readonly state: SimulatorState;
  readonly controller: SimulatedController;
  /** faults of this simulator (each HTTP server / msw handler set has its own) */
  readonly faults: FaultController;
  /** replies of this simulator that failed schema validation */
  readonly replyMismatches: readonly ReplyMismatch[];
  /** answers one request directly (no transport, no faults) */
  handle(req: SimRequest): SimResponse;
  /** adds nodes, pools, groups, resources and KV instances in one call; a node count seeds N nodes */
  seed(opts: number | SeedOptions): SeedResult;
  /** builds a large cluster quickly (default 1,000 nodes, 10,000 resources) */
  seedLarge(opts?: LargeClusterOptions): SeedResult;
}

export function createCore(opts: SimulatorOptions = {}): SimulatorCore {
  const state = opts.state ?? new SimulatorState({ version: opts.version, now: opts.now });
  const controller = new SimulatedController(state, opts);
  const faults = new FaultController();
  const core: SimulatorCore = {
    state,
    controller,
    faults,
    get replyMismatches() {
      return controller.replyMismatches;
    },
    handle: (req) => controller.handle(req),
    // finally: a seed that fails half-way has still added records
    seed: (s) => {
      try {
        return seedCluster(state, typeof s === 'number' ? { nodes: s } : s);
      } finally {
        state.changed();
      }
    },
    seedLarge: (s) => {
      try {
        return seedLargeCluster(state, s);
      } finally {
        state.changed();
      }
    },
  };
  if (opts.seed !== undefined) core.seed(opts.seed);
  return core;
}
