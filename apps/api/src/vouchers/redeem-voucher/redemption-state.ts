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
import type { EventStore, StoredEvent } from '@pass/event-store';
import { foldStream } from '../../infrastructure/aggregate-stream';
import { RecentAggregates } from '../../infrastructure/recent-aggregates';

export interface RedemptionState {
  readonly books: ReadonlyMap<string, BookState>;
  readonly versions: ReadonlyMap<string, number>;
  readonly venue: VenueState;
  /** Whether a book came from memory (it may have moved since: see RecentAggregates). */
  readonly remembered: boolean;
}

/** A venue's stream being read ahead of the redemption that needs it (see prefetchVenue). */
export interface VenuePrefetch {
  readonly venueId: string;
  readonly events: Promise<StoredEvent[]>;
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

  /**
   * Starts reading the venue: a redemption needs it whatever it scans, so the read runs while the
   * scans' QR signatures are checked instead of after them (one wait less per redemption). The
   * books are still read only once a scan is known to be genuine; a refused scan costs one read of
   * the caller's own venue, and the caller's attempts are rate-limited per venue.
   */
  prefetchVenue(venueId: string): VenuePrefetch {
    const events = this.store.readStream(streams.venue(venueId));
    // Awaited by load; a scan refused before then must not leave the read's failure unhandled.
    events.catch(() => undefined);
    return { venueId, events };
  }

  /** `venue`: the venue's read started by prefetchVenue, if any; otherwise it is read with the books. */
  async load(
    bookIds: readonly string[],
    venueId: string,
    useRemembered: boolean,
    venue?: VenuePrefetch,
  ): Promise<RedemptionState> {
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
    const prefetched = venue?.venueId === venueId ? venue.events : undefined;
    const toRead = [...unread.map(streams.book), ...(prefetched ? [] : [streams.venue(venueId)])];
    const [read, venueEvents] = await Promise.all([
      toRead.length > 0 ? this.store.readStreams(toRead) : new Map<string, StoredEvent[]>(),
      prefetched,
    ]);
    for (const bookId of unread) {
      const book = foldStream(read.get(streams.book(bookId)) ?? [], evolveBook, initialBookState);
      books.set(bookId, book.state);
      versions.set(bookId, book.version);
    }
    const venueStream = venueEvents ?? read.get(streams.venue(venueId)) ?? [];
    const venueState = foldStream(venueStream, evolveVenue, initialVenueState).state;
    return { books, versions, venue: venueState, remembered: unread.length < bookIds.length };
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
