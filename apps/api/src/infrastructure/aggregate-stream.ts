import { isDomainError, type DomainError, type DomainEvent } from '@pass/domain';
import {
  WrongExpectedVersionError,
  type AppendOptions,
  type EventStore,
  type StoredEvent,
} from '@pass/event-store';
import { ProblemException } from '../problems/problem.exception';
import { toNewEvents } from './new-events';

export interface LoadedAggregate<State> {
  readonly state: State;
  readonly version: number;
}

/** Folds a stream into its current state and remembers the version to append after. */
export async function loadAggregate<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  evolve: (state: State, event: Event) => State,
  initial: State,
): Promise<LoadedAggregate<State>> {
  return foldStream(await store.readStream(streamId), evolve, initial);
}

export interface AggregateSpec<State, Event extends DomainEvent> {
  readonly streamId: string;
  readonly evolve: (state: State, event: Event) => State;
  readonly initial: State;
}

/** Folds two streams read in one round trip (a redemption needs its book and its venue). */
export async function loadTwoAggregates<A, EA extends DomainEvent, B, EB extends DomainEvent>(
  store: EventStore,
  first: AggregateSpec<A, EA>,
  second: AggregateSpec<B, EB>,
): Promise<[LoadedAggregate<A>, LoadedAggregate<B>]> {
  const streams = await store.readStreams([first.streamId, second.streamId]);
  return [
    foldStream(streams.get(first.streamId) ?? [], first.evolve, first.initial),
    foldStream(streams.get(second.streamId) ?? [], second.evolve, second.initial),
  ];
}

/** A stream already read (e.g. among several in one readStreams) folded into its state and version. */
export function foldStream<State, Event extends DomainEvent>(
  events: readonly StoredEvent[],
  evolve: (state: State, event: Event) => State,
  initial: State,
): LoadedAggregate<State> {
  const state = events.reduce((current, stored) => evolve(current, stored as unknown as Event), initial);
  return { state, version: events.length };
}

/** A decision that refused the command becomes the exception the edge turns into a problem. */
export function orThrow<T>(decision: T | DomainError): T {
  if (isDomainError(decision)) throw ProblemException.fromDomain(decision);
  return decision;
}

const MAX_ATTEMPTS = 40;

/**
 * Load → decide → append runs again when another writer moved the stream in between: the fresh
 * state decides anew (a second scan of the same voucher then sees it redeemed and gets 409).
 * Bounded, with jitter so that contenders spread out; past the bound the client gets 409.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (round >= MAX_ATTEMPTS)
        throw new ProblemException('concurrency.conflict', 'too many concurrent changes, try again');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(round, 10) * 2));
    }
  }
}

export interface SingleStreamCommand<State, Event extends DomainEvent> {
  readonly streamId: string;
  readonly evolve: (state: State, event: Event) => State;
  readonly initial: State;
  readonly decide: (state: State) => readonly Event[] | DomainError;
  readonly metadata?: Record<string, unknown>;
}

/** The handler's three lines, once: load the stream, decide, append at the version read (retried). */
export function decideAndAppend<State, Event extends DomainEvent>(
  store: EventStore,
  command: SingleStreamCommand<State, Event>,
): Promise<readonly Event[]> {
  return decideAndAppendWith(store, command, {});
}

/** decideAndAppend with append options (reservations); a decision of no events appends nothing. */
export function decideAndAppendWith<State, Event extends DomainEvent>(
  store: EventStore,
  command: SingleStreamCommand<State, Event>,
  options: AppendOptions,
): Promise<readonly Event[]> {
  return retryOnConflict(async () => {
    const { state, version } = await loadAggregate(store, command.streamId, command.evolve, command.initial);
    const events = orThrow(command.decide(state));
    if (events.length === 0) return events;
    await store.append(
      [
        {
          streamId: command.streamId,
          expectedVersion: version,
          events: toNewEvents(events, command.metadata),
        },
      ],
      options,
    );
    return events;
  });
}
