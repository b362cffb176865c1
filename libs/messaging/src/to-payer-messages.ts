import type {
  BookCancelled,
  BooksIssued,
  SettlementBatchOpened,
  SettlementBatchPaid,
  ProgrammeExpiring,
  VoucherRedeemed,
} from '@pass/domain';
import { FundingDirectory, UnknownFundingError, type ProgrammeFunding } from './funding-directory';
import {
  DEFAULT_CE_SOURCE,
  PAYER_EVENT_TYPES,
  type CloudEventHeaders,
  type Funding,
  type PayerEventPayload,
  type PayerEventType,
  type PayerMessage,
} from './payer-events';

/** What the mapping reads of a stored event. */
export interface RelayableEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
}

interface Draft {
  readonly payerId: string;
  readonly type: PayerEventType;
  readonly subject: string;
  readonly time: string;
  readonly payload: PayerEventPayload;
}

/**
 * The payer messages of one stored event, in a stable order; [] for events payers do not see
 * (venues, distribution, which would carry a beneficiary reference, and the per-book issue, which
 * carries voucher codes).
 *
 * `ce_id` is the event id when the event concerns one payer. When it fans out to several payers
 * (a co-funded programme) each message gets `<eventId>:<payerId>`: deterministic, so a re-sent
 * message keeps its id, and unique per payer, so a consumer deduplicating on `ce_id` keeps them all.
 */
export function toPayerMessages(
  event: RelayableEvent,
  directory: FundingDirectory,
  source: string = DEFAULT_CE_SOURCE,
): PayerMessage[] {
  const drafts = draftsOf(event, directory);
  return drafts.map((draft) => ({
    key: draft.payerId,
    headers: headersOf(event.eventId, draft, drafts.length > 1, source),
    payload: draft.payload,
  }));
}

function draftsOf(event: RelayableEvent, directory: FundingDirectory): Draft[] {
  switch (event.type) {
    case 'BooksIssued.v1':
      return booksIssued(event.data as BooksIssued['data'], directory);
    case 'VoucherRedeemed.v1':
      return voucherRedeemed(event.data as VoucherRedeemed['data']);
    case 'BookCancelled.v1':
      return bookCancelled(event.data as BookCancelled['data'], directory);
    case 'SettlementBatchOpened.v1':
      return [settlementBatchOpened(event.data as SettlementBatchOpened['data'])];
    case 'SettlementBatchPaid.v1':
      return [settlementBatchPaid(event.data as SettlementBatchPaid['data'])];
    case 'ProgrammeExpiring.v1':
      return programmeExpiring(event.data as ProgrammeExpiring['data'], directory);
    default:
      return [];
  }
}

function booksIssued(data: BooksIssued['data'], directory: FundingDirectory): Draft[] {
  const programme = directory.programme(data.programmeId);
  if (!programme) throw new UnknownFundingError(`programme-${data.programmeId}`);
  return programme.funders.map((funder) => ({
    payerId: funder.payerId,
    type: PAYER_EVENT_TYPES.booksIssued,
    subject: `programmes/${data.programmeId}`,
    time: data.issuedAt,
    payload: {
      payerId: funder.payerId,
      programmeId: data.programmeId,
      funding: fundingOf(programme, funder.payerId, funder.shareBps),
      bookIds: [...data.bookIds],
      voucherCount: data.voucherCount,
      amountCents: data.amountCents,
      issuedAt: iso(data.issuedAt),
    },
  }));
}

function programmeExpiring(data: ProgrammeExpiring['data'], directory: FundingDirectory): Draft[] {
  const programme = directory.programme(data.programmeId);
  if (!programme) throw new UnknownFundingError(`programme-${data.programmeId}`);
  return programme.funders.map((funder) => ({
    payerId: funder.payerId,
    type: PAYER_EVENT_TYPES.programmeExpiring,
    subject: `programmes/${data.programmeId}`,
    time: data.announcedAt,
    payload: {
      payerId: funder.payerId,
      programmeId: data.programmeId,
      funding: fundingOf(programme, funder.payerId, funder.shareBps),
      validUntil: iso(data.validUntil),
      redeemableUntil: iso(data.redeemableUntil),
      ...data.figures,
      announcedAt: iso(data.announcedAt),
    },
  }));
}

