import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  evolveBook,
  initialBookState,
  streams,
  type Actor,
  type BookAllocated,
  type BookDistributed,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate } from '../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { ProblemException } from '../problems/problem.exception';
import { readWholeLog } from '../programmes/end-of-programme/programme-log';

export class DistributorBooksQuery {
  constructor(
    readonly actor: Actor,
    readonly distributorId: string,
  ) {}
}

/**
 * The books a distributor holds or handed out, with their status. Found by reading the log for
 * its allocations and hand-overs (a read model is the faster path once distributors are many).
 */
@QueryHandler(DistributorBooksQuery)
export class DistributorBooksHandler implements IQueryHandler<DistributorBooksQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor, distributorId }: DistributorBooksQuery) {
    if (actor.role !== 'distributor' || actor.org !== distributorId)
      throw new ProblemException('route.not-found', `no distributor ${distributorId}`);
    const bookIds = new Set<string>();
    for (const event of await readWholeLog(this.store)) {
      if (
        event.type === 'BookAllocated.v1' &&
        (event.data as BookAllocated['data']).toDistributorId === distributorId
      )
        bookIds.add((event.data as BookAllocated['data']).bookId);
      if (
        event.type === 'BookDistributed.v1' &&
        (event.data as BookDistributed['data']).distributorId === distributorId
      )
        bookIds.add((event.data as BookDistributed['data']).bookId);
    }
    const books = await Promise.all(
      [...bookIds].map((bookId) =>
        loadAggregate(this.store, streams.book(bookId), evolveBook, initialBookState),
      ),
    );
    return books.flatMap(({ state }) => {
      if (state.status === 'none') return [];
      const held = state.holder.kind === 'distributor' && state.holder.id === distributorId;
      return [
        {
          bookId: state.bookId,
          programmeId: state.programmeId,
          status: state.status,
          heldByYou: held && state.status === 'issued',
          handedOutByYou: state.wasDistributed && state.distributorId === distributorId,
          passedOnTo: held || state.holder.kind !== 'distributor' ? null : state.holder.id,
          vouchers: state.vouchers.length,
          vouchersRedeemed: state.vouchers.filter((voucher) => voucher.redemption).length,
          validUntil: state.validUntil,
        },
      ];
    });
  }
}
