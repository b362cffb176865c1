import { randomUUID } from 'node:crypto';
import type { StreamAppend } from '@pass/event-store';

/** A small deterministic PRNG (mulberry32): a failing seed replays the same workload. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  { commune: '33063', departement: '33' },
  { commune: '33281', departement: '33' },
  { commune: '75056', departement: '75' },
  { commune: '69123', departement: '69' },
  { commune: '13055', departement: '13' },
  { commune: '2A004', departement: '2A' },
];
const TERRITORIES = [
  { departements: ['33'], communes: [] },
  { departements: [], communes: ['75056'] },
  { departements: ['69', '13'], communes: [] },
  { departements: ['33'], communes: ['33063'] },
];
const PAYERS = ['200054781', '213105554', '130005481'];

interface Book {
  bookId: string;
  programmeId: string;
  voucherIds: string[];
  redeemed: Set<string>;
  distributed: boolean;
  cancelled: boolean;
}
interface Payable {
  redemptionId: string;
  voucherId: string;
  programmeId: string;
  amountCents: number;
  scannedAt: string;
}

/**
 * Commands as the service would record them, in one lane of streams of its own (lanes run
 * concurrently without touching each other's streams). Each command is one append (one transaction).
 */
export class WorkloadLane {
  private readonly random: () => number;
  private readonly venues: string[] = [];
  private readonly programmes: {
    programmeId: string;
    budget: number;
    committed: number;
    face: number;
    coFunders: { payerId: string; shareBps: number }[];
  }[] = [];
  private readonly books: Book[] = [];
  private readonly unsettled = new Map<string, Payable[]>(); // venueId|payerId → payables
  private readonly batches: { batchId: string; payerId: string; venueId: string; totalCents: number }[] = [];
  private clock: number;
  private counter = 0;

  constructor(
    private readonly lane: string,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.clock = Date.parse('2026-01-05T08:00:00Z');
  }

  /** The next command's appends; never empty. */
  next(): StreamAppend[] {
    this.clock += Math.floor(this.random() * 40 * 60_000); // up to 40 minutes later: days go by
    const roll = this.random();
    const distributable = this.books.filter((b) => !b.distributed && !b.cancelled);
    const redeemable = this.books.filter(
      (b) => b.distributed && !b.cancelled && b.redeemed.size < b.voucherIds.length,
    );
    if (this.venues.length < 2 || roll < 0.02) return this.registerVenue();
    if (this.programmes.length < 2 || roll < 0.04) return this.openProgramme();
    if (roll < 0.16 || (distributable.length === 0 && redeemable.length === 0)) return this.issueBooks();
    if (roll < 0.3 && distributable.length > 0) return this.distribute(this.pick(distributable));
    if (roll < 0.32 && this.books.length > 0) return this.cancel(this.pick(this.books));
    if (roll < 0.36 && this.unsettled.size > 0) return this.openBatch();
    if (roll < 0.39 && this.batches.length > 0) return this.payBatch();
    if (redeemable.length > 0) return this.redeem(this.pick(redeemable));
    return this.issueBooks();
  }

  private now(): string {
    return new Date(this.clock).toISOString();
  }

