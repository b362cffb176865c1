import type { AppendAnswer, AppendRequest } from './append-arguments';
import { AppendBatcher } from './append-batcher';

const request = (streamId: string): AppendRequest => ({
  streams: [{ streamId, expectedVersion: 0, events: [] }],
  reservations: [],
});
const answered = (request: AppendRequest): AppendAnswer => ({
  versions: { [request.streams[0].streamId]: 1 },
});

describe('AppendBatcher', () => {
  it('sends the appends of one turn as one batch, and answers each its own', async () => {
    const batches: string[][] = [];
    const batcher = new AppendBatcher(
      async (requests) => {
        batches.push(requests.map((r) => r.streams[0].streamId));
        return requests.map(answered);
      },
      () => Promise.reject(new Error('not alone')),
    );

    const answers = await Promise.all(['a', 'b', 'c'].map((id) => batcher.append(request(id))));

    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(answers).toEqual([{ versions: { a: 1 } }, { versions: { b: 1 } }, { versions: { c: 1 } }]);
  });

  it('sends a lone append alone', async () => {
    const alone: string[] = [];
    const batcher = new AppendBatcher(
      () => Promise.reject(new Error('not a batch')),
      async (r) => {
        alone.push(r.streams[0].streamId);
        return answered(r);
      },
    );

    await expect(batcher.append(request('a'))).resolves.toEqual({ versions: { a: 1 } });
    expect(alone).toEqual(['a']);
  });

  it('sends each append alone again when the batch fails, so only the culprit fails', async () => {
    const batcher = new AppendBatcher(
      () => Promise.reject(new Error('batch broken')),
      async (r) => {
        if (r.streams[0].streamId === 'bad') throw new Error('bad append');
        return answered(r);
      },
    );

    const results = await Promise.allSettled(['a', 'bad', 'c'].map((id) => batcher.append(request(id))));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { message: 'bad append' } });
  });

  it('starts a new batch past 64 appends without waiting for the turn to end', async () => {
    const sizes: number[] = [];
    const batcher = new AppendBatcher(
      async (requests) => {
        sizes.push(requests.length);
        return requests.map(answered);
      },
      async (r) => answered(r),
    );

    await Promise.all(Array.from({ length: 130 }, (_, i) => batcher.append(request(`s${i}`))));

    expect(sizes).toEqual([64, 64, 2]);
  });
});
