import { ReservationTakenError, WrongExpectedVersionError } from '../event-store.port';
import { eventIds, fulfilledAndRejected, newEvents, SubjectRef, uniqueStreamId } from './contract-support';

/**
 * Appends and reads asked for in the same turn of the event loop share one round trip (group
 * commit). Each must still get exactly the outcome it would get alone: these calls are all made
 * in one turn, so they land in one batch.
 */
export function batchingContract(subject: SubjectRef): void {
  const store = () => subject().store;

  describe('appends sent together', () => {
    it('each succeeds or fails on its own: a wrong version, a taken key, a fine append', async () => {
      const [moved, fine, unlucky] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      const takenKey = uniqueStreamId('key');
      const freshKey = uniqueStreamId('key');
      await store().append([{ streamId: moved, expectedVersion: 0, events: newEvents(2) }], {
        reservations: [{ scope: 'batch', key: takenKey, value: 'first' }],
      });
      const fineEvents = newEvents(1);

      const results = await Promise.allSettled([
        store().append([{ streamId: moved, expectedVersion: 1, events: newEvents(1) }]),
        store().append([{ streamId: fine, expectedVersion: 0, events: fineEvents }], {
          reservations: [{ scope: 'batch', key: uniqueStreamId('key'), value: 'mine' }],
        }),
        store().append([{ streamId: unlucky, expectedVersion: 0, events: newEvents(1) }], {
          reservations: [
            { scope: 'batch', key: freshKey, value: 'lost' },
            { scope: 'batch', key: takenKey, value: 'second' },
          ],
        }),
      ]);

      expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersionError) });
      expect(results[0]).toMatchObject({ reason: { streamId: moved, expected: 1, actual: 2 } });
      expect(results[1]).toEqual({ status: 'fulfilled', value: { versions: { [fine]: 1 } } });
      expect(results[2]).toMatchObject({ status: 'rejected', reason: expect.any(ReservationTakenError) });
      expect(results[2]).toMatchObject({ reason: { key: takenKey, existing: 'first' } });
      expect(await store().readStream(moved)).toHaveLength(2);
      expect(eventIds(await store().readStream(fine))).toEqual(eventIds(fineEvents));
      expect(await store().readStream(unlucky)).toEqual([]);
      expect(await store().lookup('batch', freshKey)).toBeUndefined();
      expect(await store().lookup('batch', takenKey)).toBe('first');
    });

    it('an append of several streams among others: all of it or none, its first wrong stream named', async () => {
      const [kept, moved, alsoMoved, other, another] = Array.from({ length: 5 }, () => uniqueStreamId());
      await store().append([
        { streamId: moved, expectedVersion: 0, events: newEvents(1) },
        { streamId: alsoMoved, expectedVersion: 0, events: newEvents(3) },
      ]);

      const results = await Promise.allSettled([
        store().append([{ streamId: other, expectedVersion: 0, events: newEvents(1) }]),
        store().append([
          { streamId: kept, expectedVersion: 0, events: newEvents(1) },
          { streamId: moved, expectedVersion: 0, events: newEvents(1) },
          { streamId: alsoMoved, expectedVersion: 0, events: newEvents(1) },
        ]),
        store().append([
          { streamId: another, expectedVersion: 0, events: newEvents(2) },
          { streamId: uniqueStreamId(), expectedVersion: 'any', events: newEvents(1) },
        ]),
      ]);

      expect(results[0]).toEqual({ status: 'fulfilled', value: { versions: { [other]: 1 } } });
      expect(results[1]).toMatchObject({
        status: 'rejected',
        reason: { streamId: moved, expected: 0, actual: 1 },
      });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { versions: { [another]: 2 } } });
      expect(await store().readStream(kept)).toEqual([]);
      expect(await store().readStream(moved)).toHaveLength(1);
      expect((await store().readStream(another)).map((event) => event.streamVersion)).toEqual([1, 2]);
    });

    it('two appends to one stream at one version: the first wins, the second sees its events', async () => {
      const streamId = uniqueStreamId();
      const [first, second] = [newEvents(2), newEvents(1)];

      const results = await Promise.allSettled([
        store().append([{ streamId, expectedVersion: 0, events: first }]),
        store().append([{ streamId, expectedVersion: 0, events: second }]),
      ]);

      const { fulfilled, rejected } = fulfilledAndRejected(results);
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toMatchObject({
        streamId,
        expected: 0,
        actual: fulfilled[0].index === 0 ? 2 : 1,
      });
      const winner = fulfilled[0].index === 0 ? first : second;
      expect(eventIds(await store().readStream(streamId))).toEqual(eventIds(winner));
    });

    it('one key asked for twice in one batch is given once', async () => {
      const key = uniqueStreamId('key');
      const streams = [uniqueStreamId(), uniqueStreamId()];

      const results = await Promise.allSettled(
        streams.map((streamId, index) =>
          store().append([{ streamId, expectedVersion: 0, events: newEvents(1) }], {
            reservations: [{ scope: 'batch', key, value: index }],
          }),
        ),
      );

      const { fulfilled, rejected } = fulfilledAndRejected(results);
      expect(fulfilled).toHaveLength(1);
      expect(rejected[0].reason).toMatchObject({ key, existing: fulfilled[0].index });
      expect(await store().readStream(streams[rejected[0].index])).toEqual([]);
    });

    it('an append that breaks the whole batch (a reused event id) fails alone', async () => {
      const reused = newEvents(1);
      await store().append([{ streamId: uniqueStreamId(), expectedVersion: 0, events: reused }]);
      const others = Array.from({ length: 5 }, () => ({ streamId: uniqueStreamId(), events: newEvents(1) }));

      const results = await Promise.allSettled([
        ...others.map(({ streamId, events }) => store().append([{ streamId, expectedVersion: 0, events }])),
        store().append([{ streamId: uniqueStreamId(), expectedVersion: 0, events: reused }]),
      ]);

      const { fulfilled, rejected } = fulfilledAndRejected(results);
      expect(fulfilled.map(({ index }) => index)).toEqual([0, 1, 2, 3, 4]);
      expect(rejected.map(({ index }) => index)).toEqual([5]);
      for (const { streamId, events } of others)
        expect(eventIds(await store().readStream(streamId))).toEqual(eventIds(events));
    });

    it('a hundred single-event appends at once each get their own stream and version', async () => {
      const appends = Array.from({ length: 100 }, () => ({
        streamId: uniqueStreamId(),
        events: newEvents(1),
      }));

      const results = await Promise.all(
        appends.map(({ streamId, events }) => store().append([{ streamId, expectedVersion: 0, events }])),
      );

      expect(results).toEqual(appends.map(({ streamId }) => ({ versions: { [streamId]: 1 } })));
      const read = await store().readStreams(appends.map(({ streamId }) => streamId));
      for (const { streamId, events } of appends)
        expect(eventIds(read.get(streamId)!)).toEqual(eventIds(events));
    });
  });

  describe('reads sent together', () => {
    it('each gets its own streams, in order, unknown ones empty', async () => {
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const [eventsA, eventsB] = [newEvents(3), newEvents(2)];
      await store().append([
        { streamId: a, expectedVersion: 0, events: eventsA },
        { streamId: b, expectedVersion: 0, events: eventsB },
      ]);
      const unknown = uniqueStreamId();

      const [both, onlyB, single, none] = await Promise.all([
        store().readStreams([a, b]),
        store().readStreams([b, unknown]),
        store().readStream(a),
        store().readStream(unknown),
      ]);

      expect([...both.keys()]).toEqual([a, b]);
      expect(eventIds(both.get(a)!)).toEqual(eventIds(eventsA));
      expect(eventIds(both.get(b)!)).toEqual(eventIds(eventsB));
      expect([...onlyB.keys()]).toEqual([b, unknown]);
      expect(eventIds(onlyB.get(b)!)).toEqual(eventIds(eventsB));
      expect(onlyB.get(unknown)).toEqual([]);
      expect(eventIds(single)).toEqual(eventIds(eventsA));
      expect(none).toEqual([]);
      // Each reader owns its arrays: one reader's changes do not show in another's.
      expect(both.get(b)).not.toBe(onlyB.get(b));
    });
  });
}
