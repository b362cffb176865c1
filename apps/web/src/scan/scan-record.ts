/**
 * What the scanner keeps of each attempt, in IndexedDB (scan-store.ts). Records written before
 * sessions existed have `input` and no `vouchers`: they are still read and sent as they were.
 */
export type ScanInput = { readonly qr: string } | { readonly code: string };

/** One voucher of a session: what is sent, and what the agent reads (voucher id or masked code). */
export interface SessionVoucher {
  readonly input: ScanInput;
  readonly label: string;
}

/** A voucher's share of an accepted session, as the API answered it. */
export interface RedeemedVoucher {
  readonly voucherId: string;
  readonly amountCents: number;
}

interface ScanRecordBase {
  /** The Idempotency-Key of POST /v1/redemptions. */
  readonly id: string;
  /** Scans are sent under the token of the venue that took them, never another's. */
  readonly venueId: string;
  /** What the list shows: the voucher id of a QR, the masked typed code, or the session. */
  readonly label: string;
  /** One of the venue's published services (GET /v1/venues/:id). */
  readonly serviceId?: string;
  readonly serviceTitle?: string;
  /** Where the session took place; the API requires it when the venue has several locations. */
  readonly locationId?: string;
  readonly locationName?: string;
  readonly scannedAt: string;
  /** Taken while offline (or the send failed): listed in the queue, with its outcome once known. */
  queued: boolean;
  state: 'pending' | 'accepted' | 'refused';
  /** Accepted: the voucher's amount, or a session's total. */
  amountCents?: number;
  refusal?: string;
  attempts: number;
  settledAt?: string;
}

/** One voucher (every record before sessions existed has this shape). */
export interface SingleScanRecord extends ScanRecordBase {
  readonly input: ScanInput;
  readonly vouchers?: undefined;
  /** Without a service: the session's price, the voucher pays at most this. */
  readonly servicePriceCents?: number;
}

/** A session paid with several vouchers, under one Idempotency-Key: all are redeemed or none. */
export interface SessionScanRecord extends ScanRecordBase {
  readonly input?: undefined;
  readonly vouchers: readonly SessionVoucher[];
  readonly serviceId: string;
  readonly servicePriceCents?: undefined;
  sessionId?: string;
  redemptions?: readonly RedeemedVoucher[];
}

export type ScanRecord = SingleScanRecord | SessionScanRecord;

export function isSession(scan: ScanRecord): scan is SessionScanRecord {
  return Array.isArray(scan.vouchers);
}

/** How many vouchers a record holds: one, or a session's count. */
export function voucherCount(scan: ScanRecord): number {
  return isSession(scan) ? scan.vouchers.length : 1;
}

/** POST /v1/redemptions' body for a record, old or new. */
export function redemptionBody(scan: ScanRecord): Record<string, unknown> {
  const where = scan.locationId === undefined ? {} : { locationId: scan.locationId };
  if (isSession(scan))
    return {
      vouchers: scan.vouchers.map((voucher) => voucher.input),
      serviceId: scan.serviceId,
      ...where,
      scannedAt: scan.scannedAt,
    };
  return {
    ...scan.input,
    ...(scan.serviceId === undefined ? {} : { serviceId: scan.serviceId }),
    ...where,
    ...(scan.servicePriceCents === undefined ? {} : { servicePriceCents: scan.servicePriceCents }),
    scannedAt: scan.scannedAt,
  };
}

/** The API's answer: one voucher's redemption, or a session's. */
export type RedemptionAnswer =
  | { readonly voucherId: string; readonly amountCents: number }
  | {
      readonly sessionId: string;
      readonly redemptions: readonly { voucherId: string; amountCents: number }[];
      readonly totalCents: number;
    };

/** What an accepted answer adds to its record. */
export function acceptedFields(answer: RedemptionAnswer): {
  amountCents: number;
  sessionId?: string;
  redemptions?: RedeemedVoucher[];
} {
  if ('redemptions' in answer)
    return {
      amountCents: answer.totalCents,
      sessionId: answer.sessionId,
      redemptions: answer.redemptions.map(({ voucherId, amountCents }) => ({ voucherId, amountCents })),
    };
  return { amountCents: answer.amountCents };
}
