import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  bookIdOfVoucher,
  decideRedeemVoucher,
  evolveBook,
  evolveVenue,
  initialBookState,
  initialVenueState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadTwoAggregates, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { randomId } from '../../infrastructure/random-ids';
import { IdempotencyService } from '../../idempotency/idempotency.service';
import { ProblemException } from '../../problems/problem.exception';
import type { RedeemVoucherRequest } from './redeem-voucher.request';
import { VoucherResolver } from './voucher-resolver';

export class RedeemVoucherCommand {
  constructor(
    readonly actor: Actor,
    readonly request: RedeemVoucherRequest,
    readonly idempotencyKey: string | undefined,
  ) {}
}

export interface Redemption {
  redemptionId: string;
  voucherId: string;
  amountCents: number;
  scannedAt: string;
}

@CommandHandler(RedeemVoucherCommand)
export class RedeemVoucherHandler implements ICommandHandler<RedeemVoucherCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly vouchers: VoucherResolver,
    private readonly idempotency: IdempotencyService,
  ) {}

  execute({ actor, request, idempotencyKey }: RedeemVoucherCommand): Promise<Redemption> {
    if (idempotencyKey === undefined)
      throw new ProblemException(
        'idempotency.key-required',
        'send an Idempotency-Key header so a retry cannot pay twice',
      );
    const idempotent = this.idempotency.request(actor, 'redeem', idempotencyKey, request);
    return this.idempotency.execute(idempotent, async () => {
      const voucherId = await this.vouchers.resolve(request);
      const bookId = bookIdOfVoucher(voucherId);
      if (!bookId) throw new ProblemException('voucher.not-found', `no voucher ${voucherId}`);
      const redemptionId = randomId('rdm');
      const now = this.clock.now();
      const scannedAt = request.scannedAt ? new Date(request.scannedAt).toISOString() : now;
      // The book stream is the unit of consistency: its version makes concurrent scans of one voucher race for one append.
      return retryOnConflict(async () => {
        const [book, venue] = await loadTwoAggregates(
          this.store,
          { streamId: streams.book(bookId), evolve: evolveBook, initial: initialBookState },
          { streamId: streams.venue(actor.org), evolve: evolveVenue, initial: initialVenueState },
        );
        const command = {
          actor,
          voucherId,
          redemptionId,
          servicePriceCents: request.servicePriceCents,
          scannedAt,
          now,
        };
        const [redeemed] = orThrow(decideRedeemVoucher(command, book.state, venue.state));
        const answer: Redemption = {
          redemptionId,
          voucherId,
          amountCents: redeemed.data.amountCents,
          scannedAt,
        };
        await this.store.append(
          [
            {
              streamId: streams.book(bookId),
              expectedVersion: book.version,
              events: toNewEvents([redeemed], { by: actor.subject }),
            },
          ],
          { reservations: this.idempotency.reservation(idempotent, 201, answer) },
        );
        return answer;
      });
    });
  }
}
