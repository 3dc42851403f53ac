/**
 * Builds an xstate v5 machine from scenario data: one state per node, transitions per event type
 * toward every node the event can lead to. Guards and actions are named once in `setup()` and
 * referenced by `{ type, params }`; their implementations call the pure rules in reduce.ts. The
 * scenario content is closed over, never stored in the context; time never moves through `after`.
 */
import { assign, setup, type StateNodeConfig } from 'xstate';
import type { Scenario } from './types';
import type { EngineContext } from './state';
import { initialContext, reduce, refusal, type EngineEvent, type EngineEventType } from './reduce';
import { indexScenario } from './scenario-index';

/** The transient first state (ids of scenario nodes cannot start with "_"). */
const BOOT = '_boot';

export interface MachineInput {
  seed: number;
  seat: string;
}

/** The nodes an option, branch or the timeout at `nodeId` leads to directly. */
function directSuccessors(scenario: Scenario, nodeId: string): string[] {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const out = new Set<string>();
  for (const o of [...node.options, ...(node.timeout ? [node.timeout] : [])]) {
    out.add(o.next);
    for (const b of o.branches) out.add(b.next);
  }
  return [...out];
}

/**
 * Every node an event at `nodeId` can leave play resting at: its direct successors and, through
 * decisions some seat does not own (taken for the player in the same step), theirs in turn.
 */
export function successorsOf(scenario: Scenario, nodeId: string): string[] {
  const out = new Set<string>();
  const queue = directSuccessors(scenario, nodeId);
  while (queue.length) {
    const id = queue.shift() as string;
    if (out.has(id)) continue;
    out.add(id);
    if (scenario.nodes.find((n) => n.id === id)?.owners) queue.push(...directSuccessors(scenario, id));
  }
  out.delete(nodeId);
  return [...out];
}

export function createScenarioMachine(scenario: Scenario) {
  const index = indexScenario(scenario);
  // One-entry memo: a guard and the action that follows it reduce the same (context, event).
  let memo: { ctx: EngineContext; event: EngineEvent; out: EngineContext } | null = null;
  const next = (ctx: EngineContext, event: EngineEvent): EngineContext => {
    if (memo && memo.ctx === ctx && memo.event === event) return memo.out;
    const out = reduce(index, ctx, event);
    memo = { ctx, event, out };
    return out;
  };

  const machineSetup = setup({
    types: {
      context: {} as EngineContext,
      events: {} as EngineEvent,
      input: {} as MachineInput,
    },
    guards: {
      /** The event is acceptable and leads to `target`. */
      leadsTo: ({ context, event }, params: { target: string }) =>
        refusal(index, context, event) === null && next(context, event).node === params.target,
      /** The event is acceptable and keeps the current node. */
      staysPut: ({ context, event }) => refusal(index, context, event) === null && next(context, event).node === context.node,
      /** The initial context rests at `node` (another seat may have taken the opening decisions). */
      restsAt: ({ context }, params: { node: string }) => context.node === params.node,
    },
    actions: {
      applyEvent: assign(({ context, event }) => next(context, event)),
    },
  });

  const moving: EngineEventType[] = ['decision.choose', 'decision.timeout', 'adviser.consult', 'clock.advance'];
  const states: Record<string, StateNodeConfig<EngineContext, EngineEvent, never, never, never, never, never, never, never, never>> = {};
  for (const node of scenario.nodes) {
    if (node.kind === 'end') {
      states[node.id] = { type: 'final' };
      continue;
    }
    const targets = successorsOf(scenario, node.id);
    const on: Record<string, unknown[]> = {};
    for (const type of moving) {
      on[type] = [
        ...targets.map((target) => ({ guard: { type: 'leadsTo', params: { target } }, target, actions: 'applyEvent' })),
        { guard: 'staysPut', actions: 'applyEvent' },
      ];
    }
    on['inject.arrive'] = [{ guard: 'staysPut', actions: 'applyEvent' }];
    on['inject.fire'] = [{ guard: 'staysPut', actions: 'applyEvent' }];
    on['note.add'] = [{ guard: 'staysPut', actions: 'applyEvent' }];
    on['room.vote'] = [{ guard: 'staysPut', actions: 'applyEvent' }];
    on['facilitator.note'] = [{ guard: 'staysPut', actions: 'applyEvent' }];
    states[node.id] = { on } as (typeof states)[string];
  }

  // Play starts at `start`, unless the decisions there belong to another seat and were taken for the
  // player already: a transient first state moves to wherever the initial context rests.
  const openings = [scenario.start, ...successorsOf(scenario, scenario.start)];
  states[BOOT] = {
    always: [
      ...openings.map((node) => ({ guard: { type: 'restsAt', params: { node } }, target: node })),
      { target: scenario.start },
    ],
  } as (typeof states)[string];
  return machineSetup.createMachine({
    id: scenario.id,
    initial: BOOT,
    context: ({ input }) => initialContext(index, input.seed, input.seat),
    states: states as never,
  });
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
