/**
 * The event store port: the only source of truth (DESIGN §4.6, §5).
 * Adapters: PostgreSQL (production), PGlite (embedded default), later EventStoreDB.
 */

/** An event as the domain hands it over for appending. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Record<string, unknown>;
}

/** An event as read back: `streamVersion` counts from 1 within its stream. */
export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recordedAt: Date;
  readonly position: GlobalPosition;
}

/**
 * Where an event stands in the global log. Readers order and checkpoint by the pair
 * (transactionId, globalPosition): a sequence alone skips events whose transaction commits late.
 * Both are decimal strings because they are 64-bit.
 */
export interface GlobalPosition {
  readonly transactionId: string;
  readonly globalPosition: string;
}

export const START_OF_LOG: GlobalPosition = { transactionId: '0', globalPosition: '0' };

/** `expectedVersion` is the number of events the stream holds now (0 = the stream must not exist). */
export interface StreamAppend {
  readonly streamId: string;
  readonly expectedVersion: number | 'any';
  readonly events: readonly NewEvent[];
}

/**
 * A unique key written in the same transaction as the events: lookups that must be consistent
 * at once (a voucher code → its voucher id, an Idempotency-Key → its stored answer, a SIRET → its venue).
 */
export interface Reservation {
  readonly scope: string;
  readonly key: string;
  readonly value: unknown;
}

export interface AppendOptions {
  readonly reservations?: readonly Reservation[];
}

export interface AppendResult {
  /** The new version of each stream written, by stream id. */
  readonly versions: Readonly<Record<string, number>>;
}

export interface EventStore {
  /** Appends to one or several streams, all or nothing. */
  append(streams: readonly StreamAppend[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string): Promise<StoredEvent[]>;
  /** Several streams in one round trip (a redemption reads its book and its venue); unknown ones are empty. */
  readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>>;
  /** Events committed after `after`, in (transactionId, globalPosition) order, never past a running transaction. */
  readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]>;
  lookup(scope: string, key: string): Promise<unknown | undefined>;
  /**
   * Calls `listener` soon after events are committed (by this process or another), so followers of
   * the global log need not poll hard. A hint only: it may come late, twice, or for several appends.
   * Answers a function that stops listening.
   */
  onAppended(listener: () => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The stream moved on since it was read: reload, decide again, retry (or answer 409). */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'any',
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${expected}, found ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** A reservation key is already taken: `existing` is the value that holds it. */
export class ReservationTakenError extends Error {
  constructor(
    readonly scope: string,
    readonly key: string,
    readonly existing: unknown,
  ) {
    super(`reservation ${scope}/${key} is already taken`);
    this.name = 'ReservationTakenError';
  }
}
