import type { Cents, PayerShare } from '../shared/money';
import type { Territory } from '../shared/territory';
import type { Instant } from '../shared/time';
import type { ServiceCategory } from '../venue/service-categories';
import { voucherIndexOf } from '../shared/ids';
import { DEFAULT_GRACE_PERIOD_DAYS } from '../shared/validity';
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
  readonly expired?: boolean;
  readonly voided?: boolean;
}

/** Who holds the book now: its payer until it is allocated, then the last distributor it went to. */
export interface Holder {
  readonly kind: 'payer' | 'distributor';
  readonly id: string;
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
  /** The distributor's pseudonymous reference of the beneficiary, when it gave one. */
  readonly beneficiaryRef?: string | null;
  readonly wasDistributed: boolean;
  readonly gracePeriodDays: number;
  readonly holder: Holder;
  /** Every distributor the book went through, in order (the allocation chain). */
  readonly chain: readonly string[];
  readonly approvedVenuesOnly: boolean;
  /** null: the vouchers pay for every category. */
  readonly serviceCategories: readonly ServiceCategory[] | null;
}

export type BookState = { readonly status: 'none' } | IssuedBookState;

export const initialBookState: BookState = { status: 'none' };

export function evolveBook(state: BookState, event: BookEvent): BookState {
  if (event.type === 'BookIssued.v1') {
    const {
      vouchers,
      issuedAt: _issuedAt,
      gracePeriodDays,
      approvedVenuesOnly,
      serviceCategories,
      ...book
    } = event.data;
    return {
      ...book,
      approvedVenuesOnly: approvedVenuesOnly ?? false,
      serviceCategories: serviceCategories ?? null,
      status: 'issued',
      wasDistributed: false,
      gracePeriodDays: gracePeriodDays ?? DEFAULT_GRACE_PERIOD_DAYS,
      holder: { kind: 'payer', id: book.payerId },
      chain: [],
      vouchers: vouchers.map((v) => ({ ...v })),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'BookDistributed.v1':
      return {
        ...state,
        status: 'distributed',
        wasDistributed: true,
        distributorId: event.data.distributorId,
        beneficiaryRef: event.data.beneficiaryRef,
      };
    case 'VoucherRedeemed.v1': {
      const { voucherId, redemptionId, venueId, amountCents, scannedAt } = event.data;
      const position = voucherPosition(state, voucherId);
      if (position < 0) return state;
      // A copy of the list that reads none of the other vouchers (see voucherPosition).
      const vouchers = [...state.vouchers];
      vouchers[position] = {
        ...vouchers[position],
        redemption: { redemptionId, venueId, amountCents, scannedAt },
      };
      return { ...state, vouchers };
    }
    case 'BookAllocated.v1':
      return {
        ...state,
        holder: { kind: 'distributor', id: event.data.toDistributorId },
        chain: [...state.chain, event.data.toDistributorId],
      };
    case 'BookCancelled.v1': {
      const voided = new Set(event.data.voidedVoucherIds);
      const vouchers = state.vouchers.map((v) => (voided.has(v.voucherId) ? { ...v, voided: true } : v));
      return { ...state, status: 'cancelled', vouchers };
    }
    case 'VouchersExpired.v1': {
      const expired = new Set(event.data.voucherIds);
      return {
        ...state,
        vouchers: state.vouchers.map((v) => (expired.has(v.voucherId) ? { ...v, expired: true } : v)),
      };
    }
  }
}

/**
 * Where the voucher is in its book (-1: not there). Looks first where the id's number says (books
 * are issued with voucherIdOf, in order), then through the book: walking a remembered book's 20
 * vouchers, scattered in the heap, was 2.5 % of the API's samples under load (a redemption's
 * decision looks its voucher up three times, and its evolution once more).
 */
function voucherPosition(state: IssuedBookState, voucherId: string): number {
  const index = voucherIndexOf(voucherId);
  if (index !== undefined && state.vouchers[index]?.voucherId === voucherId) return index;
  return state.vouchers.findIndex((voucher) => voucher.voucherId === voucherId);
}

export function findVoucher(state: IssuedBookState, voucherId: string): VoucherState | undefined {
  const position = voucherPosition(state, voucherId);
  return position < 0 ? undefined : state.vouchers[position];
}
