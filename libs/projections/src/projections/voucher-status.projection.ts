import type { Projection } from '../model/projection';
import type { Change, Memory, Row, RowRef, TableSpec } from '../model/table';
import { redemptionDeadline } from '@pass/domain';
import { known } from './event-data';

export const VOUCHER_STATUS = 'voucher_status';
const BOOKS = 'vs_books';

const TABLES: TableSpec[] = [
  {
    name: VOUCHER_STATUS,
    key: ['voucher_id'],
    columns: {
      voucher_id: 'text',
      book_id: 'text',
      programme_id: 'text',
      funder_ids: 'jsonb',
      face_value_cents: 'bigint',
      valid_until: 'text',
      status: 'text',
      venue_id: 'text',
      history: 'jsonb',
    },
  },
  { name: BOOKS, key: ['book_id'], columns: { book_id: 'text', voucher_ids: 'jsonb' } },
];

export type StoredVoucherStatus = 'issued' | 'distributed' | 'redeemed' | 'void' | 'expired';
export type VoucherHistoryEntry = { event: string; at: string } & Record<string, unknown>;

/**
 * Each voucher's status and history (no beneficiary reference: personal data stays in the log).
 * Expiry is not stored: it depends on the reading instant, so the reader derives it from valid_until.
 */
export function voucherStatusProjection(): Projection {
  const voucherIdsOf = (memory: Memory, bookId: string): string[] =>
    (memory.get(BOOKS, { book_id: bookId })?.voucher_ids as string[] | undefined) ?? [];
  const voucher = (voucherId: string): RowRef => ({ table: VOUCHER_STATUS, key: { voucher_id: voucherId } });
  const update = (
    memory: Memory,
    voucherId: string,
    entry: VoucherHistoryEntry,
    next: (row: Row) => Partial<Row>,
  ): Change[] => {
    const row = memory.get(VOUCHER_STATUS, { voucher_id: voucherId });
    if (!row) return [];
    const history = [...(row.history as VoucherHistoryEntry[]), entry];
    return [{ op: 'put', table: VOUCHER_STATUS, row: { ...row, ...next(row), history } }];
  };
  return {
    name: 'voucher-status',
    tables: TABLES,
    reads(raw, memory): RowRef[] {
      const event = known(raw);
      switch (event?.type) {
        case 'BookDistributed.v1':
        case 'BookAllocated.v1':
          return [
            { table: BOOKS, key: { book_id: event.data.bookId } },
            ...voucherIdsOf(memory, event.data.bookId).map(voucher),
          ];
        case 'VoucherRedeemed.v1':
          return [voucher(event.data.voucherId)];
        case 'BookCancelled.v1':
          return event.data.voidedVoucherIds.map(voucher);
        case 'VouchersExpired.v1':
          return event.data.voucherIds.map(voucher);
        default:
          return [];
      }
    },
    project(raw, memory): Change[] {
      const event = known(raw);
      const at = raw.recordedAt;
      switch (event?.type) {
        case 'BookIssued.v1': {
          const data = event.data;
          const funders = [...new Set([data.payerId, ...data.coFunders.map((share) => share.payerId)])];
          // Kept in the history (jsonb) so the reader knows when scans stop being accepted.
          const redeemableUntil = redemptionDeadline(data.validUntil, data.gracePeriodDays);
          // One entry for the whole book, as for the other events: entries are never changed.
          const issued = { event: 'issued', at, redeemableUntil };
          return [
            {
              op: 'put',
              table: BOOKS,
              row: { book_id: data.bookId, voucher_ids: data.vouchers.map((v) => v.voucherId) },
            },
            ...data.vouchers.map((v): Change => ({
              op: 'put',
              table: VOUCHER_STATUS,
              row: {
                voucher_id: v.voucherId,
                book_id: data.bookId,
                programme_id: data.programmeId,
                funder_ids: funders,
                face_value_cents: data.faceValueCents,
                valid_until: data.validUntil,
                status: 'issued',
                venue_id: null,
                history: [issued],
              },
            })),
          ];
        }
        case 'BookDistributed.v1': {
          const entry = { event: 'distributed', at, distributorId: event.data.distributorId };
          return voucherIdsOf(memory, event.data.bookId).flatMap((voucherId) =>
            update(memory, voucherId, entry, (row) => ({
              status: row.status === 'issued' ? 'distributed' : row.status,
            })),
          );
        }
        case 'VoucherRedeemed.v1': {
          const { redemptionId, venueId, amountCents, scannedAt } = event.data;
          const entry = { event: 'redeemed', at, redemptionId, venueId, amountCents, scannedAt };
          return update(memory, event.data.voucherId, entry, () => ({
            status: 'redeemed',
            venue_id: venueId,
          }));
        }
        case 'BookAllocated.v1': {
          const entry = { event: 'allocated', at, distributorId: event.data.toDistributorId };
          return voucherIdsOf(memory, event.data.bookId).flatMap((voucherId) =>
            update(memory, voucherId, entry, () => ({})),
          );
        }
        case 'VouchersExpired.v1': {
          const entry = { event: 'expired', at };
          return event.data.voucherIds.flatMap((voucherId) =>
            update(memory, voucherId, entry, (row) => ({
              status: row.status === 'redeemed' ? 'redeemed' : 'expired',
            })),
          );
        }
        case 'BookCancelled.v1': {
          const entry = { event: 'void', at, reason: event.data.reason };
          return event.data.voidedVoucherIds.flatMap((voucherId) =>
            update(memory, voucherId, entry, (row) => ({
              status: row.status === 'redeemed' ? 'redeemed' : 'void',
            })),
          );
        }
        default:
          return [];
      }
    },
  };
}
