import {
  evolveBook,
  evolveProgramme,
  initialBookState,
  initialProgrammeState,
  streams,
  type BookEvent,
  type BookState,
  type DomainError,
  type ProgrammeState,
} from '@pass/domain';
import type { EventStore, StreamAppend } from '@pass/event-store';
import { loadAggregate, orThrow, retryOnConflict } from '../infrastructure/aggregate-stream';
import { toNewEvents } from '../infrastructure/new-events';

/**
 * Moving a book depends on its programme (a stopped distribution blocks it). The programme's
 * version is checked in the same append, so a move cannot slip past a concurrent stop.
 */
export function decideOnBookInProgramme<Event extends BookEvent>(
  store: EventStore,
  bookId: string,
  decide: (book: BookState, programme: ProgrammeState) => readonly Event[] | DomainError,
  metadata: Record<string, unknown>,
): Promise<readonly Event[]> {
  return retryOnConflict(async () => {
    const book = await loadAggregate(store, streams.book(bookId), evolveBook, initialBookState);
    const programmeStream =
      book.state.status === 'none' ? undefined : streams.programme(book.state.programmeId);
    const programme = programmeStream
      ? await loadAggregate(store, programmeStream, evolveProgramme, initialProgrammeState)
      : { state: initialProgrammeState, version: 0 };
    const events = orThrow(decide(book.state, programme.state));
    if (events.length === 0) return events;
    const guard: StreamAppend[] = programmeStream
      ? [{ streamId: programmeStream, expectedVersion: programme.version, events: [] }]
      : [];
    await store.append([
      {
        streamId: streams.book(bookId),
        expectedVersion: book.version,
        events: toNewEvents(events, metadata),
      },
      ...guard,
    ]);
    return events;
  });
}
