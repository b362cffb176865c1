import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideExpireBook,
  decideIssueCreditNote,
  evolveBook,
  evolveProgramme,
  initialBookState,
  initialProgrammeState,
  isAfter,
  redemptionDeadline,
  streams,
  type Actor,
  type Cents,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { decideAndAppend, loadAggregate } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { randomId } from '../../infrastructure/random-ids';
import { ProblemException } from '../../problems/problem.exception';

/** `actor` is absent when the daily scheduler runs it. */
export class ExpireProgrammeCommand {
  constructor(
    readonly programmeId: string,
    readonly actor?: Actor,
  ) {}
}

export interface ExpiryOutcome {
  programmeId: string;
  expiredVouchers: number;
  creditNote: { creditNoteId: string; amountCents: number; voucherCount: number } | null;
}

/**
 * The expiry run: book by book, every voucher neither redeemed nor voided expires (each book's
 * version guards against a redemption racing it), then one credit note covers what no earlier
 * note did. Idempotent: a second run, or a run resumed after a crash, adds only what is missing.
 */
@CommandHandler(ExpireProgrammeCommand)
export class ExpireProgrammeHandler implements ICommandHandler<ExpireProgrammeCommand> {
  private readonly logger = new Logger('ExpiryRun');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ programmeId, actor }: ExpireProgrammeCommand): Promise<ExpiryOutcome> {
    const now = this.clock.now();
    const { state: programme } = await loadAggregate(
      this.store,
      streams.programme(programmeId),
      evolveProgramme,
      initialProgrammeState,
    );
    const allowed =
      !actor ||
      actor.role === 'admin' ||
      (actor.role === 'payer' && programme.status === 'open' && programme.payerId === actor.org);
    if (programme.status === 'none' || !allowed)
      throw new ProblemException('programme.not-found', `no programme ${programmeId}`);
    const deadline = redemptionDeadline(programme.validUntil, programme.gracePeriodDays);
    if (!isAfter(now, deadline))
      throw new ProblemException(
        'programme.grace-period-running',
        `vouchers can be redeemed until ${deadline}`,
      );
    let expiredVouchers = 0;
    let expiredCents = 0;
    let expiredBefore = 0;
    for (const bookId of programme.bookIds) {
      const events = await decideAndAppend(this.store, {
        streamId: streams.book(bookId),
        evolve: evolveBook,
        initial: initialBookState,
        decide: (book) => decideExpireBook({ bookId, now }, book),
        metadata: { by: actor?.subject ?? 'expiry-scheduler' },
      });
      expiredVouchers += events.reduce((sum, event) => sum + event.data.voucherIds.length, 0);
      const { state: book } = await loadAggregate(
        this.store,
        streams.book(bookId),
        evolveBook,
        initialBookState,
      );
      if (book.status === 'none') continue;
      const expired = book.vouchers.filter((voucher) => voucher.expired).length;
      expiredBefore += expired;
      expiredCents += expired * book.faceValueCents;
    }
    const creditNoteId = randomId('avoir');
    const [note] = await decideAndAppend(this.store, {
      streamId: streams.programme(programmeId),
      evolve: evolveProgramme,
      initial: initialProgrammeState,
      decide: (state) =>
        decideIssueCreditNote(
          {
            programmeId,
            creditNoteId,
            expiredVoucherCount: expiredBefore,
            expiredCents: expiredCents as Cents,
            now,
          },
          state,
        ),
      metadata: { by: actor?.subject ?? 'expiry-scheduler' },
    });
    if (expiredVouchers > 0) this.logger.log(`programme ${programmeId}: ${expiredVouchers} vouchers expired`);
    return {
      programmeId,
      expiredVouchers,
      creditNote: note
        ? { creditNoteId, amountCents: note.data.amountCents, voucherCount: note.data.voucherCount }
        : null,
    };
  }
}
