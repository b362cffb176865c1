import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideAllocateBook,
  evolveBook,
  evolveProgramme,
  initialBookState,
  initialProgrammeState,
  isHolder,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore, StreamAppend } from '@pass/event-store';
import { loadAggregate, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { ProblemException } from '../../problems/problem.exception';
import type { AllocateBooksRequest } from './allocate-books.request';

export class AllocateBooksCommand {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
    readonly request: AllocateBooksRequest,
  ) {}
}

/** Allocates a range of books to a distributor ("injectés"), all or none, in one append. */
@CommandHandler(AllocateBooksCommand)
export class AllocateBooksHandler implements ICommandHandler<AllocateBooksCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute({ actor, programmeId, request }: AllocateBooksCommand) {
    if ((request.bookIds === undefined) === (request.count === undefined))
      throw new ProblemException('request.invalid', 'send either bookIds or count');
    return retryOnConflict(async () => {
      const programmeStream = streams.programme(programmeId);
      const programme = await loadAggregate(
        this.store,
        programmeStream,
        evolveProgramme,
        initialProgrammeState,
      );
      if (
        programme.state.status === 'none' ||
        actor.role !== 'payer' ||
        programme.state.payerId !== actor.org
      )
        throw new ProblemException('programme.not-found', `no programme ${programmeId}`);
      const candidates = request.bookIds ?? programme.state.bookIds;
      const books = await Promise.all(
        candidates.map((bookId) =>
          loadAggregate(this.store, streams.book(bookId), evolveBook, initialBookState),
        ),
      );
      const chosen = request.bookIds
        ? books
        : books
            .filter(({ state }) => state.status === 'issued' && isHolder(state, actor))
            .slice(0, request.count);
      if (request.count !== undefined && chosen.length < request.count)
        throw new ProblemException(
          'book.invalid-request',
          `only ${chosen.length} books are still in the payer's hands`,
        );
      const now = this.clock.now();
      const appends: StreamAppend[] = chosen.map(({ state, version }, index) => {
        const bookId = state.status === 'none' ? candidates[index] : state.bookId;
        if (state.status !== 'none' && state.programmeId !== programmeId)
          throw new ProblemException('book.not-found', `no book ${bookId} in this programme`);
        const decision = orThrow(
          decideAllocateBook(
            { actor, bookId, toDistributorId: request.distributorId, now },
            state,
            programme.state,
          ),
        );
        return {
          streamId: streams.book(bookId),
          expectedVersion: version,
          events: toNewEvents(decision, { by: actor.subject }),
        };
      });
      await this.store.append([
        ...appends,
        { streamId: programmeStream, expectedVersion: programme.version, events: [] },
      ]);
      return {
        distributorId: request.distributorId,
        bookIds: appends.map((append) => append.streamId.slice('book-'.length)),
        allocatedAt: now,
      };
    });
  }
}
