import { evolveLedger, initialLedgerState, type LedgerState } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate, type LoadedAggregate } from '../../infrastructure/aggregate-stream';

/** Ledgers kept in memory; past this many, the least recently used is read from the store again. */
const CAPACITY = 5_000;

/**
 * The payables reactor's ledgers as it last wrote them. Without it every pass re-read and
 * re-folded each ledger it touched, which grows with the ledger. Safe because the append still
 * checks the version: a ledger moved by someone else fails the append, is forgotten, and re-read.
 */
export class LedgerCache {
  private readonly ledgers = new Map<string, LoadedAggregate<LedgerState>>();

  constructor(private readonly store: EventStore) {}

  async load(streamId: string): Promise<LoadedAggregate<LedgerState>> {
    const cached = this.ledgers.get(streamId);
    if (cached) {
      this.remember(streamId, cached);
      return cached;
    }
    return loadAggregate(this.store, streamId, evolveLedger, initialLedgerState);
  }

  remember(streamId: string, ledger: LoadedAggregate<LedgerState>): void {
    // A Map iterates in insertion order: re-inserting marks the ledger as the most recent.
    this.ledgers.delete(streamId);
    this.ledgers.set(streamId, ledger);
    if (this.ledgers.size > CAPACITY) this.ledgers.delete(this.ledgers.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.ledgers.delete(streamId);
  }
}
