import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideIssueBooks,
  evolveProgramme,
  initialProgrammeState,
  streams,
  voucherIdOf,
  type Actor,
  type NewBook,
} from '@pass/domain';
import { ReservationTakenError, type EventStore } from '@pass/event-store';
import { formatVoucherCode, generateVoucherCodes, SigningKeyRing } from '@pass/vouchers';
import { loadAggregate, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { randomId } from '../../infrastructure/random-ids';
import { IdempotencyService, type IdempotentRequest } from '../../idempotency/idempotency.service';
import type { IssueBooksRequest } from './issue-books.request';

export const VOUCHER_CODE_RESERVATION = 'voucher-code';

export class IssueBooksCommand {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
    readonly request: IssueBooksRequest,
    readonly idempotencyKey?: string,
  ) {}
}

export interface IssuedBooks {
  books: { bookId: string; vouchers: { voucherId: string; code: string; qr: string }[] }[];
}

@CommandHandler(IssueBooksCommand)
export class IssueBooksHandler implements ICommandHandler<IssueBooksCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly keys: SigningKeyRing,
    private readonly idempotency: IdempotencyService,
  ) {}

  execute({ actor, programmeId, request, idempotencyKey }: IssueBooksCommand): Promise<IssuedBooks> {
    const idempotent = this.idempotency.request(actor, `issue-books:${programmeId}`, idempotencyKey, request);
    return this.idempotency.execute(idempotent, () =>
      this.issueWithFreshCodes(actor, programmeId, request, idempotent),
    );
  }

  /** 60 random bits per code make a clash vanishingly rare; if one happens, draw again. */
  private async issueWithFreshCodes(
    actor: Actor,
    programmeId: string,
    request: IssueBooksRequest,
    idempotent: IdempotentRequest | undefined,
  ): Promise<IssuedBooks> {
    for (let draw = 1; ; draw++) {
      try {
        return await this.issue(actor, programmeId, drawBooks(request), idempotent);
      } catch (error) {
        const codeClash = error instanceof ReservationTakenError && error.scope === VOUCHER_CODE_RESERVATION;
        if (!codeClash || draw >= 3) throw error;
      }
    }
  }

  /** Budget and books commit together: the programme's version guards invariant 2 under concurrency. */
  private async issue(
    actor: Actor,
    programmeId: string,
    books: NewBook[],
    idempotent: IdempotentRequest | undefined,
  ) {
    let answer: IssuedBooks | undefined;
    return retryOnConflict(async () => {
      const programmeStream = streams.programme(programmeId);
      const { state, version } = await loadAggregate(
        this.store,
        programmeStream,
        evolveProgramme,
        initialProgrammeState,
      );
      const now = this.clock.now();
      const decision = orThrow(decideIssueBooks({ actor, programmeId, books, now }, state));
      // Signing is most of an issuance's CPU: only once the books are accepted, and once for all retries.
      answer ??= await this.present(books);
      const metadata = { by: actor.subject };
      await this.store.append(
        [
          {
            streamId: programmeStream,
            expectedVersion: version,
            events: toNewEvents([decision.programmeEvent], metadata),
          },
          ...decision.bookEvents.map((event) => ({
            streamId: streams.book(event.data.bookId),
            expectedVersion: 0,
            events: toNewEvents([event], metadata),
          })),
        ],
        {
          reservations: [
            ...books.flatMap((book) =>
              book.vouchers.map((v) => ({
                scope: VOUCHER_CODE_RESERVATION,
                key: v.code,
                value: v.voucherId,
              })),
            ),
            ...this.idempotency.reservation(idempotent, 201, answer),
          ],
        },
      );
      return answer;
    });
  }

  private async present(books: NewBook[]): Promise<IssuedBooks> {
    const qrs = await this.keys.signVouchers(books.flatMap((book) => book.vouchers.map((v) => v.voucherId)));
    let next = 0;
    return {
      books: books.map((book) => ({
        bookId: book.bookId,
        vouchers: book.vouchers.map((v) => ({
          voucherId: v.voucherId,
          code: formatVoucherCode(v.code),
          qr: qrs[next++],
        })),
      })),
    };
  }
}

function drawBooks(request: IssueBooksRequest): NewBook[] {
  const codes = generateVoucherCodes(request.books * request.vouchersPerBook);
  let next = 0;
  return Array.from({ length: request.books }, () => {
    const bookId = randomId('bk');
    return {
      bookId,
      vouchers: Array.from({ length: request.vouchersPerBook }, (_, index) => ({
        voucherId: voucherIdOf(bookId, index),
        code: codes[next++],
      })),
    };
  });
}