  private id(prefix: string): string {
    return `${prefix}_${this.lane}_${(++this.counter).toString(36)}`;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private registerVenue(): StreamAppend[] {
    const venueId = this.id('ven');
    const place = this.pick(PLACES);
    this.venues.push(venueId);
    return [
      append(`venue-${venueId}`, 'VenueRegistered.v1', {
        venueId,
        siret: '73282932000074',
        name: `Lieu ${venueId}`,
        communeInsee: place.commune,
        departement: place.departement,
        registeredAt: this.now(),
      }),
    ];
  }

  private openProgramme(): StreamAppend[] {
    const programmeId = this.id('prg');
    const payerId = this.pick(PAYERS);
    const coFunded = this.random() < 0.4;
    const other = PAYERS.find((p) => p !== payerId)!;
    const coFunders = coFunded
      ? [
          { payerId, shareBps: 6000 },
          { payerId: other, shareBps: 4000 },
        ]
      : [{ payerId, shareBps: 10_000 }];
    const face = this.pick([500, 1000, 2000]);
    const budget = face * (200 + Math.floor(this.random() * 400));
    this.programmes.push({ programmeId, budget, committed: 0, face, coFunders });
    return [
      append(`programme-${programmeId}`, 'ProgrammeOpened.v1', {
        programmeId,
        payerId,
        name: `Programme ${programmeId}`,
        territory: this.pick(TERRITORIES),
        faceValueCents: face,
        budgetCents: budget,
        validFrom: '2026-01-01T00:00:00.000Z',
        validUntil: '2030-12-31T23:59:59.000Z',
        coFunders,
        openedAt: this.now(),
      }),
    ];
  }

  private issueBooks(): StreamAppend[] {
    const programme = this.pick(this.programmes);
    const count = 1 + Math.floor(this.random() * 3);
    const size = 1 + Math.floor(this.random() * 10);
    if (programme.committed + count * size * programme.face > programme.budget) return this.openProgramme();
    const books = Array.from({ length: count }, () => {
      const bookId = this.id('bk');
      const voucherIds = Array.from(
        { length: size },
        (_, i) => `${bookId}-${String(i + 1).padStart(2, '0')}`,
      );
      return {
        bookId,
        programmeId: programme.programmeId,
        voucherIds,
        redeemed: new Set<string>(),
        distributed: false,
        cancelled: false,
      };
    });
    programme.committed += count * size * programme.face;
    this.books.push(...books);
    const issuedAt = this.now();
    const territory = { departements: ['33'], communes: [] as string[] };
    return [
      append(`programme-${programme.programmeId}`, 'BooksIssued.v1', {
        programmeId: programme.programmeId,
        bookIds: books.map((b) => b.bookId),
        voucherCount: count * size,
        amountCents: count * size * programme.face,
        issuedAt,
      }),
      ...books.map((book) =>
        append(`book-${book.bookId}`, 'BookIssued.v1', {
          bookId: book.bookId,
          programmeId: programme.programmeId,
          payerId: programme.coFunders[0].payerId,
          coFunders: programme.coFunders,
          vouchers: book.voucherIds.map((voucherId) => ({ voucherId, code: voucherId })),
          faceValueCents: programme.face,
          validFrom: '2026-01-01T00:00:00.000Z',
          validUntil: '2030-12-31T23:59:59.000Z',
          territory: this.random() < 0.5 ? territory : { departements: [], communes: ['75056'] },
          issuedAt,
        }),
      ),
    ];
  }

  private distribute(book: Book): StreamAppend[] {
    book.distributed = true;
    return [
      append(`book-${book.bookId}`, 'BookDistributed.v1', {
        bookId: book.bookId,
        distributorId: 'ccas',
        beneficiaryRef: null,
        distributedAt: this.now(),
        recordedBy: 'agent',
      }),
    ];
  }

  private cancel(book: Book): StreamAppend[] {
    if (book.cancelled) return this.issueBooks();
    book.cancelled = true;
    return [
      append(`book-${book.bookId}`, 'BookCancelled.v1', {
        bookId: book.bookId,
        reason: 'lost',
        voidedVoucherIds: book.voucherIds.filter((v) => !book.redeemed.has(v)),
        cancelledAt: this.now(),
      }),
    ];
  }

  private redeem(book: Book): StreamAppend[] {
    const voucherId = book.voucherIds.find((v) => !book.redeemed.has(v))!;
    book.redeemed.add(voucherId);
    const programme = this.programmes.find((p) => p.programmeId === book.programmeId)!;
    const venueId = this.pick(this.venues);
    const amountCents =
      this.random() < 0.7 ? programme.face : Math.max(1, Math.floor(programme.face * this.random()));
    const redemptionId = this.id('rdm');
    const scannedAt = this.now();
    const shares = splitShares(amountCents, programme.coFunders);
    for (const share of shares) {
      const key = `${venueId}|${share.payerId}`;
      const payable = {
        redemptionId,
        voucherId,
        programmeId: programme.programmeId,
        amountCents: share.amountCents,
        scannedAt,
      };
      this.unsettled.set(key, [...(this.unsettled.get(key) ?? []), payable]);
    }
    return [
      append(`book-${book.bookId}`, 'VoucherRedeemed.v1', {
        bookId: book.bookId,
        programmeId: programme.programmeId,
        voucherId,
        redemptionId,
        venueId,
        amountCents,
        servicePriceCents: amountCents === programme.face ? null : amountCents,
        shares,
        scannedAt,
        recordedAt: scannedAt,
      }),
    ];
  }

  private openBatch(): StreamAppend[] {
    const [key, payables] = this.pick([...this.unsettled.entries()]);
    this.unsettled.delete(key);
    const [venueId, payerId] = key.split('|');
    const batchId = this.id('stl');
    const totalCents = payables.reduce((sum, p) => sum + p.amountCents, 0);
    this.batches.push({ batchId, payerId, venueId, totalCents });
    return [
      append(`settlement-${batchId}`, 'SettlementBatchOpened.v1', {
        batchId,
        payerId,
        venueId,
        payables,
        totalCents,
        until: this.now(),
        awaitingBankDetails: false,
        openedAt: this.now(),
      }),
    ];
  }

  private payBatch(): StreamAppend[] {
    const batch = this.batches.splice(Math.floor(this.random() * this.batches.length), 1)[0];
    return [
      append(`settlement-${batch.batchId}`, 'SettlementBatchPaid.v1', {
        ...batch,
        paymentReference: `VIR-${batch.batchId}`,
        paidAt: this.now(),
      }),
    ];
  }
}

function splitShares(amount: number, shares: { payerId: string; shareBps: number }[]) {
  let left = amount;
  return shares.map((share, index) => {
    const part = index === shares.length - 1 ? left : Math.floor((amount * share.shareBps) / 10_000);
    left -= part;
    return { payerId: share.payerId, amountCents: part };
  });
}

function append(streamId: string, type: string, data: unknown): StreamAppend {
  return { streamId, expectedVersion: 'any', events: [{ eventId: randomUUID(), type, data }] };
}
