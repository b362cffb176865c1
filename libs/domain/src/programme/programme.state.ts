import type { Cents, PayerShare } from '../shared/money';
import type { Territory } from '../shared/territory';
import type { Instant } from '../shared/time';
import type { ServiceCategory } from '../venue/service-categories';
import { DEFAULT_GRACE_PERIOD_DAYS } from '../shared/validity';
import type { ProgrammeEvent } from './programme.events';

export interface OpenProgrammeState {
  readonly status: 'open';
  readonly programmeId: string;
  readonly payerId: string;
  readonly name: string;
  readonly territory: Territory;
  readonly faceValueCents: Cents;
  readonly budgetCents: Cents;
  readonly committedCents: Cents;
  readonly validFrom: Instant;
  readonly validUntil: Instant;
  readonly coFunders: readonly PayerShare[];
  readonly bookIds: readonly string[];
  readonly gracePeriodDays: number;
  readonly distributionStopped: boolean;
  readonly creditedCents: Cents;
  readonly creditedVoucherCount: number;
  readonly expiringAnnounced: boolean;
  readonly approvedVenuesOnly: boolean;
  /** null: the vouchers pay for every category. */
  readonly serviceCategories: readonly ServiceCategory[] | null;
}

export type ProgrammeState = { readonly status: 'none' } | OpenProgrammeState;

export const initialProgrammeState: ProgrammeState = { status: 'none' };

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeOpened.v1': {
      const {
        openedAt: _openedAt,
        gracePeriodDays,
        approvedVenuesOnly,
        serviceCategories,
        ...opened
      } = event.data;
      return {
        status: 'open',
        ...opened,
        approvedVenuesOnly: approvedVenuesOnly ?? false,
        serviceCategories: serviceCategories ?? null,
        gracePeriodDays: gracePeriodDays ?? DEFAULT_GRACE_PERIOD_DAYS,
        committedCents: 0 as Cents,
        bookIds: [],
        distributionStopped: false,
        creditedCents: 0 as Cents,
        creditedVoucherCount: 0,
        expiringAnnounced: false,
      };
    }
    case 'BooksIssued.v1':
      if (state.status !== 'open') return state;
      return {
        ...state,
        committedCents: (state.committedCents + event.data.amountCents) as Cents,
        bookIds: [...state.bookIds, ...event.data.bookIds],
      };
    case 'DistributionStopped.v1':
      return state.status === 'open' ? { ...state, distributionStopped: true } : state;
    case 'ProgrammeExpiring.v1':
      return state.status === 'open' ? { ...state, expiringAnnounced: true } : state;
    case 'CreditNoteIssued.v1':
      if (state.status !== 'open') return state;
      return {
        ...state,
        creditedCents: (state.creditedCents + event.data.amountCents) as Cents,
        creditedVoucherCount: state.creditedVoucherCount + event.data.voucherCount,
      };
  }
}

/** The lead payer and every co-funder may read a programme; only the lead payer may change it. */
export function isFunder(state: OpenProgrammeState, payerId: string): boolean {
  return state.payerId === payerId || state.coFunders.some((share) => share.payerId === payerId);
}
