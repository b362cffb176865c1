import { parseQr } from './qr-parse';
import type { ScanInput, SessionVoucher } from './scan-record';

/**
 * A session paid with several vouchers, collected scan by scan before it is recorded as one
 * request: the same voucher never twice, never more than the service's price, and with a regulated
 * tariff exactly the price (otherwise the agent may stop at any count from 1).
 */
export interface SessionService {
  readonly serviceId: string;
  readonly title: string;
  readonly priceInVouchers: number;
  readonly regulatedTariff: boolean;
}

export interface SessionDraft {
  readonly service: SessionService;
  readonly vouchers: readonly SessionVoucher[];
}

export type AddVoucher =
  | { readonly ok: true; readonly draft: SessionDraft }
  | { readonly ok: false; readonly reason: 'duplicate' | 'full' };

/** A service is paid as a session when it costs more than one voucher. */
export function isSessionService(service: SessionService | undefined): service is SessionService {
  return service !== undefined && service.priceInVouchers > 1;
}

export function startSession(service: SessionService): SessionDraft {
  return { service, vouchers: [] };
}

/** What identifies a voucher on the phone: a QR's voucher id, a typed code's symbols. */
export function voucherKey(input: ScanInput): string {
  if ('qr' in input) return `qr:${parseQr(input.qr)?.voucherId ?? input.qr.trim()}`;
  return `code:${input.code.toUpperCase().replace(/[^0-9A-Z*~$=]/g, '')}`;
}

export function addVoucher(draft: SessionDraft, voucher: SessionVoucher): AddVoucher {
  const key = voucherKey(voucher.input);
  if (draft.vouchers.some((other) => voucherKey(other.input) === key))
    return { ok: false, reason: 'duplicate' };
  if (draft.vouchers.length >= draft.service.priceInVouchers) return { ok: false, reason: 'full' };
  return { ok: true, draft: { ...draft, vouchers: [...draft.vouchers, voucher] } };
}

export function removeVoucher(draft: SessionDraft, index: number): SessionDraft {
  return { ...draft, vouchers: draft.vouchers.filter((_, at) => at !== index) };
}

/** The count reached: the session is recorded at once. */
export function isComplete(draft: SessionDraft): boolean {
  return draft.vouchers.length === draft.service.priceInVouchers;
}

/** Recorded with fewer vouchers than the price: never for a regulated tariff, and never empty. */
export function canValidateEarly(draft: SessionDraft): boolean {
  const count = draft.vouchers.length;
  return !draft.service.regulatedTariff && count >= 1 && count < draft.service.priceInVouchers;
}

/** "2 chèques sur 3". */
export function progressText(draft: SessionDraft): string {
  const count = draft.vouchers.length;
  return `${count} chèque${count > 1 ? 's' : ''} sur ${draft.service.priceInVouchers}`;
}
