import { appendContract } from './append.contract';
import { batchingContract } from './batching.contract';
import { concurrencyContract } from './concurrency.contract';
import { ContractSubject, newEvents, OPEN_TIMEOUT_MS, OpenSubject, uniqueStreamId } from './contract-support';
import { lateCommitContract } from './late-commit.contract';
import { readAllContract } from './read-all.contract';

export type { ContractSubject, OpenSubject } from './contract-support';

/**
 * What every EventStore adapter must do, run against a real engine. `open` must return a store
 * on empty tables; it is called a few times (shared store, readAll's own store, lifecycle).
 */
export function eventStoreContract(name: string, open: OpenSubject): void {
  describe(`EventStore contract: ${name}`, () => {
    let shared: ContractSubject | undefined;
    const subject = () => {
      if (!shared) throw new Error('the store did not open (see beforeAll)');
      return shared;
    };

    beforeAll(async () => {
      shared = await open();
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => shared?.cleanup());

    appendContract(subject);
    concurrencyContract(subject);
    batchingContract(subject);
    lateCommitContract(subject);
    readAllContract(open);

    describe('append notifications', () => {
      it('tells a listener soon after events are committed, and stops when asked', async () => {
        let calls = 0;
        const stop = await subject().store.onAppended(() => (calls += 1));
        const before = calls;
        await subject().store.append([
          { streamId: uniqueStreamId(), expectedVersion: 0, events: newEvents(1) },
        ]);
        const deadline = Date.now() + 5_000;
        while (calls === before && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 10));
        expect(calls).toBeGreaterThan(before);
        await stop();
      });
    });

    describe('lifecycle', () => {
      it('answers ping', async () => {
        await expect(subject().store.ping()).resolves.toBeUndefined();
      });

      it(
        'rejects every operation once closed, and closing twice is harmless',
        async () => {
          const own = await open();
          try {
            await own.store.close();
            await expect(own.store.close()).resolves.toBeUndefined();
            await expect(own.store.ping()).rejects.toThrow();
            await expect(own.store.readStream(uniqueStreamId())).rejects.toThrow();
            await expect(
              own.store.append([{ streamId: uniqueStreamId(), expectedVersion: 0, events: newEvents(1) }]),
            ).rejects.toThrow();
          } finally {
            await own.cleanup();
          }
        },
        OPEN_TIMEOUT_MS,
      );
    });
  });
}
