import { streams, type Cents, type RecordedPayable, type VoucherRedeemed } from '@pass/domain';
import type { StoredEvent } from '@pass/event-store';
import type { LedgerKey } from './settlement-tables';

export interface LedgerPayables {
  readonly key: LedgerKey;
  readonly payables: RecordedPayable[];
  /** Each payable's redemption event id (same order): the ledger event's causation. */
  readonly causationIds: string[];
}

/**
 * Each funding payer's share of each redemption, grouped by the ledger it goes to
 * (`ledger-<payerId>-<venueId>`), in log order. Other events are ignored.
 */
export function payablesByLedger(events: readonly StoredEvent[]): Map<string, LedgerPayables> {
  const ledgers = new Map<string, LedgerPayables>();
  for (const stored of events) {
    if (stored.type !== 'VoucherRedeemed.v1') continue;
    const redeemed = stored.data as VoucherRedeemed['data'];
    for (const share of redeemed.shares) {
      const key = { payerId: share.payerId, venueId: redeemed.venueId };
      const id = streams.ledger(key.payerId, key.venueId);
      const ledger = ledgers.get(id) ?? { key, payables: [], causationIds: [] };
      ledger.payables.push({
        redemptionId: redeemed.redemptionId,
        voucherId: redeemed.voucherId,
        programmeId: redeemed.programmeId,
        amountCents: share.amountCents as Cents,
        scannedAt: redeemed.scannedAt,
        recordedAt: redeemed.recordedAt,
        // The venue's statement names the service; redemptions without one leave the field out.
        ...(redeemed.service ? { serviceTitle: redeemed.service.title } : {}),
      });
      ledger.causationIds.push(stored.eventId);
      ledgers.set(id, ledger);
    }
  }
  return ledgers;
}
