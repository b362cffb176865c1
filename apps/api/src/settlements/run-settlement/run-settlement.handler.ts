import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isAfter, type Actor } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';
import { batchView, type BatchView } from '../batch-view';
import { PayablesReactor, sqlOf } from '../payables/payables-reactor';
import { ledgersOfPayer } from '../payables/settlement-tables';
import { LedgerSettlement } from './ledger-settlement';
import type { RunSettlementRequest } from './run-settlement.request';

/** How long a settlement run waits for the reactor to record the redemptions logged before it. */
export const CATCH_UP_MS = 20_000;

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
    private readonly ledgers: LedgerSettlement,
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
      const opened = await this.ledgers.settle({ actor, ledger, until, now });
      if (opened) batches.push(batchView(opened, !opened.awaitingBankDetails));
    }
    return { batches };
  }
}
