import type { Cents, PayerShare } from '../shared/money';
import type { Territory } from '../shared/territory';
import type { Instant } from '../shared/time';
import type { BookEvent } from './book.events';

export interface VoucherState {
  readonly voucherId: string;
  readonly code: string;
  readonly redemption?: {
    readonly redemptionId: string;
    readonly venueId: string;
    readonly amountCents: Cents;
    readonly scannedAt: Instant;
  };
}

export interface IssuedBookState {
  readonly status: 'issued' | 'distributed' | 'cancelled';
  readonly bookId: string;
  readonly programmeId: string;
  readonly payerId: string;
  readonly coFunders: readonly PayerShare[];
  readonly faceValueCents: Cents;
  readonly validFrom: Instant;
  readonly validUntil: Instant;
  readonly territory: Territory;
  readonly vouchers: readonly VoucherState[];
  readonly distributorId?: string;
  readonly wasDistributed: boolean;
}

export type BookState = { readonly status: 'none' } | IssuedBookState;

export const initialBookState: BookState = { status: 'none' };

export function evolveBook(state: BookState, event: BookEvent): BookState {
  if (event.type === 'BookIssued.v1') {
    const { vouchers, issuedAt: _issuedAt, ...book } = event.data;
    return { ...book, status: 'issued', wasDistributed: false, vouchers: vouchers.map((v) => ({ ...v })) };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'BookDistributed.v1':
      return {
        ...state,
        status: 'distributed',
        wasDistributed: true,
        distributorId: event.data.distributorId,
      };
    case 'VoucherRedeemed.v1': {
      const { voucherId, redemptionId, venueId, amountCents, scannedAt } = event.data;
      const vouchers = state.vouchers.map((voucher) =>
        voucher.voucherId === voucherId
          ? { ...voucher, redemption: { redemptionId, venueId, amountCents, scannedAt } }
          : voucher,
      );
      return { ...state, vouchers };
    }
    case 'BookCancelled.v1':
      return { ...state, status: 'cancelled' };
  }
}

export function findVoucher(state: IssuedBookState, voucherId: string): VoucherState | undefined {
  return state.vouchers.find((voucher) => voucher.voucherId === voucherId);
}
