/**
 * Given events / when a command / then events (or a refusal), for any decider (STYLE.md, "The
 * decider"): `given(history).when(command).then(events)`. `after()` folds the history and the
 * decided events, to assert on the resulting state.
 */
export interface Decider<S, C, E> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initial: S;
}

/** jest's `expect`, looked up when a spec runs: this lib is also built for the benchmarks, without jest's types. */
interface Expectation {
  toEqual(expected: unknown): void;
  toThrow(expected?: unknown): void;
}
const expect = (actual: unknown): Expectation => (globalThis as unknown as { expect(actual: unknown): Expectation }).expect(actual);

export function deciderSpec<S, C, E>(decider: Decider<S, C, E>) {
  return {
    given: (history: E[]) => ({
      when: (command: C) => {
        const before = history.reduce(decider.evolve, decider.initial);
        const decided = () => decider.decide(command, before);
        return {
          then: (expected: E[]) => expect(decided()).toEqual(expected),
          thenThrows: (error: new (...args: never[]) => Error, message?: string | RegExp) => {
            expect(decided).toThrow(error);
            if (message !== undefined) expect(decided).toThrow(message);
          },
          events: decided,
          after: (): S => decided().reduce(decider.evolve, before),
        };
      },
    }),
  };
}
