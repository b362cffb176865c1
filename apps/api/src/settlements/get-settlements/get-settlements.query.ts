import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  evolveLedger,
  evolveSettlementBatch,
  initialLedgerState,
  initialSettlementBatchState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate } from '../../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import {
  batchView,
  loadVisibleBatch,
  venueHasBankAccount,
  withPayables,
  type BatchView,
} from '../batch-view';
import { PayablesReactor, sqlOf } from '../payables/payables-reactor';
import { ledgersOfPayer, ledgersOfVenue } from '../payables/settlement-tables';

export class ListSettlementsQuery {
  constructor(readonly actor: Actor) {}
}

export class GetSettlementQuery {
  constructor(
    readonly actor: Actor,
    readonly batchId: string,
  ) {}
}

/**
 * A payer's batches, or a venue's, found through the ledgers that owe them and read from the
 * batch streams. The projections issue may serve this from a read model; until then the number of
 * ledgers and batches bounds the cost.
 */
@QueryHandler(ListSettlementsQuery)
export class ListSettlementsHandler implements IQueryHandler<ListSettlementsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reactor: PayablesReactor,
  ) {}

  async execute({ actor }: ListSettlementsQuery): Promise<{ batches: BatchView[] }> {
    await this.reactor.ready();
    const sql = sqlOf(this.store);
    const ledgers =
      actor.role === 'venue' ? await ledgersOfVenue(sql, actor.org) : await ledgersOfPayer(sql, actor.org);
    const bankAccounts = new Map<string, Promise<boolean>>();
    const batches: BatchView[] = [];
    for (const ledger of ledgers) {
      const { state } = await loadAggregate(
        this.store,
        streams.ledger(ledger.payerId, ledger.venueId),
        evolveLedger,
        initialLedgerState,
      );
      for (const batchId of state.batchIds) {
        const { state: batch } = await loadAggregate(
          this.store,
          streams.settlement(batchId),
          evolveSettlementBatch,
          initialSettlementBatchState,
        );
        if (batch.status === 'none') continue;
        if (!bankAccounts.has(batch.venueId))
          bankAccounts.set(batch.venueId, venueHasBankAccount(this.store, batch.venueId));
        batches.push(batchView(batch, await bankAccounts.get(batch.venueId)!));
      }
    }
    batches.sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.batchId.localeCompare(b.batchId));
    return { batches };
  }
}

@QueryHandler(GetSettlementQuery)
export class GetSettlementHandler implements IQueryHandler<GetSettlementQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor, batchId }: GetSettlementQuery) {
    const batch = await loadVisibleBatch(this.store, actor, batchId);
    return withPayables(batchView(batch, await venueHasBankAccount(this.store, batch.venueId)), batch);
  }
}
