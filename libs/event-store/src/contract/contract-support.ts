import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { EventStore, GlobalPosition, NewEvent, START_OF_LOG, StoredEvent } from '../event-store.port';

/** What a runner hands to the contract: a fresh store, and what its engine can do. */
export interface ContractSubject {
  readonly store: EventStore;
  /** True when writers can really run at the same time (PostgreSQL); PGlite serialises them. */
  readonly supportsConcurrentConnections: boolean;
  /** An independent session on the same database and schema; required when supportsConcurrentConnections. */
  readonly openSession?: () => Promise<Client>;
  readonly cleanup: () => Promise<void>;
}

export type OpenSubject = () => Promise<ContractSubject>;

/** The contract's describe blocks get the subject lazily: it only exists once beforeAll has run. */
export type SubjectRef = () => ContractSubject;

export const OPEN_TIMEOUT_MS = 60_000;

export function uniqueStreamId(prefix = 'stream'): string {
  return `${prefix}-${randomUUID()}`;
}

export function newEvent(
  type = 'SomethingHappened',
  data: unknown = { at: randomUUID() },
  metadata?: Record<string, unknown>,
): NewEvent {
  return { eventId: randomUUID(), type, data, metadata };
}

export function newEvents(count: number, type = 'SomethingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

export function eventIds(events: readonly { eventId: string }[]): string[] {
  return events.map((event) => event.eventId);
}

/** Pages through readAll from `after` until an empty page. */
export async function readLog(
  store: EventStore,
  after: GlobalPosition = START_OF_LOG,
  pageSize = 500,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let checkpoint = after; ;) {
    const page = await store.readAll(checkpoint, pageSize);
    if (page.length === 0) return events;
    events.push(...page);
    checkpoint = page[page.length - 1].position;
  }
}

/**
 * readAll stops before the oldest running write transaction of the whole server, whoever runs it
 * (another suite's migration, say): the log may lag for a moment. Retry until `done`, then return
 * what was read so that the assertion that follows shows the difference.
 */
export async function readLogUntil(
  store: EventStore,
  done: (events: StoredEvent[]) => boolean,
  after: GlobalPosition = START_OF_LOG,
  timeoutMs = 5_000,
): Promise<StoredEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await readLog(store, after);
    if (done(events) || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function containsAll(ids: readonly string[]): (events: StoredEvent[]) => boolean {
  return (events) => {
    const read = new Set(eventIds(events));
    return ids.every((id) => read.has(id));
  };
}

/** Compares log positions the way readers order them: transaction id, then global position. */
export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  const byPosition = BigInt(a.globalPosition) - BigInt(b.globalPosition);
  return byPosition === 0n ? 0 : byPosition < 0n ? -1 : 1;
}

export function fulfilledAndRejected<T>(results: PromiseSettledResult<T>[]): {
  fulfilled: { index: number; value: T }[];
  rejected: { index: number; reason: unknown }[];
} {
  const fulfilled: { index: number; value: T }[] = [];
  const rejected: { index: number; reason: unknown }[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') fulfilled.push({ index, value: result.value });
    else rejected.push({ index, reason: result.reason });
  });
  return { fulfilled, rejected };
}
