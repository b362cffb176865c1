import type { StoredEvent } from '../event-store.port';
import { StreamReadBatcher } from './stream-read-batcher';

const event = (streamId: string, streamVersion: number) =>
  ({ streamId, streamVersion, eventId: `${streamId}-${streamVersion}` }) as StoredEvent;

describe('StreamReadBatcher', () => {
  it('reads the streams of one turn in one query, each caller getting only its own', async () => {
    const queries: string[][] = [];
    const batcher = new StreamReadBatcher(async (ids) => {
      queries.push(ids);
      return [event('a', 1), event('a', 2), event('b', 1)];
    });

    const [first, second] = await Promise.all([batcher.read(['a', 'x']), batcher.read(['b', 'a'])]);

    expect(queries).toEqual([['a', 'x', 'b']]);
    expect([...first.entries()]).toEqual([
      ['a', [event('a', 1), event('a', 2)]],
      ['x', []],
    ]);
    expect([...second.keys()]).toEqual(['b', 'a']);
    expect(second.get('a')).not.toBe(first.get('a'));
  });

  it('fails every read of a batch whose query fails', async () => {
    const batcher = new StreamReadBatcher(() => Promise.reject(new Error('down')));

    const results = await Promise.allSettled([batcher.read(['a']), batcher.read(['b'])]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
