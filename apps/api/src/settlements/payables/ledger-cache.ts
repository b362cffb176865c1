import { evolveLedger, initialLedgerState, type LedgerState } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate, type LoadedAggregate } from '../../infrastructure/aggregate-stream';

/**
 * Bounds of what is kept: ledgers, and redemption ids recorded across them (a ledger keeps every id
 * it ever recorded). Past either, the least recently used ledgers are read from the store again.
 */
const MAX_LEDGERS = 5_000;
const MAX_RECORDED_IDS = 500_000;

/**
 * The payables reactor's ledgers as it last wrote them. Without it every pass re-read and
 * re-folded each ledger it touched, which grows with the ledger. Safe because the append still
 * checks the version: a ledger moved by someone else fails the append, is forgotten, and re-read.
 */
export class LedgerCache {
  private readonly ledgers = new Map<string, LoadedAggregate<LedgerState>>();
  private recordedIds = 0;

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
    this.forget(streamId);
    this.ledgers.set(streamId, ledger);
    this.recordedIds += ledger.state.recorded.size;
    while (this.ledgers.size > MAX_LEDGERS || (this.recordedIds > MAX_RECORDED_IDS && this.ledgers.size > 1))
      this.forget(this.ledgers.keys().next().value as string);
  }

  forget(streamId: string): void {
    const ledger = this.ledgers.get(streamId);
    if (!ledger) return;
    this.recordedIds -= ledger.state.recorded.size;
    this.ledgers.delete(streamId);
  }
}
