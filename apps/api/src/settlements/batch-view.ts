import {
  canSeeBatch,
  evolveSettlementBatch,
  evolveVenue,
  initialSettlementBatchState,
  initialVenueState,
  streams,
  type Actor,
  type OpenedBatchState,
  type Payable,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate } from '../infrastructure/aggregate-stream';
import { randomId } from '../infrastructure/random-ids';
import { ProblemException } from '../problems/problem.exception';

export type BatchStatus = 'open' | 'awaiting-bank-details' | 'paid';

export interface BatchView {
  readonly batchId: string;
  readonly payerId: string;
  readonly venueId: string;
  readonly totalCents: number;
  readonly redemptions: number;
  readonly until: string;
  readonly openedAt: string;
  readonly status: BatchStatus;
  readonly awaitingBankDetails: boolean;
  readonly paymentReference?: string;
  readonly paidAt?: string;
}

/**
 * A batch's id travels as the SEPA EndToEndId, whose character set has no underscore: `stl-…`.
 */
export function newBatchId(): string {
  return randomId('stl').replace('_', '-');
}

/**
 * A batch opened while its venue had no bank details waits for them; once the venue sets them it is
 * open to payment. Paid is final.
 */
export function batchView(batch: OpenedBatchState, venueHasBankAccount: boolean): BatchView {
  const awaitingBankDetails = batch.status !== 'paid' && !venueHasBankAccount;
  return {
    batchId: batch.batchId,
    payerId: batch.payerId,
    venueId: batch.venueId,
    totalCents: batch.totalCents,
    redemptions: batch.payables.length,
    until: batch.until,
    openedAt: batch.openedAt,
    status: batch.status === 'paid' ? 'paid' : awaitingBankDetails ? 'awaiting-bank-details' : 'open',
    awaitingBankDetails,
    ...(batch.payment ?? {}),
  };
}

export function withPayables(view: BatchView, batch: OpenedBatchState): BatchView & { payables: Payable[] } {
  return { ...view, payables: [...batch.payables] };
}

/** The batch if the actor may see it (its payer, its venue); anyone else is told it does not exist. */
export async function loadVisibleBatch(
  store: EventStore,
  actor: Actor,
  batchId: string,
): Promise<OpenedBatchState> {
  const { state } = await loadAggregate(
    store,
    streams.settlement(batchId),
    evolveSettlementBatch,
    initialSettlementBatchState,
  );
  if (state.status === 'none' || !canSeeBatch(state, actor))
    throw new ProblemException('settlement.not-found', `no settlement batch ${batchId}`);
  return state;
}

export async function venueHasBankAccount(store: EventStore, venueId: string): Promise<boolean> {
  const { state } = await loadAggregate(store, streams.venue(venueId), evolveVenue, initialVenueState);
  return state.status === 'registered' && state.bankAccount !== undefined;
}
