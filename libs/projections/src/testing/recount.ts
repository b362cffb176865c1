import type { StoredEvent } from '@pass/event-store';
import { parisDay } from '../model/days';

/**
 * The figures counted again, naively, straight from the raw events: a second implementation the
 * projections are checked against (it shares nothing with them but the calendar-day rule).
 */
export interface Figures {
  territory: Record<string, Record<string, number>>;
  programmes: Record<string, Record<string, number>>;
  venues: Record<string, Record<string, number>>;
  vouchers: Record<string, string>;
}

const DEPARTEMENT_OF: Record<string, string> = {
  '33063': '33',
  '33281': '33',
  '75056': '75',
  '69123': '69',
  '13055': '13',
  '2A004': '2A',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

export function recount(events: readonly StoredEvent[]): Figures {
  const figures: Figures = { territory: {}, programmes: {}, venues: {}, vouchers: {} };
  const books = new Map<
    string,
    { programmeId: string; count: number; face: number; home: [string, string] }
  >();
  const venues = new Map<string, [string, string]>();
  const redemptions = new Map<string, [string, string]>();
  const batches = new Map<string, { payables: Data[]; venueId: string }>();
  const histories = new Map<string, string[]>();
  const add = (
    bucket: Record<string, Record<string, number>>,
    key: string,
    values: Record<string, number>,
  ) => {
    const row = (bucket[key] ??= {});
    for (const [name, value] of Object.entries(values)) row[name] = (row[name] ?? 0) + value;
  };
  const spend = (
    programmeId: string,
    [departement, commune]: [string, string],
    day: string,
    values: Record<string, number>,
  ) => {
    add(figures.territory, `${programmeId}|departement|${departement}|${day}`, values);
    add(figures.territory, `${programmeId}|commune|${commune}|${day}`, values);
  };
  const status = (voucherId: string, entry: string) => histories.get(voucherId)?.push(entry);
  for (const { type, data: d } of events as readonly { type: string; data: Data }[]) {
    switch (type) {
      case 'ProgrammeOpened.v1':
        add(figures.programmes, d.programmeId, { budget_cents: d.budgetCents });
        break;
      case 'BooksIssued.v1':
        add(figures.programmes, d.programmeId, { committed_cents: d.amountCents, books: d.bookIds.length });
        break;
      case 'BookIssued.v1': {
        const { departements, communes } = d.territory as { departements: string[]; communes: string[] };
        let home: [string, string] = ['', ''];
        if (departements.length === 0 && communes.length === 1)
          home = [DEPARTEMENT_OF[communes[0]], communes[0]];
        else if (new Set([...departements, ...communes.map((c) => DEPARTEMENT_OF[c])]).size === 1)
          home = [departements[0] ?? DEPARTEMENT_OF[communes[0]], ''];
        const count = d.vouchers.length;
        books.set(d.bookId, { programmeId: d.programmeId, count, face: d.faceValueCents, home });
        spend(d.programmeId, home, parisDay(d.issuedAt), {
          issued_cents: count * d.faceValueCents,
          vouchers_issued: count,
        });
        add(figures.programmes, d.programmeId, {
          issued_cents: count * d.faceValueCents,
          vouchers_issued: count,
        });
        for (const voucher of d.vouchers) histories.set(voucher.voucherId, ['issued']);
        break;
      }
      case 'BookDistributed.v1': {
        const book = books.get(d.bookId)!;
        const values = { distributed_cents: book.count * book.face, vouchers_distributed: book.count };
        spend(book.programmeId, book.home, parisDay(d.distributedAt), values);
        add(figures.programmes, book.programmeId, values);
        for (let i = 1; i <= book.count; i++)
          status(`${d.bookId}-${String(i).padStart(2, '0')}`, 'distributed');
        break;
      }
      case 'VenueRegistered.v1':
        venues.set(d.venueId, [d.departement, d.communeInsee]);
        break;
      case 'VoucherRedeemed.v1': {
        const where = venues.get(d.venueId) ?? ['', ''];
        redemptions.set(d.redemptionId, where);
        const values = { redeemed_cents: d.amountCents, redemptions: 1, vouchers_redeemed: 1 };
        spend(d.programmeId, where, parisDay(d.scannedAt), values);
        add(figures.programmes, d.programmeId, values);
        add(figures.venues, `${d.venueId}|${parisDay(d.scannedAt)}`, {
          redemptions: 1,
          amount_cents: d.amountCents,
        });
        status(d.voucherId, 'redeemed');
        break;
      }
      case 'BookCancelled.v1':
        add(figures.programmes, books.get(d.bookId)!.programmeId, {
          vouchers_voided: d.voidedVoucherIds.length,
        });
        for (const voucherId of d.voidedVoucherIds) status(voucherId, 'void');
        break;
      case 'SettlementBatchOpened.v1':
        batches.set(d.batchId, { payables: d.payables, venueId: d.venueId });
        break;
      case 'SettlementBatchPaid.v1': {
        const batch = batches.get(d.batchId)!;
        for (const payable of batch.payables) {
          const where = redemptions.get(payable.redemptionId) ?? venues.get(batch.venueId) ?? ['', ''];
          spend(payable.programmeId, where, parisDay(d.paidAt), { reimbursed_cents: payable.amountCents });
          add(figures.programmes, payable.programmeId, { reimbursed_cents: payable.amountCents });
        }
        break;
      }
    }
  }
  for (const [voucherId, history] of histories) {
    const state = history.includes('redeemed')
      ? 'redeemed'
      : history.includes('void')
        ? 'void'
        : history.includes('distributed')
          ? 'distributed'
          : 'issued';
    figures.vouchers[voucherId] = `${state}:${history.join(',')}`;
  }
  return normalise(figures);
}

/** Zero counters say nothing: both sides drop them (and rows left empty) before comparing. */
export function normalise(figures: Figures): Figures {
  const clean = (bucket: Record<string, Record<string, number>>) => {
    const out: Record<string, Record<string, number>> = {};
    for (const [key, row] of Object.entries(bucket)) {
      const kept = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== 0));
      if (Object.keys(kept).length > 0) out[key] = kept;
    }
    return out;
  };
  return {
    territory: clean(figures.territory),
    programmes: clean(figures.programmes),
    venues: clean(figures.venues),
    vouchers: figures.vouchers,
  };
}
