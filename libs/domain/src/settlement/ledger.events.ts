import type { DomainEvent } from '../shared/event';
import type { Cents } from '../shared/money';
import type { Instant } from '../shared/time';
import type { Payable } from './settlement.events';

/** A payable as its ledger holds it until a settlement batch takes it. */
export interface RecordedPayable extends Payable {
  /** When the redemption was recorded: the settlement cut-off compares this instant. */
  readonly recordedAt: Instant;
}

/**
 * One payer's share of one redemption, owed to the venue that redeemed it. The payables reactor
 * wrote one per redemption until it wrote PayablesRecorded instead; ledgers still hold them.
 */
export type PayableRecorded = DomainEvent<
  'PayableRecorded.v1',
  {
    payerId: string;
    venueId: string;
    redemptionId: string;
    voucherId: string;
    programmeId: string;
    amountCents: Cents;
    scannedAt: Instant;
    /** When the redemption was recorded: the settlement cut-off compares this instant. */
    recordedAt: Instant;
    /** The title of the venue's service, when the redemption named one (absent in early events). */
    serviceTitle?: string;
  }
>;

/**
 * Payers' shares of redemptions, owed to the venue that redeemed them: what the payables reactor
 * appends to the ledger stream `ledger-<payerId>-<venueId>`, one event for the ledger's redemptions
 * in one pass over the log. One event per redemption doubled the log's growth and cost about a tenth
 * of a redemption's CPU (see BENCHMARKS.md).
 */
export type PayablesRecorded = DomainEvent<
  'PayablesRecorded.v1',
  {
    payerId: string;
    venueId: string;
    /** In log order of their redemptions; never empty. */
    payables: RecordedPayable[];
  }
>;

/**
 * The ledger's payables that a settlement batch takes: appended in the same transaction as the
 * batch's SettlementBatchOpened, at the ledger's expected version, so a payable is batched once.
 */
export type PayablesBatched = DomainEvent<
  'PayablesBatched.v1',
  {
    batchId: string;
    payerId: string;
    venueId: string;
    redemptionIds: string[];
    totalCents: Cents;
    until: Instant;
    batchedAt: Instant;
  }
>;

export type LedgerEvent = PayableRecorded | PayablesRecorded | PayablesBatched;
