import { streams } from '@pass/domain';
import { PgliteEventStore } from '@pass/event-store';
import { bookDistributed, bookIssued, venueCertified, venueRegistered } from '@pass/domain/testing/fixtures';
import { toNewEvents } from '../../infrastructure/new-events';
import { RedemptionStateReader } from './redemption-state';

describe('the state a redemption decides on', () => {
  let store: PgliteEventStore;
  let reader: RedemptionStateReader;
  beforeEach(async () => {
    store = await PgliteEventStore.open();
    reader = new RedemptionStateReader(store);
    const venue = (venueId: string, certified: boolean) =>
      toNewEvents([venueRegistered({ venueId }), ...(certified ? [venueCertified({ venueId })] : [])]);
    await store.append([
      { streamId: streams.venue('venue-a'), expectedVersion: 0, events: venue('venue-a', true) },
      { streamId: streams.venue('venue-b'), expectedVersion: 0, events: venue('venue-b', false) },
      {
        streamId: streams.book('bk_0123456789abcdef'),
        expectedVersion: 0,
        events: toNewEvents([bookIssued(), bookDistributed()]),
      },
    ]);
  });
  afterEach(() => store.close());

  const bookIds = ['bk_0123456789abcdef'];

  it('reads the same books and venue with the venue read ahead as without', async () => {
    const together = await reader.load(bookIds, 'venue-a', false);
    const ahead = await reader.load(bookIds, 'venue-a', false, reader.prefetchVenue('venue-a'));
    expect(ahead).toEqual(together);
    expect(ahead.venue).toMatchObject({
      venueId: 'venue-a',
      certifications: [{ until: '2027-01-15T00:00:00.000Z' }],
    });
    expect(ahead.books.get(bookIds[0])).toMatchObject({ status: 'distributed' });
    expect(ahead.versions.get(bookIds[0])).toBe(2);
  });

  it("never decides on another venue's read", async () => {
    const state = await reader.load(bookIds, 'venue-a', false, reader.prefetchVenue('venue-b'));
    expect(state).toEqual(await reader.load(bookIds, 'venue-a', false));
  });

  it('leaves no unhandled failure when a read ahead fails and nothing waits for it', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      await store.close();
      reader.prefetchVenue('venue-a'); // nothing waits for it, as when a scan is refused first
      // The store answers in order: once a later read failed, the read ahead has failed too.
      await expect(store.readStream(streams.venue('venue-a'))).rejects.toThrow();
      await new Promise((resolve) => setImmediate(resolve)); // Node reports unhandled failures by then
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
      store = await PgliteEventStore.open();
    }
  });
});
