/**
 * Facilitated play: what a scenario holds for the facilitator alone, and the presenter's view of a
 * scenario without it. The console is the only writer; the presenter window is a read-only replica
 * that replays the same log on `presenterView(bundle)`. Stripping therefore removes text only, never
 * anything the rules read: the presenter's replay gives exactly the console's state.
 */
import type { Inject, Scenario, ScenarioBundle, ScenarioNode } from './types';
import type { EngineContext } from './state';

/** A Mission Leadership Team role handed to someone in the room, with its private brief. */
export type Role = NonNullable<Scenario['roles']>[number];
/** The facilitator's notes at one decision. */
export type FacilitatorNote = NonNullable<ScenarioNode['facilitator']>;
/** What one option trades off. */
export type Tradeoff = FacilitatorNote['tradeoffs'][number];

/**
 * The scenario fields that only the facilitator may see, as data paths (`[]` = every element).
 * The sync layer must never send these to the presenter; `stripFacilitatorContent` removes them.
 * A role-private inject (one with `roles`) keeps its id, timing, effects and `roles` (the presenter
 * needs them to replay the log) but loses its text.
 */
export const FACILITATOR_ONLY = [
  'roles[].brief',
  'nodes[].facilitator',
  'injects[].purpose',
  'injects[roles].from',
  'injects[roles].title',
  'injects[roles].text',
] as const;
export type FacilitatorOnlyField = (typeof FACILITATOR_ONLY)[number];

/** Log event types whose payload is facilitator-only: never sent to the presenter or in any xAPI statement. */
export const FACILITATOR_ONLY_EVENTS: readonly string[] = ['facilitator.note'];

/** Whether an inject is fired only by a facilitator (`optional: true`, or its earlier name `manual: true`). */
export function isOptionalInject(inject: Pick<Inject, 'optional' | 'manual'>): boolean {
  return inject.optional === true || inject.manual === true;
}

/** Whether an inject is role-private: revealed on the console only, for the facilitator to pass on. */
export function isRolePrivate(inject: Pick<Inject, 'roles'>): boolean {
  return (inject.roles?.length ?? 0) > 0;
}

/** The scenario's roles in the room, in scenario order (empty when it is not written for facilitated play). */
export function rolesOf(scenario: Scenario): Role[] {
  return scenario.roles ?? [];
}

/** The facilitator's notes for a decision, if the scenario has them. */
export function facilitatorNotesFor(scenario: Scenario, nodeId: string): FacilitatorNote | null {
  return scenario.nodes.find((n) => n.id === nodeId)?.facilitator ?? null;
}

/** Every optional inject of the scenario, in scenario order (for the prep pack and the console's list). */
export function optionalInjects(scenario: Scenario): Inject[] {
  return scenario.injects.filter(isOptionalInject);
}

/**
 * The optional injects a facilitator can fire now: not yet arrived, reaching the session's seat, and
 * play not over. The engine accepts `inject.fire` for exactly these.
 */
export function firableInjects(scenario: Scenario, ctx: Pick<EngineContext, 'firedInjects' | 'seat' | 'ending'>): Inject[] {
  if (ctx.ending !== null) return [];
  return optionalInjects(scenario).filter((i) => !ctx.firedInjects.includes(i.id) && (!i.seats || i.seats.includes(ctx.seat)));
}

/**
 * A copy of the scenario without anything facilitator-only (FACILITATOR_ONLY): no role briefs, no
 * facilitator notes, no inject purposes, and no text of role-private injects. Everything the rules
 * read is kept, so a log replays on the copy to the same state. Pure; the input is not changed.
 */
export function stripFacilitatorContent(scenario: Scenario): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  if (copy.roles) copy.roles = copy.roles.map(({ brief: _brief, ...role }) => role);
  for (const node of copy.nodes) delete node.facilitator;
  copy.injects = copy.injects.map((inject) => {
    const { purpose: _purpose, ...rest } = inject;
    return isRolePrivate(rest) ? { ...rest, from: '', title: '', text: '' } : rest;
  });
  return copy;
}

/** The bundle the presenter window receives: the same world, catalogue and hash, the scenario stripped. */
export function presenterView(bundle: ScenarioBundle): ScenarioBundle {
  return { ...bundle, scenario: stripFacilitatorContent(bundle.scenario) };
}
