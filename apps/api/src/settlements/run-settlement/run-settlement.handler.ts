import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideBatchPayables,
  evolveLedger,
  initialLedgerState,
  isAfter,
  streams,
  type Actor,
  type OpenedBatchState,
  type SettlementBatchOpened,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { ProblemException } from '../../problems/problem.exception';
import { batchView, newBatchId, venueHasBankAccount, type BatchView } from '../batch-view';
import { PayablesReactor, sqlOf } from '../payables/payables-reactor';
import { ledgersOfPayer, type LedgerKey } from '../payables/settlement-tables';
import type { RunSettlementRequest } from './run-settlement.request';

/** How long a settlement run waits for the reactor to record the redemptions logged before it. */
const CATCH_UP_MS = 20_000;

export class RunSettlementCommand {
  constructor(
    readonly actor: Actor,
    readonly request: RunSettlementRequest,
  ) {}
}

@CommandHandler(RunSettlementCommand)
export class RunSettlementHandler implements ICommandHandler<RunSettlementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly reactor: PayablesReactor,
  ) {}

  async execute({ actor, request }: RunSettlementCommand): Promise<{ batches: BatchView[] }> {
    const now = this.clock.now();
    const until = request.until ? new Date(request.until).toISOString() : now;
    if (isAfter(until, now))
      throw new ProblemException('settlement.invalid', '`until` may not be in the future');
    if (!(await this.reactor.catchUp(CATCH_UP_MS)))
      throw new ProblemException(
        'settlement.catching-up',
        'redemptions are still being recorded, retry shortly',
      );
    const batches: BatchView[] = [];
    for (const ledger of await ledgersOfPayer(sqlOf(this.store), actor.org)) {
      const opened = await this.settle(actor, ledger, until, now);
      if (opened) batches.push(batchView(opened, !opened.awaitingBankDetails));
    }
    return { batches };
  }

  /** One ledger: its batch and the ledger's PayablesBatched in one append, or nothing left to batch. */
  private async settle(
    actor: Actor,
    { payerId, venueId }: LedgerKey,
    until: string,
    now: string,
  ): Promise<OpenedBatchState | undefined> {
    const awaitingBankDetails = !(await venueHasBankAccount(this.store, venueId));
    const ledgerStream = streams.ledger(payerId, venueId);
    const metadata = { by: actor.subject };
    return retryOnConflict(async () => {
      const { state, version } = await loadAggregate(
        this.store,
        ledgerStream,
        evolveLedger,
        initialLedgerState,
      );
      const batchId = newBatchId();
      const events = orThrow(
        decideBatchPayables({ actor, payerId, venueId, batchId, until, awaitingBankDetails, now }, state),
      );
      const opened = events.find(
        (event): event is SettlementBatchOpened => event.type === 'SettlementBatchOpened.v1',
      );
      if (!opened) return undefined;
      const batched = events.filter((event) => event !== opened);
      await this.store.append([
        { streamId: ledgerStream, expectedVersion: version, events: toNewEvents(batched, metadata) },
        {
          streamId: streams.settlement(batchId),
          expectedVersion: 0,
          events: toNewEvents([opened], metadata),
        },
      ]);
      return { status: 'opened', ...opened.data };
    });
  }
}
