import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, replay } from '../../src/engine/index';
import { fixtureBundle } from '../support/fixtures';

const bundle = fixtureBundle();

/** Arbitrary player actions, valid or not; the session refuses what does not apply. */
const action = fc.oneof(
  fc.record({ type: fc.constant('decision.choose' as const), option: fc.constantFrom('deploy', 'talk', 'enforce', 'hold', 'nope') }),
  fc.record({ type: fc.constant('decision.timeout' as const) }),
  fc.record({ type: fc.constant('adviser.consult' as const), adviser: fc.constantFrom('fc', 'pol', 'x') }),
  fc.record({ type: fc.constant('clock.advance' as const), minutes: fc.integer({ min: -5, max: 200 }) }),
  fc.record({ type: fc.constant('inject.arrive' as const), inject: fc.constantFrom('council', 'flash') }),
  fc.record({ type: fc.constant('note.add' as const), text: fc.string({ maxLength: 20 }) }),
);

describe('replay() property', () => {
  it('a replayed log gives the same snapshot as the live session, for any sequence of actions and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(action, { maxLength: 12 }), (seed, actions) => {
        const live = createSession(bundle, { seed });
        for (const a of actions) {
          const node = live.snapshot().node;
          const { type, ...rest } = a;
          live.send(type, { node, ...rest }, 1);
        }
        expect(replay(bundle, JSON.parse(JSON.stringify(live.save())))).toEqual(live.snapshot());
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
