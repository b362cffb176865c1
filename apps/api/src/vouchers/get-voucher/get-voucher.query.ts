import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  bookIdOfVoucher,
  isAfter,
  redemptionDeadline,
  streams,
  type Actor,
  type BookEvent,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';

export class GetVoucherQuery {
  constructor(
    readonly actor: Actor,
    readonly voucherId: string,
  ) {}
}

type VoucherStatus = 'issued' | 'distributed' | 'redeemed' | 'void' | 'expired';

/** A voucher's status and history from its book stream; no personal data (no beneficiary reference). */
@QueryHandler(GetVoucherQuery)
export class GetVoucherHandler implements IQueryHandler<GetVoucherQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, voucherId }: GetVoucherQuery) {
    const notFound = new ProblemException('voucher.not-found', `no voucher ${voucherId}`);
    const bookId = bookIdOfVoucher(voucherId);
    if (!bookId) throw notFound;
    const events = (await this.store.readStream(streams.book(bookId))) as unknown as (BookEvent & {
      recordedAt: Date;
    })[];
    const issued = events.find((event) => event.type === 'BookIssued.v1');
    if (!issued || issued.type !== 'BookIssued.v1') throw notFound;
    if (!issued.data.vouchers.some((voucher) => voucher.voucherId === voucherId)) throw notFound;
    const redemption = events.find(
      (event) => event.type === 'VoucherRedeemed.v1' && event.data.voucherId === voucherId,
    );
    const mayRead =
      (actor.role === 'payer' && issued.data.coFunders.some((share) => share.payerId === actor.org)) ||
      (actor.role === 'venue' &&
        redemption?.type === 'VoucherRedeemed.v1' &&
        redemption.data.venueId === actor.org);
    if (!mayRead) throw notFound;

    const history = events.flatMap((event) => historyEntry(event, voucherId));
    return {
      voucherId,
      bookId,
      programmeId: issued.data.programmeId,
      faceValueCents: issued.data.faceValueCents,
      validUntil: issued.data.validUntil,
      status: statusOf(
        history.map((entry) => entry.event),
        redemptionDeadline(issued.data.validUntil, issued.data.gracePeriodDays),
        this.clock.now(),
      ),
      history,
    };
  }
}

function historyEntry(event: BookEvent & { recordedAt: Date }, voucherId: string) {
  const at = event.recordedAt.toISOString();
  switch (event.type) {
    case 'BookIssued.v1':
      return [{ event: 'issued', at }];
    case 'BookDistributed.v1':
      return [{ event: 'distributed', at, distributorId: event.data.distributorId }];
    case 'VoucherRedeemed.v1':
      if (event.data.voucherId !== voucherId) return [];
      return [
        {
          event: 'redeemed',
          at,
          redemptionId: event.data.redemptionId,
          venueId: event.data.venueId,
          amountCents: event.data.amountCents,
          scannedAt: event.data.scannedAt,
        },
      ];
    case 'BookCancelled.v1':
      return event.data.voidedVoucherIds.includes(voucherId)
        ? [{ event: 'void', at, reason: event.data.reason }]
        : [];
    case 'BookAllocated.v1':
      return [{ event: 'allocated', at, distributorId: event.data.toDistributorId }];
    case 'VouchersExpired.v1':
      return event.data.voucherIds.includes(voucherId) ? [{ event: 'expired', at }] : [];
  }
}

function statusOf(events: string[], redeemableUntil: string, now: string): VoucherStatus {
  if (events.includes('redeemed')) return 'redeemed';
  if (events.includes('void')) return 'void';
  if (events.includes('expired') || isAfter(now, redeemableUntil)) return 'expired';
  return events.includes('distributed') ? 'distributed' : 'issued';
}
