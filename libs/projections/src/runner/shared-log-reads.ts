import type { EventStore, GlobalPosition, StoredEvent } from '@pass/event-store';

export type LogReader = Pick<EventStore, 'readAll'>;

/**
 * One query for the runners of a host that read the same page of the log at the same time. They
 * are woken by the same appends and their batches commit together (BatchCombiner), so they
 * usually ask for the page after the same checkpoint within one turn of the event loop: alone,
 * each of six runners read and parsed every event, about a third of a projector process's main
 * thread. Only reads in flight are shared, never kept: a read asked for once the first
 * has answered goes to the database, so no runner sees the log older than when it asked.
 */
export class SharedLogReads implements LogReader {
  private readonly inFlight = new Map<string, Promise<StoredEvent[]>>();

  constructor(private readonly store: LogReader) {}

  readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    const key = `${after.transactionId}/${after.globalPosition}/${limit}`;
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const read = this.store.readAll(after, limit).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, read);
    return read;
  }
}
