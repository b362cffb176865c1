import type { DomainEvent } from '../shared/event';
import type { Cents } from '../shared/money';
import type { Instant } from '../shared/time';

/** One payer's part of one redemption, owed to the venue that redeemed. */
export interface Payable {
  readonly redemptionId: string;
  readonly voucherId: string;
  readonly programmeId: string;
  readonly amountCents: Cents;
  readonly scannedAt: Instant;
  /**
   * The venue's service the session was, copied from the redemption for the venue's statement;
   * absent when the redemption named none (and in payables recorded before services existed).
   */
  readonly serviceTitle?: string;
}

/** A batch groups a venue's unsettled payables for one payer (stream `settlement-<batchId>`). */
export type SettlementBatchOpened = DomainEvent<
  'SettlementBatchOpened.v1',
  {
    batchId: string;
    payerId: string;
    venueId: string;
    payables: Payable[];
    totalCents: Cents;
    until: Instant;
    /** `YYYY-MM` when the monthly run opened the batch for that Paris calendar month. */
    period?: string;
    awaitingBankDetails: boolean;
    openedAt: Instant;
  }
>;

export type SettlementBatchPaid = DomainEvent<
  'SettlementBatchPaid.v1',
  {
    batchId: string;
    payerId: string;
    venueId: string;
    totalCents: Cents;
    paymentReference: string;
    paidAt: Instant;
  }
>;

export type SettlementBatchEvent = SettlementBatchOpened | SettlementBatchPaid;
