import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decidePayBatch,
  evolveSettlementBatch,
  initialSettlementBatchState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { decideAndAppend } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';

export class PaySettlementCommand {
  constructor(
    readonly actor: Actor,
    readonly batchId: string,
    readonly paymentReference: string,
  ) {}
}

@CommandHandler(PaySettlementCommand)
export class PaySettlementHandler implements ICommandHandler<PaySettlementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, batchId, paymentReference }: PaySettlementCommand) {
    const now = this.clock.now();
    const [paid] = await decideAndAppend(this.store, {
      streamId: streams.settlement(batchId),
      evolve: evolveSettlementBatch,
      initial: initialSettlementBatchState,
      decide: (state) => decidePayBatch({ actor, batchId, paymentReference, now }, state),
      metadata: { by: actor.subject },
    });
    const { totalCents, paidAt } = paid.data;
    return { batchId, status: 'paid', totalCents, paymentReference: paid.data.paymentReference, paidAt };
  }
}
