import { formatCents, formatCount } from '../ui/format';
import type { ServiceCategory } from '@pass/domain/venue/service-categories';

export interface RedeemedService {
  readonly serviceId: string;
  readonly title: string;
  readonly category: string;
}

/** One voucher as GET /v1/web/redemptions answers it. */
export interface Redemption {
  readonly redemptionId: string;
  readonly voucherId: string;
  readonly programmeId: string;
  readonly programmeName: string | null;
  readonly amountCents: number;
  readonly scannedAt: string;
  readonly sessionId: string | null;
  readonly locationId: string | null;
  readonly locationName: string | null;
  readonly service: RedeemedService | null;
}

/** One line of the history: a voucher redeemed alone, or every voucher paying one session. */
export interface HistoryEntry {
  readonly key: string;
  /** Null for a voucher redeemed alone. */
  readonly sessionId: string | null;
  readonly scannedAt: string;
  readonly vouchers: readonly Redemption[];
  readonly totalCents: number;
  readonly service: RedeemedService | null;
  /** The location's name (its id when the name is unknown), null when the redemption named none. */
  readonly location: string | null;
  /** Each programme once, by name. */
  readonly programmes: readonly string[];
}

/**
 * Groups the vouchers of one session into one entry, keeping the list's order (newest first): an
 * entry stands where its first voucher stood. Vouchers without a session stay one entry each.
 */
export function historyEntries(list: readonly Redemption[]): HistoryEntry[] {
  const groups: Redemption[][] = [];
  const sessions = new Map<string, Redemption[]>();
  for (const redemption of list) {
    const { sessionId } = redemption;
    const known = sessionId === null ? undefined : sessions.get(sessionId);
    if (known) {
      known.push(redemption);
      continue;
    }
    const group = [redemption];
    groups.push(group);
    if (sessionId !== null) sessions.set(sessionId, group);
  }
  return groups.map(toEntry);
}

function toEntry(vouchers: readonly Redemption[]): HistoryEntry {
  const first = vouchers[0];
  return {
    key: first.sessionId ?? first.redemptionId,
    sessionId: first.sessionId,
    scannedAt: first.scannedAt,
    vouchers,
    totalCents: vouchers.reduce((sum, voucher) => sum + voucher.amountCents, 0),
    service: first.service,
    location: first.locationId === null ? null : (first.locationName ?? first.locationId),
    programmes: [...new Set(vouchers.map(programmeLabel))],
  };
}

export function programmeLabel(redemption: Redemption): string {
  return redemption.programmeName ?? redemption.programmeId;
}

export function voucherCount(count: number): string {
  return `${formatCount(count)} chèque${count > 1 ? 's' : ''}`;
}

/** "Séance : Démarches CAF en ligne — 3 chèques, 30,00 €" */
export function sessionSummary(entry: HistoryEntry): string {
  const title = entry.service?.title ?? 'prestation non précisée';
  return `Séance : ${title} — ${voucherCount(entry.vouchers.length)}, ${formatCents(entry.totalCents)}`;
}

/** The categories of services as the venue reads them: one label per category of the domain's list. */
const CATEGORY_LABELS: Readonly<Record<ServiceCategory, string>> = {
  'demarches-en-ligne': 'Démarches en ligne',
  'prendre-en-main-un-equipement': 'Prendre en main un équipement',
  courriels: 'Courriels',
  'securite-en-ligne': 'Sécurité en ligne',
  'insertion-professionnelle': 'Insertion professionnelle',
  'parentalite-education': 'Parentalité et éducation',
  'culture-numerique': 'Culture numérique',
  'loisirs-creation': 'Loisirs et création',
};

/** A category the app does not know yet (added on the API first) shows as the API names it. */
export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Readonly<Record<string, string>>)[category] ?? category;
}
