import type { PayerShare } from '@pass/domain';

/** Who funds a programme: the lead payer and every co-funder (the lead included) with its share. */
export interface ProgrammeFunding {
  readonly programmeId: string;
  readonly leadPayerId: string;
  readonly funders: readonly PayerShare[];
}

export interface BookFunding extends ProgrammeFunding {
  readonly bookId: string;
  readonly faceValueCents: number;
}

/** The first event of a programme or book stream: where its funding is written once for all. */
export interface FundingSource {
  readonly type: string;
  readonly data: unknown;
}

const BOOK_CACHE_SIZE = 50_000;

/**
 * Programme-level and book-level events name no payer (BooksIssued, BookCancelled): the relay learns
 * who funds what from ProgrammeOpened and BookIssued as it passes them, and after a restart (or an
 * eviction) reads the stream's first event again. Books are many: their cache is bounded (LRU).
 */
export class FundingDirectory {
  private readonly programmes = new Map<string, ProgrammeFunding>();
  private readonly books = new Map<string, BookFunding>();

  constructor(private readonly bookCacheSize = BOOK_CACHE_SIZE) {}

  learn(event: FundingSource): void {
    if (event.type === 'ProgrammeOpened.v1') {
      const data = event.data as { programmeId: string; payerId: string; coFunders: PayerShare[] };
      this.programmes.set(data.programmeId, {
        programmeId: data.programmeId,
        leadPayerId: data.payerId,
        funders: fundersOf(data.payerId, data.coFunders),
      });
    } else if (event.type === 'BookIssued.v1') {
      const data = event.data as {
        bookId: string;
        programmeId: string;
        payerId: string;
        coFunders: PayerShare[];
        faceValueCents: number;
      };
      this.books.delete(data.bookId);
      this.books.set(data.bookId, {
        bookId: data.bookId,
        programmeId: data.programmeId,
        leadPayerId: data.payerId,
        funders: fundersOf(data.payerId, data.coFunders),
        faceValueCents: data.faceValueCents,
      });
      if (this.books.size > this.bookCacheSize) this.books.delete(this.books.keys().next().value!);
    }
  }

  programme(programmeId: string): ProgrammeFunding | undefined {
    return this.programmes.get(programmeId);
  }

  book(bookId: string): BookFunding | undefined {
    const funding = this.books.get(bookId);
    if (funding) {
      this.books.delete(bookId);
      this.books.set(bookId, funding);
    }
    return funding;
  }

  /** The stream to read (its first event) before `event` can be mapped, when its funding is unknown. */
  missingStreamFor(event: FundingSource): string | undefined {
    const data = event.data as { programmeId?: string; bookId?: string };
    const needsProgramme = event.type === 'BooksIssued.v1' || event.type === 'ProgrammeExpiring.v1';
    if (needsProgramme && !this.programmes.has(data.programmeId!)) return `programme-${data.programmeId}`;
    if (event.type === 'BookCancelled.v1' && !this.books.has(data.bookId!)) return `book-${data.bookId}`;
    return undefined;
  }
}

/** Older programmes may lack co-funders: then the lead pays it all. */
function fundersOf(leadPayerId: string, coFunders: readonly PayerShare[] | undefined): PayerShare[] {
  if (!coFunders || coFunders.length === 0) return [{ payerId: leadPayerId, shareBps: 10_000 }];
  return coFunders.map((share) => ({ payerId: share.payerId, shareBps: share.shareBps }));
}

export class UnknownFundingError extends Error {
  constructor(readonly streamId: string) {
    super(`no funding known for ${streamId}: its first event is missing`);
    this.name = 'UnknownFundingError';
  }
}
