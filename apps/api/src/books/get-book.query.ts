import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { evolveBook, initialBookState, maySeeBook, streams, type Actor } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate } from '../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { ProblemException } from '../problems/problem.exception';

export class GetBookQuery {
  constructor(
    readonly actor: Actor,
    readonly bookId: string,
  ) {}
}

/** A book, its holder and its chain of distributors; no beneficiary reference, no voucher codes. */
@QueryHandler(GetBookQuery)
export class GetBookHandler implements IQueryHandler<GetBookQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor, bookId }: GetBookQuery) {
    const { state } = await loadAggregate(this.store, streams.book(bookId), evolveBook, initialBookState);
    if (state.status === 'none' || !maySeeBook(state, actor))
      throw new ProblemException('book.not-found', `no book ${bookId}`);
    return {
      bookId,
      programmeId: state.programmeId,
      status: state.status,
      holder: state.holder,
      chain: state.chain,
      distributorId: state.distributorId ?? null,
      validUntil: state.validUntil,
      gracePeriodDays: state.gracePeriodDays,
      vouchers: state.vouchers.map((voucher) => ({
        voucherId: voucher.voucherId,
        status: voucher.redemption
          ? 'redeemed'
          : voucher.voided
            ? 'void'
            : voucher.expired
              ? 'expired'
              : state.status,
      })),
    };
  }
}
