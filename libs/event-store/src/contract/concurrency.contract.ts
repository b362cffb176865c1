import { AppendResult, ReservationTakenError, WrongExpectedVersionError } from '../event-store.port';
import { eventIds, fulfilledAndRejected, newEvents, SubjectRef, uniqueStreamId } from './contract-support';

export function concurrencyContract(subject: SubjectRef): void {
  const store = () => subject().store;

  describe('concurrent writers', () => {
    it.each([2, 10])('%i appends with the same expected version: exactly one wins', async (writers) => {
      const streamId = uniqueStreamId();
      await store().append([{ streamId, expectedVersion: 0, events: newEvents(1) }]);
      const batches = Array.from({ length: writers }, () => newEvents(3));

      const results = await Promise.allSettled(
        batches.map((events) => store().append([{ streamId, expectedVersion: 1, events }])),
      );

      const { fulfilled, rejected } = fulfilledAndRejected(results);
      expect(fulfilled).toHaveLength(1);
      expect(fulfilled[0].value.versions[streamId]).toBe(4);
      expect(rejected).toHaveLength(writers - 1);
      for (const { reason } of rejected) {
        expect(reason).toBeInstanceOf(WrongExpectedVersionError);
        expect(reason).toMatchObject({ streamId, expected: 1, actual: 4 });
      }
      const stored = await store().readStream(streamId);
      expect(eventIds(stored.slice(1))).toEqual(eventIds(batches[fulfilled[0].index]));
      expect(stored.map((event) => event.streamVersion)).toEqual([1, 2, 3, 4]);
    });

    it("10 concurrent appends with 'any' all succeed, each with its own versions", async () => {
      const streamId = uniqueStreamId();

      const results: AppendResult[] = await Promise.all(
        Array.from({ length: 10 }, () =>
          store().append([{ streamId, expectedVersion: 'any', events: newEvents(2) }]),
        ),
      );

      const reported = results.map((result) => result.versions[streamId]).sort((a, b) => a - b);
      expect(reported).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
      const versions = (await store().readStream(streamId)).map((event) => event.streamVersion);
      expect(versions).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    });

    it('appends crossing the same streams in opposite orders do not deadlock', async () => {
      const [left, right] = [uniqueStreamId('left'), uniqueStreamId('right')];

      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) => {
          const streams = [
            { streamId: left, expectedVersion: 'any' as const, events: newEvents(1) },
            { streamId: right, expectedVersion: 'any' as const, events: newEvents(1) },
          ];
          return store().append(index % 2 === 0 ? streams : streams.reverse());
        }),
      );

      expect(fulfilledAndRejected(results).rejected).toEqual([]);
      expect(await store().readStream(left)).toHaveLength(20);
      expect(await store().readStream(right)).toHaveLength(20);
    });

    it('10 concurrent claims of one reservation: exactly one wins, the others see its value', async () => {
      const key = uniqueStreamId('code');
      const streamIds = Array.from({ length: 10 }, () => uniqueStreamId('voucher'));

      const results = await Promise.allSettled(
        streamIds.map((streamId) =>
          store().append([{ streamId, expectedVersion: 0, events: newEvents(1) }], {
            reservations: [{ scope: 'voucher-code', key, value: { voucherId: streamId } }],
          }),
        ),
      );

      const { fulfilled, rejected } = fulfilledAndRejected(results);
      expect(fulfilled).toHaveLength(1);
      const winner = streamIds[fulfilled[0].index];
      expect(await store().lookup('voucher-code', key)).toEqual({ voucherId: winner });
      for (const { reason } of rejected) {
        expect(reason).toBeInstanceOf(ReservationTakenError);
        expect(reason).toMatchObject({ key, existing: { voucherId: winner } });
      }
      for (const streamId of streamIds) {
        expect(await store().readStream(streamId)).toHaveLength(streamId === winner ? 1 : 0);
      }
    });
  });
}
