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