function voucherRedeemed(data: VoucherRedeemed['data']): Draft[] {
  return data.shares.map((share) => ({
    payerId: share.payerId,
    type: PAYER_EVENT_TYPES.voucherRedeemed,
    subject: `vouchers/${data.voucherId}`,
    time: data.scannedAt,
    payload: {
      payerId: share.payerId,
      programmeId: data.programmeId,
      bookId: data.bookId,
      voucherId: data.voucherId,
      redemptionId: data.redemptionId,
      venueId: data.venueId,
      amountCents: share.amountCents,
      redemptionAmountCents: data.amountCents,
      scannedAt: iso(data.scannedAt),
      recordedAt: iso(data.recordedAt),
      // Which member scanned (agentId) stays with the venue: payers need the what, not the who.
      ...(data.sessionId ? { sessionId: data.sessionId } : {}),
      ...(data.locationId ? { locationId: data.locationId } : {}),
      ...(data.service ? { serviceCategory: data.service.category } : {}),
    },
  }));
}

function bookCancelled(data: BookCancelled['data'], directory: FundingDirectory): Draft[] {
  const book = directory.book(data.bookId);
  if (!book) throw new UnknownFundingError(`book-${data.bookId}`);
  return book.funders.map((funder) => ({
    payerId: funder.payerId,
    type: PAYER_EVENT_TYPES.bookCancelled,
    subject: `books/${data.bookId}`,
    time: data.cancelledAt,
    payload: {
      payerId: funder.payerId,
      programmeId: book.programmeId,
      funding: fundingOf(book, funder.payerId, funder.shareBps),
      bookId: data.bookId,
      reason: data.reason,
      voidedVoucherIds: [...data.voidedVoucherIds],
      voidedAmountCents: book.faceValueCents * data.voidedVoucherIds.length,
      cancelledAt: iso(data.cancelledAt),
    },
  }));
}

function settlementBatchOpened(data: SettlementBatchOpened['data']): Draft {
  return {
    payerId: data.payerId,
    type: PAYER_EVENT_TYPES.settlementBatchOpened,
    subject: `settlement-batches/${data.batchId}`,
    time: data.openedAt,
    payload: {
      payerId: data.payerId,
      batchId: data.batchId,
      venueId: data.venueId,
      payables: data.payables.map((payable) => ({
        redemptionId: payable.redemptionId,
        voucherId: payable.voucherId,
        programmeId: payable.programmeId,
        amountCents: payable.amountCents,
        scannedAt: iso(payable.scannedAt),
      })),
      totalCents: data.totalCents,
      until: iso(data.until),
      awaitingBankDetails: data.awaitingBankDetails,
      openedAt: iso(data.openedAt),
      ...(data.period ? { period: data.period } : {}),
    },
  };
}

function settlementBatchPaid(data: SettlementBatchPaid['data']): Draft {
  return {
    payerId: data.payerId,
    type: PAYER_EVENT_TYPES.settlementBatchPaid,
    subject: `settlement-batches/${data.batchId}`,
    time: data.paidAt,
    payload: {
      payerId: data.payerId,
      batchId: data.batchId,
      venueId: data.venueId,
      totalCents: data.totalCents,
      paymentReference: data.paymentReference,
      paidAt: iso(data.paidAt),
    },
  };
}

function fundingOf(programme: ProgrammeFunding, payerId: string, shareBps: number): Funding {
  return { role: payerId === programme.leadPayerId ? 'lead' : 'co-funder', shareBps };
}

function headersOf(eventId: string, draft: Draft, fansOut: boolean, source: string): CloudEventHeaders {
  return {
    ce_specversion: '1.0',
    ce_id: fansOut ? `${eventId}:${draft.payerId}` : eventId,
    ce_type: draft.type,
    ce_source: source,
    ce_time: iso(draft.time),
    ce_subject: draft.subject,
    'content-type': 'application/json',
  };
}

/** CloudEvents wants RFC 3339; the domain's instants are ISO-8601 already, this pins one spelling. */
export function iso(instant: string): string {
  if (SPELLED_AS_TO_ISO_STRING.test(instant)) return instant;
  const millis = Date.parse(instant);
  return Number.isNaN(millis) ? instant : new Date(millis).toISOString();
}

/**
 * Instants `toISOString` would give back unchanged, which is what the domain writes: a relayed
 * redemption has three, and parsing and formatting them took ~5 % of the relay's CPU. Days after
 * the 28th and anything unusual go the long way (Date.parse rolls 30 February over to March).
 */
const SPELLED_AS_TO_ISO_STRING =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** The Kafka record of a message: the key, string headers and the JSON value. */
export function toKafkaRecord(message: PayerMessage): {
  key: string;
  value: string;
  headers: Record<string, string>;
} {
  return { key: message.key, value: JSON.stringify(message.payload), headers: { ...message.headers } };
}
