import {
  evolveBook,
  evolveVenue,
  initialBookState,
  initialVenueState,
  streams,
  type BookState,
  type VenueState,
  type VoucherRedeemed,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { foldStream } from '../../infrastructure/aggregate-stream';
import { RecentAggregates } from '../../infrastructure/recent-aggregates';

export interface RedemptionState {
  readonly books: ReadonlyMap<string, BookState>;
  readonly versions: ReadonlyMap<string, number>;
  readonly venue: VenueState;
  /** Whether a book came from memory (it may have moved since: see RecentAggregates). */
  readonly remembered: boolean;
}

/**
 * What a redemption decides on: its books and its venue, read in one round trip. The books this
 * process last redeemed from are remembered, so that the next scan of a book (a beneficiary's
 * next session, the rest of a session's vouchers) does not read and fold its whole stream again;
 * the venue is always read (its certification may end at any moment, and no append checks it).
 */
export class RedemptionStateReader {
  private readonly recentBooks = new RecentAggregates<BookState>({ maxAggregates: 5_000 });

  constructor(private readonly store: EventStore) {}

  async load(bookIds: readonly string[], venueId: string, useRemembered: boolean): Promise<RedemptionState> {
    const books = new Map<string, BookState>();
    const versions = new Map<string, number>();
    for (const bookId of useRemembered ? bookIds : []) {
      const book = this.recentBooks.get(streams.book(bookId));
      if (book) {
        books.set(bookId, book.state);
        versions.set(bookId, book.version);
      }
    }
    const unread = bookIds.filter((bookId) => !books.has(bookId));
    const read = await this.store.readStreams([...unread.map(streams.book), streams.venue(venueId)]);
    for (const bookId of unread) {
      const book = foldStream(read.get(streams.book(bookId)) ?? [], evolveBook, initialBookState);
      books.set(bookId, book.state);
      versions.set(bookId, book.version);
    }
    const venue = foldStream(read.get(streams.venue(venueId)) ?? [], evolveVenue, initialVenueState);
    return { books, versions, venue: venue.state, remembered: unread.length < bookIds.length };
  }

  /** The books as the redemption's append left them (`redeemedByBook`: what it appended to each). */
  appended(state: RedemptionState, redeemedByBook: ReadonlyMap<string, readonly VoucherRedeemed[]>): void {
    for (const [bookId, before] of state.books) {
      const events = redeemedByBook.get(bookId) ?? [];
      this.recentBooks.remember(streams.book(bookId), {
        state: events.reduce(evolveBook, before),
        version: (state.versions.get(bookId) ?? 0) + events.length,
      });
    }
  }

  /** After a failed append: the books may have moved, read them afresh next time. */
  forget(bookIds: readonly string[]): void {
    for (const bookId of bookIds) this.recentBooks.forget(streams.book(bookId));
  }
}
