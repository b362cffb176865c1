/**
 * The contract with payers' finance teams (docs/asyncapi.yaml): one Kafka topic, keyed by payer
 * (SIREN), CloudEvents 1.0 in binary mode. Payloads are about money and vouchers, never about
 * people: no beneficiary reference, no voucher code, no distributor's file number.
 */
export const PAYER_EVENTS_TOPIC = 'pass-numerique.payer-events.v1';

export const PAYER_EVENT_TYPES = {
  booksIssued: 'fr.pass-numerique.books.issued.v1',
  voucherRedeemed: 'fr.pass-numerique.voucher.redeemed.v1',
  bookCancelled: 'fr.pass-numerique.book.cancelled.v1',
  settlementBatchOpened: 'fr.pass-numerique.settlement-batch.opened.v1',
  settlementBatchPaid: 'fr.pass-numerique.settlement-batch.paid.v1',
  programmeExpiring: 'fr.pass-numerique.programme.expiring.v1',
} as const;

export type PayerEventType = (typeof PAYER_EVENT_TYPES)[keyof typeof PAYER_EVENT_TYPES];

/** A payer's part in a programme: `lead` opened it, `co-funder` shares its cost. */
export interface Funding {
  readonly role: 'lead' | 'co-funder';
  readonly shareBps: number;
}

/** Books were issued in a programme the payer funds: budget committed. */
export interface BooksIssuedPayload {
  readonly payerId: string;
  readonly programmeId: string;
  readonly funding: Funding;
  readonly bookIds: string[];
  readonly voucherCount: number;
  /** The whole commitment of these books (face value × vouchers), all funders together. */
  readonly amountCents: number;
  readonly issuedAt: string;
}

/** A voucher was redeemed: `amountCents` is what this payer owes the venue for it. */
export interface VoucherRedeemedPayload {
  readonly payerId: string;
  readonly programmeId: string;
  readonly bookId: string;
  readonly voucherId: string;
  readonly redemptionId: string;
  readonly venueId: string;
  readonly amountCents: number;
  /** The voucher's face value, all funders together. */
  readonly redemptionAmountCents: number;
  readonly scannedAt: string;
  readonly recordedAt: string;
  /** Present when the voucher paid part of a session with several vouchers. */
  readonly sessionId?: string;
  /** Where and for what, when the venue said so. */
  readonly locationId?: string;
  readonly serviceCategory?: string;
}

/** A book was cancelled: its unredeemed vouchers are void, their budget is released. */
export interface BookCancelledPayload {
  readonly payerId: string;
  readonly programmeId: string;
  readonly funding: Funding;
  readonly bookId: string;
  readonly reason: string;
  readonly voidedVoucherIds: string[];
  /** Face value × voided vouchers, all funders together. */
  readonly voidedAmountCents: number;
  readonly cancelledAt: string;
}

export interface SettlementPayablePayload {
  readonly redemptionId: string;
  readonly voucherId: string;
  readonly programmeId: string;
  readonly amountCents: number;
  readonly scannedAt: string;
}

export interface SettlementBatchOpenedPayload {
  readonly payerId: string;
  readonly batchId: string;
  readonly venueId: string;
  readonly payables: SettlementPayablePayload[];
  readonly totalCents: number;
  readonly until: string;
  readonly awaitingBankDetails: boolean;
  readonly openedAt: string;
  /** The calendar month (`YYYY-MM`, Paris time) of a batch the monthly run opened. */
  readonly period?: string;
}

export interface SettlementBatchPaidPayload {
  readonly payerId: string;
  readonly batchId: string;
  readonly venueId: string;
  readonly totalCents: number;
  readonly paymentReference: string;
  readonly paidAt: string;
}

/** The programme enters its last month: where its books stand and what is still unspent. */
export interface ProgrammeExpiringPayload {
  readonly payerId: string;
  readonly programmeId: string;
  readonly funding: Funding;
  readonly validUntil: string;
  readonly redeemableUntil: string;
  readonly booksIssued: number;
  readonly booksAllocated: number;
  readonly booksNotAllocated: number;
  readonly booksHandedOut: number;
  readonly booksStarted: number;
  readonly vouchersUnredeemed: number;
  readonly unredeemedFaceValueCents: number;
  readonly announcedAt: string;
}

export type PayerEventPayload =
  | BooksIssuedPayload
  | VoucherRedeemedPayload
  | BookCancelledPayload
  | SettlementBatchOpenedPayload
  | SettlementBatchPaidPayload
  | ProgrammeExpiringPayload;

/** CloudEvents 1.0 binary mode over Kafka: attributes are `ce_*` headers, the data is the value. */
export interface CloudEventHeaders {
  readonly ce_specversion: '1.0';
  readonly ce_id: string;
  readonly ce_type: PayerEventType;
  readonly ce_source: string;
  readonly ce_time: string;
  readonly ce_subject: string;
  readonly 'content-type': 'application/json';
}

/** One Kafka record for one payer, before serialisation. */
export interface PayerMessage {
  readonly key: string;
  readonly headers: CloudEventHeaders;
  readonly payload: PayerEventPayload;
}

export const DEFAULT_CE_SOURCE = '/pass-numerique/event-store';
