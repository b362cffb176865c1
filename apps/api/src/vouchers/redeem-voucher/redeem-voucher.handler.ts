import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  bookIdOfVoucher,
  decideRedeemSession,
  isDomainError,
  streams,
  type Actor,
  type VoucherRedeemed,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { randomId } from '../../infrastructure/random-ids';
import { IdempotencyService } from '../../idempotency/idempotency.service';
import { ProblemException } from '../../problems/problem.exception';
import type { RedeemVoucherRequest, VoucherScanRequest } from './redeem-voucher.request';
import { RedemptionStateReader, type VenuePrefetch } from './redemption-state';
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
  private readonly state: RedemptionStateReader;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly vouchers: VoucherResolver,
    private readonly idempotency: IdempotencyService,
  ) {
    this.state = new RedemptionStateReader(store);
  }

  execute({ actor, request, idempotencyKey }: RedeemVoucherCommand): Promise<Redemption | SessionRedemption> {
    if (idempotencyKey === undefined)
      throw new ProblemException(
        'idempotency.key-required',
        'send an Idempotency-Key header so a retry cannot pay twice',
      );
    const scans = scansOf(request);
    const idempotent = this.idempotency.request(actor, 'redeem', idempotencyKey, request);
    return this.idempotency.execute(idempotent, async () => {
      let venue: VenuePrefetch | undefined = this.state.prefetchVenue(actor.org);
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
        // A retry reads the venue again, with the books, as a first attempt without the prefetch would.
        const prefetched = venue;
        venue = undefined;
        let state = await this.state.load(bookIds, actor.org, true, prefetched);
        let decision = decideRedeemSession(session, state.books, state.venue);
        // A book remembered from an earlier redemption may have moved since (cancelled, expired,
        // redeemed elsewhere): the append's version check catches it, but a refusal appends nothing.
        if (isDomainError(decision) && state.remembered) {
          state = await this.state.load(bookIds, actor.org, false);
          decision = decideRedeemSession(session, state.books, state.venue);
        }
        const redeemed = orThrow(decision);
        const answer = answerFor(redeemed, session.sessionId, session.scannedAt);
        const redeemedByBook = new Map(
          bookIds.map((bookId) => [bookId, redeemed.filter((event) => event.data.bookId === bookId)]),
        );
        try {
          await this.store.append(
            bookIds.map((bookId) => ({
              streamId: streams.book(bookId),
              expectedVersion: state.versions.get(bookId) ?? 0,
              events: toNewEvents(redeemedByBook.get(bookId)!, { by: actor.subject }),
            })),
            { reservations: this.idempotency.reservation(idempotent, 201, answer) },
          );
        } catch (error) {
          this.state.forget(bookIds);
          throw error;
        }
        this.state.appended(state, redeemedByBook);
        return answer;
      });
    });
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
