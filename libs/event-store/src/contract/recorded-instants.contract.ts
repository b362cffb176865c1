import type { SqlEventStore } from '../sql/sql-event-store';
import { newEvents, uniqueStreamId } from './contract-support';

/**
 * The SQL adapters read `recorded_at` as milliseconds computed in SQL (queries.ts): every instant
 * must come back as the Date the server holds, cut to the millisecond like any Date, never a
 * millisecond early through float rounding.
 */
export function recordedInstantsContract(
  name: string,
  open: () => Promise<{ store: SqlEventStore; cleanup: () => Promise<void> }>,
): void {
  describe(`${name}: recorded instants`, () => {
    it('reads each event back at the instant the server recorded, to the millisecond', async () => {
      const { store, cleanup } = await open();
      try {
        const streamId = uniqueStreamId();
        const instants = [
          '2026-06-01T10:00:00.000Z',
          '2026-06-01T10:00:00.001Z',
          '2026-06-01T10:00:00.999Z',
          '2026-12-31T23:59:59.123Z',
          '1999-12-31T23:59:59.000Z',
          '2099-01-01T00:00:00.007Z',
          // Instants whose float seconds fall just below their millisecond (found by sampling).
          '2004-01-10T15:00:15.225Z',
        ];
        await store.append([{ streamId, expectedVersion: 0, events: newEvents(instants.length + 2) }]);
        // Microseconds the Date cannot hold are cut, not rounded, even where float seconds are coarse.
        const held = [...instants, '2026-06-01T10:00:00.123999Z', '2109-08-06T10:39:52.887999Z'];
        for (const [index, instant] of held.entries())
          await store.sql.query(
            `update events set recorded_at = $1::timestamptz where stream_id = $2 and stream_version = $3`,
            [instant, streamId, index + 1],
          );
        const read = await store.readStream(streamId);
        expect(read.map((event) => event.recordedAt.toISOString())).toEqual([
          ...instants,
          '2026-06-01T10:00:00.123Z',
          '2109-08-06T10:39:52.887Z',
        ]);
      } finally {
        await cleanup();
      }
    });
  });
}
