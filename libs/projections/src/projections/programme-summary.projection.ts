import type { Projection } from '../model/projection';
import type { Change, RowRef, TableSpec } from '../model/table';
import { known } from './event-data';

export const PROGRAMME_SUMMARY = 'programme_summary';
const BOOKS = 'ps_books';
const BATCHES = 'ps_batches';

export const SUMMARY_COUNTERS = [
  'committed_cents',
  'issued_cents',
  'distributed_cents',
  'redeemed_cents',
  'reimbursed_cents',
  'books',
  'vouchers_issued',
  'vouchers_distributed',
  'vouchers_redeemed',
  'vouchers_voided',
  'redemptions',
] as const;

const TABLES: TableSpec[] = [
  {
    name: PROGRAMME_SUMMARY,
    key: ['programme_id'],
    columns: {
      programme_id: 'text',
      payer_id: 'text',
      funder_ids: 'jsonb',
      name: 'text',
      territory: 'jsonb',
      co_funders: 'jsonb',
      face_value_cents: 'bigint',
      budget_cents: 'bigint',
      valid_from: 'text',
      valid_until: 'text',
      opened_at: 'text',
      ...Object.fromEntries(SUMMARY_COUNTERS.map((counter) => [counter, 'bigint' as const])),
    },
  },
  {
    name: BOOKS,
    key: ['book_id'],
    columns: { book_id: 'text', programme_id: 'text', voucher_count: 'bigint', face_value_cents: 'bigint' },
  },
  { name: BATCHES, key: ['batch_id'], columns: { batch_id: 'text', payables: 'jsonb' } },
];

/** Budget and how it is used, per programme: what GET /v1/programmes/:id answers. */
export function programmeSummaryProjection(): Projection {
  const add = (programmeId: string, values: Record<string, number>): Change => ({
    op: 'add',
    table: PROGRAMME_SUMMARY,
    key: { programme_id: programmeId },
    values,
  });
  return {
    name: 'programme-summary',
    tables: TABLES,
    reads(raw): RowRef[] {
      const event = known(raw);
      switch (event?.type) {
        case 'BookDistributed.v1':
        case 'BookCancelled.v1':
          return [{ table: BOOKS, key: { book_id: event.data.bookId } }];
        case 'SettlementBatchPaid.v1':
          return [{ table: BATCHES, key: { batch_id: event.data.batchId } }];
        default:
          return [];
      }
    },
    project(raw, memory): Change[] {
      const event = known(raw);
      switch (event?.type) {
        case 'ProgrammeOpened.v1': {
          const data = event.data;
          const funders = [data.payerId, ...data.coFunders.map((share) => share.payerId)];
          return [
            {
              op: 'put',
              table: PROGRAMME_SUMMARY,
              row: {
                programme_id: data.programmeId,
                payer_id: data.payerId,
                funder_ids: [...new Set(funders)],
                name: data.name,
                territory: data.territory,
                co_funders: data.coFunders,
                face_value_cents: data.faceValueCents,
                budget_cents: data.budgetCents,
                valid_from: data.validFrom,
                valid_until: data.validUntil,
                opened_at: data.openedAt,
              },
            },
          ];
        }
        case 'BooksIssued.v1':
          return [
            add(event.data.programmeId, {
              committed_cents: event.data.amountCents,
              books: event.data.bookIds.length,
            }),
          ];
        case 'BookIssued.v1': {
          const { bookId, programmeId, vouchers, faceValueCents } = event.data;
          return [
            {
              op: 'put',
              table: BOOKS,
              row: {
                book_id: bookId,
                programme_id: programmeId,
                voucher_count: vouchers.length,
                face_value_cents: faceValueCents,
              },
            },
            add(programmeId, {
              issued_cents: vouchers.length * faceValueCents,
              vouchers_issued: vouchers.length,
            }),
          ];
        }
        case 'BookDistributed.v1': {
          const book = memory.get(BOOKS, { book_id: event.data.bookId });
          if (!book) return [];
          const count = Number(book.voucher_count);
          return [
            add(String(book.programme_id), {
              distributed_cents: count * Number(book.face_value_cents),
              vouchers_distributed: count,
            }),
          ];
        }
        case 'VoucherRedeemed.v1':
          return [
            add(event.data.programmeId, {
              redeemed_cents: event.data.amountCents,
              redemptions: 1,
              vouchers_redeemed: 1,
            }),
          ];
        case 'BookCancelled.v1': {
          const book = memory.get(BOOKS, { book_id: event.data.bookId });
          if (!book) return [];
          return [add(String(book.programme_id), { vouchers_voided: event.data.voidedVoucherIds.length })];
        }
        case 'SettlementBatchOpened.v1': {
          const payables = event.data.payables.map(({ programmeId, amountCents }) => ({
            programmeId,
            amountCents,
          }));
          return [{ op: 'put', table: BATCHES, row: { batch_id: event.data.batchId, payables } }];
        }
        case 'SettlementBatchPaid.v1': {
          const batch = memory.get(BATCHES, { batch_id: event.data.batchId });
          if (!batch) return [];
          const payables = batch.payables as { programmeId: string; amountCents: number }[];
          return [
            { op: 'delete', table: BATCHES, key: { batch_id: event.data.batchId } },
            ...payables.map((payable) => add(payable.programmeId, { reimbursed_cents: payable.amountCents })),
          ];
        }
        default:
          return [];
      }
    },
  };
}
