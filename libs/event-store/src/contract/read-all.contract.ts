import { START_OF_LOG } from '../event-store.port';
import {
  comparePositions,
  containsAll,
  eventIds,
  newEvents,
  OPEN_TIMEOUT_MS,
  OpenSubject,
  readLogUntil,
  uniqueStreamId,
} from './contract-support';
import type { ContractSubject } from './contract-support';

/** Runs on a store of its own so that "the whole log" means exactly what these tests appended. */
export function readAllContract(open: OpenSubject): void {
  describe('readAll', () => {
    let subject: ContractSubject;
    const appendedInOrder: string[] = [];
    const store = () => subject.store;

    beforeAll(async () => {
      subject = await open();
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => subject?.cleanup());

    it('reads the whole log from START_OF_LOG in append order', async () => {
      const [a, b, c] = [uniqueStreamId('a'), uniqueStreamId('b'), uniqueStreamId('c')];
      const batches = [
        { streams: [{ streamId: a, expectedVersion: 0, events: newEvents(2) }] },
        {
          streams: [
            { streamId: c, expectedVersion: 0, events: newEvents(1) },
            { streamId: b, expectedVersion: 0, events: newEvents(2) },
          ],
        },
        { streams: [{ streamId: a, expectedVersion: 2, events: newEvents(1) }] },
      ];
      for (const batch of batches) {
        await store().append(batch.streams);
        for (const stream of batch.streams) appendedInOrder.push(...eventIds(stream.events));
      }
      // A failed append must leave no trace in the log.
      await expect(
        store().append([{ streamId: b, expectedVersion: 0, events: newEvents(1) }]),
      ).rejects.toThrow();

      const log = await readLogUntil(store(), containsAll(appendedInOrder));

      expect(eventIds(log)).toEqual(appendedInOrder);
      expect(log.map((event) => event.streamId)).toEqual([a, a, c, b, b, a]);
      for (let index = 1; index < log.length; index++) {
        expect(comparePositions(log[index - 1].position, log[index].position)).toBe(-1);
      }
      expect(await store().readAll(log[log.length - 1].position, 10)).toEqual([]);
    });

    it('hands out every event exactly once when paging with the last position as checkpoint', async () => {
      const streamIds = Array.from({ length: 5 }, () => uniqueStreamId('paged'));
      for (let round = 0; round < 5; round++) {
        const streams = streamIds.map((streamId) => ({
          streamId,
          expectedVersion: round * 10,
          events: newEvents(10),
        }));
        await store().append(streams);
        for (const stream of streams) appendedInOrder.push(...eventIds(stream.events));
      }
      expect(appendedInOrder.length).toBeGreaterThanOrEqual(250);

      const paged: string[] = [];
      let checkpoint = START_OF_LOG;
      const deadline = Date.now() + 5_000;
      while (paged.length < appendedInOrder.length && Date.now() < deadline) {
        const page = await store().readAll(checkpoint, 7);
        expect(page.length).toBeLessThanOrEqual(7);
        if (page.length === 0) continue; // held back by a write transaction elsewhere on the server
        paged.push(...eventIds(page));
        checkpoint = page[page.length - 1].position;
      }

      expect(paged).toEqual(appendedInOrder);
      expect(await store().readAll(checkpoint, 7)).toEqual([]);
    });

    it('refuses a limit that is not a positive integer', async () => {
      await expect(store().readAll(START_OF_LOG, 0)).rejects.toThrow(RangeError);
      await expect(store().readAll(START_OF_LOG, 1.5)).rejects.toThrow(RangeError);
    });
  });
}
