import type { Cents } from '../shared/money';
import type { Instant } from '../shared/time';
import type { Payable, SettlementBatchEvent } from './settlement.events';

export interface OpenedBatchState {
  readonly status: 'opened' | 'paid';
  readonly batchId: string;
  readonly payerId: string;
  readonly venueId: string;
  readonly payables: readonly Payable[];
  readonly totalCents: Cents;
  readonly until: Instant;
  /** `YYYY-MM` for a batch of the monthly run. */
  readonly period?: string;
  readonly awaitingBankDetails: boolean;
  readonly openedAt: Instant;
  readonly payment?: { readonly paymentReference: string; readonly paidAt: Instant };
}

export type SettlementBatchState = { readonly status: 'none' } | OpenedBatchState;

export const initialSettlementBatchState: SettlementBatchState = { status: 'none' };

export function evolveSettlementBatch(
  state: SettlementBatchState,
  event: SettlementBatchEvent,
): SettlementBatchState {
  switch (event.type) {
    case 'SettlementBatchOpened.v1':
      return { status: 'opened', ...event.data };
    case 'SettlementBatchPaid.v1':
      if (state.status === 'none') return state;
      return {
        ...state,
        status: 'paid',
        payment: { paymentReference: event.data.paymentReference, paidAt: event.data.paidAt },
      };
  }
}

/**
 * A payer sees its own batches, a venue the batches that pay it, the operator's admin all of them
 * (routes that admins may not use refuse them by role first); nobody else sees them.
 */
export function canSeeBatch(state: OpenedBatchState, actor: { role: string; org: string }): boolean {
  return (
    actor.role === 'admin' ||
    (actor.role === 'payer' && actor.org === state.payerId) ||
    (actor.role === 'venue' && actor.org === state.venueId)
  );
}
