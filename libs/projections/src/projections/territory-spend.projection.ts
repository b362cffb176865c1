import { parisDay } from '../model/days';
import type { Projection } from '../model/projection';
import type { Change, Memory, Row, RowRef, TableSpec } from '../model/table';
import { territoryHome, type DepartementOfCommune, type TerritoryHome } from '../territories/territory-home';
import { known } from './event-data';

export const TERRITORY_SPEND = 'territory_spend';
const BOOKS = 'ts_books';
const VENUES = 'ts_venues';
const REDEMPTIONS = 'ts_redemptions';
const BATCHES = 'ts_batches';

export const SPEND_COUNTERS = [
  'issued_cents',
  'distributed_cents',
  'redeemed_cents',
  'reimbursed_cents',
  'redemptions',
  'vouchers_issued',
  'vouchers_distributed',
  'vouchers_redeemed',
] as const;
export type SpendCounter = (typeof SPEND_COUNTERS)[number];

const TABLES: TableSpec[] = [
  {
    name: TERRITORY_SPEND,
    key: ['programme_id', 'level', 'code', 'day'],
    columns: {
      programme_id: 'text',
      level: 'text',
      code: 'text',
      day: 'text',
      ...Object.fromEntries(SPEND_COUNTERS.map((counter) => [counter, 'bigint' as const])),
    },
  },
  {
    name: BOOKS,
    key: ['book_id'],
    columns: {
      book_id: 'text',
      programme_id: 'text',
      departement: 'text',
      commune: 'text',
      voucher_count: 'bigint',
      face_value_cents: 'bigint',
    },
  },
  { name: VENUES, key: ['venue_id'], columns: { venue_id: 'text', departement: 'text', commune: 'text' } },
  {
    name: REDEMPTIONS,
    key: ['redemption_id'],
    columns: { redemption_id: 'text', departement: 'text', commune: 'text' },
  },
  { name: BATCHES, key: ['batch_id'], columns: { batch_id: 'text', payables: 'jsonb' } },
];

interface LocatedPayable {
  programmeId: string;
  amountCents: number;
  departement: string;
  commune: string;
}

/**
 * Spend per programme × territory × day, at two levels (département, commune). A redemption
 * counts where its venue is; issued and distributed vouchers where their programme's territory is
 * (see territoryHome); a reimbursement where the redemption it pays for was made.
 */
export function territorySpendProjection(departementOf: DepartementOfCommune): Projection {
  return {
    name: 'territory-spend',
    tables: TABLES,
    reads(raw, memory: Memory): RowRef[] {
      const event = known(raw);
      switch (event?.type) {
        case 'BookDistributed.v1':
          return [{ table: BOOKS, key: { book_id: event.data.bookId } }];
        case 'VoucherRedeemed.v1':
          return [{ table: VENUES, key: { venue_id: event.data.venueId } }];
        case 'SettlementBatchOpened.v1':
          return [
            { table: VENUES, key: { venue_id: event.data.venueId } },
            ...event.data.payables.map((payable) => ({
              table: REDEMPTIONS,
              key: { redemption_id: payable.redemptionId },
            })),
          ];
        case 'SettlementBatchPaid.v1':
          return [{ table: BATCHES, key: { batch_id: event.data.batchId } }];
        default:
          void memory;
          return [];
      }
    },
    project(raw, memory): Change[] {
      const event = known(raw);
      switch (event?.type) {
        case 'BookIssued.v1': {
          const { bookId, programmeId, vouchers, faceValueCents, territory, issuedAt } = event.data;
          const home = territoryHome(territory, departementOf);
          return [
            {
              op: 'put',
              table: BOOKS,
              row: {
                book_id: bookId,
                programme_id: programmeId,
                ...home,
                voucher_count: vouchers.length,
                face_value_cents: faceValueCents,
              },
            },
            ...spend(programmeId, home, parisDay(issuedAt), {
              issued_cents: vouchers.length * faceValueCents,
              vouchers_issued: vouchers.length,
            }),
          ];
        }
        case 'BookDistributed.v1': {
          const book = memory.get(BOOKS, { book_id: event.data.bookId });
          if (!book) return [];
          const count = Number(book.voucher_count);
          return spend(String(book.programme_id), homeOf(book), parisDay(event.data.distributedAt), {
            distributed_cents: count * Number(book.face_value_cents),
            vouchers_distributed: count,
          });
        }
        case 'VoucherRedeemed.v1': {
          const { programmeId, venueId, redemptionId, amountCents, scannedAt } = event.data;
          const venue = memory.get(VENUES, { venue_id: venueId });
          const where = venue ? homeOf(venue) : { departement: '', commune: '' };
          return [
            { op: 'put', table: REDEMPTIONS, row: { redemption_id: redemptionId, ...where } },
            ...spend(programmeId, where, parisDay(scannedAt), {
              redeemed_cents: amountCents,
              redemptions: 1,
              vouchers_redeemed: 1,
            }),
          ];
        }
        case 'VenueRegistered.v1': {
          const { venueId, departement, communeInsee } = event.data;
          return [
            { op: 'put', table: VENUES, row: { venue_id: venueId, departement, commune: communeInsee } },
          ];
        }
        case 'SettlementBatchOpened.v1': {
          const venue = memory.get(VENUES, { venue_id: event.data.venueId });
          const payables: LocatedPayable[] = event.data.payables.map((payable) => {
            const redemption = memory.get(REDEMPTIONS, { redemption_id: payable.redemptionId });
            const where = redemption ?? venue;
            return {
              programmeId: payable.programmeId,
              amountCents: payable.amountCents,
              ...(where ? homeOf(where) : { departement: '', commune: '' }),
            };
          });
          return [{ op: 'put', table: BATCHES, row: { batch_id: event.data.batchId, payables } }];
        }
        case 'SettlementBatchPaid.v1': {
          const batch = memory.get(BATCHES, { batch_id: event.data.batchId });
          if (!batch) return [];
          const day = parisDay(event.data.paidAt);
          return [
            { op: 'delete', table: BATCHES, key: { batch_id: event.data.batchId } },
            ...(batch.payables as LocatedPayable[]).flatMap((payable) =>
              spend(payable.programmeId, payable, day, { reimbursed_cents: payable.amountCents }),
            ),
          ];
        }
        default:
          return [];
      }
    },
  };
}

function homeOf(row: Row): TerritoryHome {
  return { departement: String(row.departement ?? ''), commune: String(row.commune ?? '') };
}

function spend(
  programmeId: string,
  where: TerritoryHome,
  day: string,
  values: Partial<Record<SpendCounter, number>>,
): Change[] {
  return [
    {
      op: 'add',
      table: TERRITORY_SPEND,
      key: { programme_id: programmeId, level: 'departement', code: where.departement, day },
      values,
    },
    {
      op: 'add',
      table: TERRITORY_SPEND,
      key: { programme_id: programmeId, level: 'commune', code: where.commune, day },
      values,
    },
  ];
}
