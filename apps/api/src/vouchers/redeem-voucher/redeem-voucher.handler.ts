import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  bookIdOfVoucher,
  decideRedeemSession,
  evolveBook,
  evolveVenue,
  initialBookState,
  initialVenueState,
  streams,
  type Actor,
  type BookState,
  type VoucherRedeemed,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { foldStream, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { randomId } from '../../infrastructure/random-ids';
import { IdempotencyService } from '../../idempotency/idempotency.service';
import { ProblemException } from '../../problems/problem.exception';
import type { RedeemVoucherRequest, VoucherScanRequest } from './redeem-voucher.request';
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

export interface SessionRedemption {
  sessionId: string;
  redemptions: { redemptionId: string; voucherId: string; amountCents: number }[];
  totalCents: number;
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

  execute({ actor, request, idempotencyKey }: RedeemVoucherCommand): Promise<Redemption | SessionRedemption> {
    if (idempotencyKey === undefined)
      throw new ProblemException(
        'idempotency.key-required',
        'send an Idempotency-Key header so a retry cannot pay twice',
      );
    const scans = scansOf(request);
    const idempotent = this.idempotency.request(actor, 'redeem', idempotencyKey, request);
    return this.idempotency.execute(idempotent, async () => {
      const voucherIds = await Promise.all(scans.map((scan) => this.vouchers.resolve(scan)));
      const bookIds = [...new Set(voucherIds.map(bookIdFor))];
      const now = this.clock.now();
      const session = {
        actor,
        vouchers: voucherIds.map((voucherId) => ({ voucherId, redemptionId: randomId('rdm') })),
        sessionId: request.vouchers ? randomId('ses') : undefined,
        serviceId: request.serviceId,
        locationId: request.locationId,
        servicePriceCents: request.servicePriceCents,
        scannedAt: request.scannedAt ? new Date(request.scannedAt).toISOString() : now,
        now,
      };
      // Each book stream is the unit of consistency of its vouchers: their versions make concurrent
      // scans race for one append, and a session's books are appended all together or not at all.
      return retryOnConflict(async () => {
        const { books, versions, venue } = await this.load(bookIds, actor.org);
        const redeemed = orThrow(decideRedeemSession(session, books, venue));
        const answer = answerFor(redeemed, session.sessionId, session.scannedAt);
        await this.store.append(
          bookIds.map((bookId) => ({
            streamId: streams.book(bookId),
            expectedVersion: versions.get(bookId) ?? 0,
            events: toNewEvents(
              redeemed.filter((event) => event.data.bookId === bookId),
              { by: actor.subject },
            ),
          })),
          { reservations: this.idempotency.reservation(idempotent, 201, answer) },
        );
        return answer;
      });
    });
  }

  /** The books and the venue in one round trip. */
  private async load(bookIds: readonly string[], venueId: string) {
    const read = await this.store.readStreams([...bookIds.map(streams.book), streams.venue(venueId)]);
    const books = new Map<string, BookState>();
    const versions = new Map<string, number>();
    for (const bookId of bookIds) {
      const book = foldStream(read.get(streams.book(bookId)) ?? [], evolveBook, initialBookState);
      books.set(bookId, book.state);
      versions.set(bookId, book.version);
    }
    const venue = foldStream(read.get(streams.venue(venueId)) ?? [], evolveVenue, initialVenueState);
    return { books, versions, venue: venue.state };
  }
}

function scansOf(request: RedeemVoucherRequest): VoucherScanRequest[] {
  const single = request.qr !== undefined || request.code !== undefined;
  if (single === (request.vouchers !== undefined))
    throw new ProblemException(
      'request.invalid',
      'send one voucher (qr or code) or a list in vouchers, not both',
    );
  return request.vouchers ?? [{ qr: request.qr, code: request.code }];
}

function bookIdFor(voucherId: string): string {
  const bookId = bookIdOfVoucher(voucherId);
  if (!bookId) throw new ProblemException('voucher.not-found', `no voucher ${voucherId}`);
  return bookId;
}

/** One voucher answers as before sessions existed; a session lists each voucher's amount. */
function answerFor(
  redeemed: readonly VoucherRedeemed[],
  sessionId: string | undefined,
  scannedAt: string,
): Redemption | SessionRedemption {
  const redemptions = redeemed.map(({ data }) => ({
    redemptionId: data.redemptionId,
    voucherId: data.voucherId,
    amountCents: data.amountCents as number,
  }));
  if (sessionId === undefined) return { ...redemptions[0], scannedAt };
  const totalCents = redemptions.reduce((sum, redemption) => sum + redemption.amountCents, 0);
  return { sessionId, redemptions, totalCents, scannedAt };
}
