import { isDomainError, type DomainErrorCode } from '../shared/errors';

/**
 * Given/When/Then specifications over decide/evolve:
 *   given([events]).when(command).then([events])  or  .thenFails('voucher.expired')
 */
export function specification<State, Event, Command, Result>(
  evolve: (state: State, event: Event) => State,
  initial: State,
  decide: (command: Command, state: State) => Result,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(evolve, initial);
      return {
        when(command: Command) {
          const result = decide(command, state);
          return {
            then(expected: unknown) {
              if (isDomainError(result))
                throw new Error(`expected events, got ${result.code}: ${result.message}`);
              expect(result).toEqual(expected);
            },
            thenFails(code: DomainErrorCode) {
              expect(isDomainError(result) ? result.code : result).toBe(code);
            },
            result,
          };
        },
      };
    },
  };
}
