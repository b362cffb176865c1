import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import { isAfter, toMillis, type Instant } from '../shared/time';
import type { PayablesBatched, PayablesRecorded, RecordedPayable } from './ledger.events';
import { totalOf, type LedgerState } from './ledger.state';
import type { SettlementBatchOpened, SettlementBatchPaid } from './settlement.events';
import type { SettlementBatchState } from './settlement-batch.state';

/** The shares of redemptions that one ledger (one payer, one venue) is owed, in log order. */
export interface RecordPayables {
  readonly payerId: string;
  readonly venueId: string;
  readonly payables: readonly RecordedPayable[];
}

/**
 * The reactor may see a redemption twice (a restart before its checkpoint moved, two instances):
 * a redemption already on the ledger, or twice in the command, is recorded once. A zero share owes
 * nothing and is not recorded. Nothing new: no event.
 */
export function decideRecordPayables(
  command: RecordPayables,
  ledger: LedgerState,
): Decision<PayablesRecorded> {
  const taken = new Set<string>();
  const fresh = command.payables.filter(({ redemptionId, amountCents }) => {
    if (amountCents === 0 || ledger.recorded.has(redemptionId) || taken.has(redemptionId)) return false;
    taken.add(redemptionId);
    return true;
  });
  if (fresh.length === 0) return [];
  const { payerId, venueId } = command;
  return [{ type: 'PayablesRecorded.v1', data: { payerId, venueId, payables: fresh } }];
}

export interface BatchPayables {
  readonly actor: Actor;
  readonly payerId: string;
  readonly venueId: string;
  readonly batchId: string;
  readonly until: Instant;
  /** `YYYY-MM` when the monthly run batches a calendar month (`until` is then its end). */
  readonly period?: string;
  readonly awaitingBankDetails: boolean;
  readonly now: Instant;
}

/**
 * A settlement run takes the ledger's unbatched payables recorded at or before `until` (before it,
 * for a calendar month). Both events
 * go in one append, the ledger's at the version decided on: of two runs at once, one wins and the
 * other, deciding again, finds nothing left. Nothing to batch: no events.
 */
export function decideBatchPayables(
  command: BatchPayables,
  ledger: LedgerState,
): Decision<PayablesBatched | SettlementBatchOpened> {
  const { actor, payerId, venueId, batchId, until, now } = command;
  if (actor.role !== 'payer' || actor.org !== payerId)
    return domainError('actor.forbidden', 'a payer settles its own payables only');
  if (isAfter(until, now)) return domainError('settlement.invalid', '`until` may not be in the future');
  const cutOff = toMillis(until);
  // A calendar month ends where the next begins: its batch stops short of that instant, which is
  // the next month's. A run up to an instant the payer chose includes it.
  const inBatch = command.period === undefined ? (at: number) => at <= cutOff : (at: number) => at < cutOff;
  const taken = ledger.unbatched.toArray().filter((payable) => inBatch(toMillis(payable.recordedAt)));
  if (taken.length === 0) return [];
  const totalCents = totalOf(taken);
  return [
    {
      type: 'PayablesBatched.v1',
      data: {
        batchId,
        payerId,
        venueId,
        redemptionIds: taken.map((payable) => payable.redemptionId),
        totalCents,
        until,
        batchedAt: now,
      },
    },
    {
      type: 'SettlementBatchOpened.v1',
      data: {
        batchId,
        payerId,
        venueId,
        payables: taken.map(({ recordedAt: _recordedAt, ...payable }) => payable),
        totalCents,
        until,
        ...(command.period === undefined ? {} : { period: command.period }),
        awaitingBankDetails: command.awaitingBankDetails,
        openedAt: now,
      },
    },
  ];
}

export interface PayBatch {
  readonly actor: Actor;
  readonly batchId: string;
  readonly paymentReference: string;
  readonly now: Instant;
}

/** A batch is paid once: a second payment, even with the same reference, is refused. */
export function decidePayBatch(
  command: PayBatch,
  batch: SettlementBatchState,
): Decision<SettlementBatchPaid> {
  const { actor, batchId, now } = command;
  if (batch.status === 'none' || actor.role !== 'payer' || actor.org !== batch.payerId)
    return domainError('settlement.not-found', `no settlement batch ${batchId}`);
  if (batch.status === 'paid')
    return domainError(
      'settlement.already-paid',
      `the batch was paid on ${batch.payment?.paidAt} (reference ${batch.payment?.paymentReference})`,
    );
  const paymentReference = command.paymentReference.trim();
  if (paymentReference.length === 0)
    return domainError('settlement.invalid', 'the payment reference is empty');
  return [
    {
      type: 'SettlementBatchPaid.v1',
      data: {
        batchId,
        payerId: batch.payerId,
        venueId: batch.venueId,
        totalCents: batch.totalCents,
        paymentReference,
        paidAt: now,
      },
    },
  ];
}
