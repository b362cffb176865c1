import type { DomainEvent } from '../shared/event';
import type { Cents } from '../shared/money';
import type { Instant } from '../shared/time';

/**
 * One payer's share of one redemption, owed to the venue that redeemed it. Recorded on the
 * ledger stream `ledger-<payerId>-<venueId>` by the payables reactor, once per redemption.
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

export type LedgerEvent = PayableRecorded | PayablesBatched;
