import type { DomainError } from './errors';

/** A domain event: a versioned type and plain JSON data (ids, cents, ISO instants). */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** What `decide` returns: the events to append, or why the command is refused. */
export type Decision<E> = readonly E[] | DomainError;
