import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideAllocateBook,
  decideCancelBook,
  decideDistributeBook,
  evolveBook,
  initialBookState,
  streams,
  type Actor,
  type CancellationReason,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { decideAndAppend } from '../infrastructure/aggregate-stream';
import { Clock } from '../infrastructure/clock';
import { decideOnBookInProgramme } from './book-in-programme';
import { EVENT_STORE } from '../infrastructure/event-store.module';

export class DistributeBookCommand {
  constructor(
    readonly actor: Actor,
    readonly bookId: string,
    readonly distributorId: string,
    readonly beneficiaryRef?: string,
  ) {}
}

export class CancelBookCommand {
  constructor(
    readonly actor: Actor,
    readonly bookId: string,
    readonly reason: CancellationReason,
  ) {}
}

@CommandHandler(DistributeBookCommand)
export class DistributeBookHandler implements ICommandHandler<DistributeBookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: DistributeBookCommand) {
    const now = this.clock.now();
    await decideOnBookInProgramme(
      this.store,
      command.bookId,
      (book, programme) => decideDistributeBook({ ...command, now }, book, programme),
      { by: command.actor.subject },
    );
    return { bookId: command.bookId, distributorId: command.distributorId, distributedAt: now };
  }
}

export class AllocateBookCommand {
  constructor(
    readonly actor: Actor,
    readonly bookId: string,
    readonly toDistributorId: string,
  ) {}
}

/** Allocation by the payer, or passing on by the holding distributor, of one book. */
@CommandHandler(AllocateBookCommand)
export class AllocateBookHandler implements ICommandHandler<AllocateBookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: AllocateBookCommand) {
    const now = this.clock.now();
    await decideOnBookInProgramme(
      this.store,
      command.bookId,
      (book, programme) => decideAllocateBook({ ...command, now }, book, programme),
      { by: command.actor.subject },
    );
    return { bookId: command.bookId, distributorId: command.toDistributorId, allocatedAt: now };
  }
}

@CommandHandler(CancelBookCommand)
export class CancelBookHandler implements ICommandHandler<CancelBookCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelBookCommand) {
    const now = this.clock.now();
    const [cancelled] = await decideAndAppend(this.store, {
      streamId: streams.book(command.bookId),
      evolve: evolveBook,
      initial: initialBookState,
      decide: (state) => decideCancelBook({ ...command, now }, state),
      metadata: { by: command.actor.subject },
    });
    return { bookId: command.bookId, cancelledAt: now, voidedVoucherIds: cancelled.data.voidedVoucherIds };
  }
}
