import { ReservationTakenError, WrongExpectedVersionError } from '../event-store.port';
import { eventIds, newEvent, newEvents, SubjectRef, uniqueStreamId } from './contract-support';

export function appendContract(subject: SubjectRef): void {
  const store = () => subject().store;

  describe('append and readStream', () => {
    it('reads back the events in order, versions 1..n, data and metadata intact', async () => {
      const streamId = uniqueStreamId();
      const events = [
        newEvent(
          'BookIssued',
          { vouchers: ['A1', 'B2'], amount: 30, nested: { ok: true, none: null } },
          { actor: 'u1' },
        ),
        newEvent('VoucherRedeemed', { name: 'Élodie “quotes” 🎫', list: [1, 'two', { three: 3 }] }),
        newEvent('Note', 'a bare string'),
      ];

      const result = await store().append([{ streamId, expectedVersion: 0, events }]);

      expect(result.versions).toEqual({ [streamId]: 3 });
      const stored = await store().readStream(streamId);
      expect(stored.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
      expect(eventIds(stored)).toEqual(eventIds(events));
      expect(stored.map((event) => event.type)).toEqual(['BookIssued', 'VoucherRedeemed', 'Note']);
      expect(stored.map((event) => event.data)).toEqual(events.map((event) => event.data));
      expect(stored.map((event) => event.metadata)).toEqual([{ actor: 'u1' }, {}, {}]);
      for (const event of stored) {
        expect(event.streamId).toBe(streamId);
        expect(event.recordedAt).toBeInstanceOf(Date);
        expect(Number.isNaN(event.recordedAt.getTime())).toBe(false);
        expect(event.position.transactionId).toMatch(/^[1-9]\d*$/);
        expect(event.position.globalPosition).toMatch(/^[1-9]\d*$/);
      }
    });

    it('continues a stream from its current version', async () => {
      const streamId = uniqueStreamId();
      await store().append([{ streamId, expectedVersion: 0, events: newEvents(2) }]);

      const result = await store().append([{ streamId, expectedVersion: 2, events: newEvents(3) }]);

      expect(result.versions[streamId]).toBe(5);
      expect((await store().readStream(streamId)).map((event) => event.streamVersion)).toEqual([
        1, 2, 3, 4, 5,
      ]);
    });

    it('reads several streams at once, each in order, unknown ones empty', async () => {
      const [first, second, unknown] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId('unknown')];
      const firstEvents = newEvents(3);
      const secondEvents = newEvents(2);
      await store().append([
        { streamId: second, expectedVersion: 0, events: secondEvents },
        { streamId: first, expectedVersion: 0, events: firstEvents },
      ]);

      const streams = await store().readStreams([first, second, unknown]);

      expect(eventIds(streams.get(first)!)).toEqual(eventIds(firstEvents));
      expect(eventIds(streams.get(second)!)).toEqual(eventIds(secondEvents));
      expect(streams.get(unknown)).toEqual([]);
    });

    it('reads an unknown stream as empty', async () => {
      await expect(store().readStream(uniqueStreamId('unknown'))).resolves.toEqual([]);
    });
  });

  describe('expected version', () => {
    it('refuses a wrong expected version and writes nothing', async () => {
      const streamId = uniqueStreamId();
      const original = newEvents(2);
      await store().append([{ streamId, expectedVersion: 0, events: original }]);

      for (const expectedVersion of [1, 3]) {
        const attempt = store().append([{ streamId, expectedVersion, events: newEvents(1) }]);
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(attempt).rejects.toMatchObject({ streamId, expected: expectedVersion, actual: 2 });
      }
      expect(eventIds(await store().readStream(streamId))).toEqual(eventIds(original));
    });

    it('refuses expected version 0 on an existing stream', async () => {
      const streamId = uniqueStreamId();
      await store().append([{ streamId, expectedVersion: 0, events: newEvents(1) }]);

      await expect(
        store().append([{ streamId, expectedVersion: 0, events: newEvents(1) }]),
      ).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        expected: 0,
        actual: 1,
      });
      expect(await store().readStream(streamId)).toHaveLength(1);
    });

    it('refuses a positive expected version on a stream that does not exist', async () => {
      const streamId = uniqueStreamId();
      await expect(
        store().append([{ streamId, expectedVersion: 1, events: newEvents(1) }]),
      ).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        actual: 0,
      });
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it("appends with 'any' whatever the version", async () => {
      const streamId = uniqueStreamId();
      const first = await store().append([{ streamId, expectedVersion: 'any', events: newEvents(2) }]);
      const second = await store().append([{ streamId, expectedVersion: 'any', events: newEvents(1) }]);

      expect([first.versions[streamId], second.versions[streamId]]).toEqual([2, 3]);
      expect((await store().readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    });

    it('refuses the same stream twice in one append', async () => {
      const streamId = uniqueStreamId();
      await expect(
        store().append([
          { streamId, expectedVersion: 0, events: newEvents(1) },
          { streamId, expectedVersion: 0, events: newEvents(1) },
        ]),
      ).rejects.toThrow(/twice/);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });

  describe('several streams and reservations, all or nothing', () => {
    it('writes several streams and reservations in one append', async () => {
      const [book, voucher] = [uniqueStreamId('book'), uniqueStreamId('voucher')];
      const code = uniqueStreamId('code');

      const result = await store().append(
        [
          { streamId: book, expectedVersion: 0, events: newEvents(1) },
          { streamId: voucher, expectedVersion: 0, events: newEvents(2) },
        ],
        { reservations: [{ scope: 'voucher-code', key: code, value: { voucherId: voucher } }] },
      );

      expect(result.versions).toEqual({ [book]: 1, [voucher]: 2 });
      expect(await store().readStream(book)).toHaveLength(1);
      expect(await store().readStream(voucher)).toHaveLength(2);
      expect(await store().lookup('voucher-code', code)).toEqual({ voucherId: voucher });
    });

    it('writes no stream and keeps no reservation when one stream has a wrong version', async () => {
      const [existing, fresh] = [uniqueStreamId('existing'), uniqueStreamId('fresh')];
      await store().append([{ streamId: existing, expectedVersion: 0, events: newEvents(1) }]);
      const key = uniqueStreamId('key');

      const attempt = store().append(
        [
          { streamId: fresh, expectedVersion: 0, events: newEvents(2) },
          { streamId: existing, expectedVersion: 0, events: newEvents(1) },
        ],
        { reservations: [{ scope: 'siret', key, value: 'venue-1' }] },
      );

      await expect(attempt).rejects.toMatchObject({ name: 'WrongExpectedVersionError', streamId: existing });
      expect(await store().readStream(fresh)).toEqual([]);
      expect(await store().readStream(existing)).toHaveLength(1);
      expect(await store().lookup('siret', key)).toBeUndefined();
    });

    it("names the first stream, in the append's order, whose version is wrong", async () => {
      const [fresh, moved, alsoMoved] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await store().append([
        { streamId: moved, expectedVersion: 0, events: newEvents(1) },
        { streamId: alsoMoved, expectedVersion: 0, events: newEvents(3) },
      ]);

      const attempt = store().append([
        { streamId: fresh, expectedVersion: 0, events: newEvents(1) },
        { streamId: alsoMoved, expectedVersion: 1, events: newEvents(1) },
        { streamId: moved, expectedVersion: 0, events: newEvents(1) },
      ]);

      await expect(attempt).rejects.toMatchObject({ streamId: alsoMoved, expected: 1, actual: 3 });
      expect(await store().readStream(fresh)).toEqual([]);
    });

    it('gives every stream of a large append its version (a bulk issuance: a programme and its books)', async () => {
      const existing = uniqueStreamId('programme');
      await store().append([{ streamId: existing, expectedVersion: 0, events: newEvents(2) }]);
      const books = Array.from({ length: 300 }, () => uniqueStreamId('book'));

      const { versions } = await store().append([
        { streamId: existing, expectedVersion: 2, events: newEvents(1) },
        ...books.map((streamId, index) => ({
          streamId,
          expectedVersion: 0,
          events: newEvents(1 + (index % 3)),
        })),
      ]);

      expect(versions[existing]).toBe(3);
      expect(books.map((streamId) => versions[streamId])).toEqual(books.map((_, index) => 1 + (index % 3)));
      const lastBook = await store().readStream(books[299]);
      expect(lastBook.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    });

    it('writes nothing when a reservation is taken, and says who holds it', async () => {
      const takenKey = uniqueStreamId('taken');
      const freeKey = uniqueStreamId('free');
      await store().append(
        [{ streamId: uniqueStreamId('holder'), expectedVersion: 0, events: newEvents(1) }],
        {
          reservations: [{ scope: 'voucher-code', key: takenKey, value: { voucherId: 'first' } }],
        },
      );
      const [book, voucher] = [uniqueStreamId('book'), uniqueStreamId('voucher')];

      const attempt = store().append(
        [
          { streamId: book, expectedVersion: 0, events: newEvents(1) },
          { streamId: voucher, expectedVersion: 0, events: newEvents(1) },
        ],
        {
          reservations: [
            { scope: 'voucher-code', key: freeKey, value: { voucherId: 'second' } },
            { scope: 'voucher-code', key: takenKey, value: { voucherId: 'second' } },
          ],
        },
      );

      await expect(attempt).rejects.toBeInstanceOf(ReservationTakenError);
      await expect(attempt).rejects.toMatchObject({
        scope: 'voucher-code',
        key: takenKey,
        existing: { voucherId: 'first' },
      });
      expect(await store().readStream(book)).toEqual([]);
      expect(await store().readStream(voucher)).toEqual([]);
      expect(await store().lookup('voucher-code', freeKey)).toBeUndefined();
      expect(await store().lookup('voucher-code', takenKey)).toEqual({ voucherId: 'first' });
    });
  });

  describe('lookup', () => {
    it('returns reserved values, keyed by scope and key, and undefined for unknown keys', async () => {
      const key = uniqueStreamId('key');
      await store().append([], {
        reservations: [
          { scope: 'idempotency', key, value: { status: 201, body: { id: 'x' } } },
          { scope: 'siret', key, value: 'venue-42' },
          { scope: 'counter', key, value: 7 },
        ],
      });

      expect(await store().lookup('idempotency', key)).toEqual({ status: 201, body: { id: 'x' } });
      expect(await store().lookup('siret', key)).toBe('venue-42');
      expect(await store().lookup('counter', key)).toBe(7);
      expect(await store().lookup('voucher-code', key)).toBeUndefined();
      expect(await store().lookup('idempotency', uniqueStreamId('unknown'))).toBeUndefined();
    });
  });
}
