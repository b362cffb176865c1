import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  evolveBook,
  evolveProgramme,
  initialBookState,
  initialProgrammeState,
  isFunder,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate } from '../../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';

export class GetProgrammeQuery {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
  ) {}
}

/**
 * Figures folded from the programme's and its books' streams. The projections issue serves them
 * from a read model instead; until then a programme's size bounds the cost of this read.
 */
@QueryHandler(GetProgrammeQuery)
export class GetProgrammeHandler implements IQueryHandler<GetProgrammeQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor, programmeId }: GetProgrammeQuery) {
    const { state } = await loadAggregate(
      this.store,
      streams.programme(programmeId),
      evolveProgramme,
      initialProgrammeState,
    );
    if (state.status === 'none' || actor.role !== 'payer' || !isFunder(state, actor.org))
      throw new ProblemException('programme.not-found', `no programme ${programmeId}`);
    let redeemedCents = 0;
    let redemptions = 0;
    for (const bookId of state.bookIds) {
      const { state: book } = await loadAggregate(
        this.store,
        streams.book(bookId),
        evolveBook,
        initialBookState,
      );
      if (book.status === 'none') continue;
      for (const voucher of book.vouchers) {
        if (!voucher.redemption) continue;
        redeemedCents += voucher.redemption.amountCents;
        redemptions += 1;
      }
    }
    return {
      programmeId,
      payerId: state.payerId,
      name: state.name,
      territory: state.territory,
      faceValueCents: state.faceValueCents,
      validFrom: state.validFrom,
      validUntil: state.validUntil,
      coFunders: state.coFunders,
      budgetCents: state.budgetCents,
      committedCents: state.committedCents,
      remainingCents: state.budgetCents - state.committedCents,
      redeemedCents,
      reimbursedCents: 0,
      books: state.bookIds.length,
      redemptions,
    };
  }
}
