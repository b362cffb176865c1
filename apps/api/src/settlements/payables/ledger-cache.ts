import { evolveLedger, initialLedgerState, type LedgerState } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate, type LoadedAggregate } from '../../infrastructure/aggregate-stream';
import { RecentAggregates } from '../../infrastructure/recent-aggregates';

/**
 * The payables reactor's ledgers as it last wrote them. Without it every pass re-read and
 * re-folded each ledger it touched, which grows with the ledger. Bounded in ledgers, and in
 * redemption ids recorded across them (a ledger keeps every id it ever recorded).
 */
export class LedgerCache {
  private readonly recent = new RecentAggregates<LedgerState>({
    maxAggregates: 5_000,
    maxWeight: 500_000,
    weigh: (ledger) => ledger.recorded.size,
  });

  constructor(private readonly store: EventStore) {}

  async load(streamId: string): Promise<LoadedAggregate<LedgerState>> {
    return this.recent.get(streamId) ?? loadAggregate(this.store, streamId, evolveLedger, initialLedgerState);
  }

  remember(streamId: string, ledger: LoadedAggregate<LedgerState>): void {
    this.recent.remember(streamId, ledger);
  }

  forget(streamId: string): void {
    this.recent.forget(streamId);
  }
}
