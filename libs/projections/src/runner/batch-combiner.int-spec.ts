import { START_OF_LOG, type SqlExecutor, type StoredEvent } from '@pass/event-store';
import { onBothStores } from '../../../../test/support/both-stores';
import type { Projection } from '../model/projection';
import { allProjections } from '../projections/all-projections';
import { ensureProjection, readActiveCheckpoint, type Checkpoint } from '../sql/catalog';
import { openTestStore, type TestStore } from '../testing/stores';
import { rowsInSql, rowsReplayed } from '../testing/rows';
import { runWorkload } from '../testing/workload-driver';
import type { Batch } from './apply-batch';
import { BatchCombiner } from './batch-combiner';

/** The store's executor, counting the transactions it runs (the database is real). */
function countingTransactions(sql: SqlExecutor): { sql: SqlExecutor; transactions: () => number } {
  let transactions = 0;
  return {
    transactions: () => transactions,
    sql: {
      query: (text, params) => sql.query(text, params),
      transaction: (work) => {
        transactions++;
        return sql.transaction(work);
      },
      close: () => sql.close(),
    },
  };
}

const batchOf = (projection: Projection, from: Checkpoint, stored: readonly StoredEvent[]): Batch => ({
  projection,
  from,
  stored,
  options: {},
});

onBothStores('batches of several projections written as one transaction', (kind) => {
  let t: TestStore;
  let events: StoredEvent[];
  const [first, second, third] = allProjections();

  beforeEach(async () => {
    t = await openTestStore(kind);
    await runWorkload(t.store, 120, 3, 5);
    events = await t.store.readAll(START_OF_LOG, 100_000);
  }, 60_000);
  afterEach(() => t?.close());

  it('commits the batches handed in together once, each with its own outcome', async () => {
    const counting = countingTransactions(t.store.sql);
    const starts = await Promise.all([first, second, third].map((p) => ensureProjection(t.store.sql, p)));
    const stale = { ...starts[2], position: events[3].position };
    const combiner = new BatchCombiner(counting.sql, 20);

    const outcomes = await Promise.all([
      combiner.apply(batchOf(first, starts[0], events)),
      combiner.apply(batchOf(second, starts[1], events)),
      combiner.apply(batchOf(third, stale, events.slice(4))),
    ]);

    expect(outcomes).toEqual(['applied', 'applied', 'moved-on']);
    expect(counting.transactions()).toBe(1);
    for (const projection of [first, second])
      expect(await rowsInSql(t.store.sql, projection)).toEqual(rowsReplayed(projection, events));
    const last = events[events.length - 1].position;
    expect((await readActiveCheckpoint(t.store.sql, first.name))!.position).toEqual(last);
    expect((await readActiveCheckpoint(t.store.sql, second.name))!.position).toEqual(last);
    expect(await readActiveCheckpoint(t.store.sql, third.name)).toEqual(starts[2]);
  });

  it("tries each batch alone when the shared one fails: only the failing projection's caller hears of it", async () => {
    const failing: Projection = {
      ...third,
      name: 'always-fails',
      project: () => {
        throw new Error('a bug in this projection');
      },
    };
    const starts = await Promise.all([first, failing].map((p) => ensureProjection(t.store.sql, p)));
    const combiner = new BatchCombiner(t.store.sql, 20);

    const [good, bad] = await Promise.allSettled([
      combiner.apply(batchOf(first, starts[0], events)),
      combiner.apply(batchOf(failing, starts[1], events)),
    ]);

    expect(good).toEqual({ status: 'fulfilled', value: 'applied' });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('a bug in this projection') });
    expect(await rowsInSql(t.store.sql, first)).toEqual(rowsReplayed(first, events));
    expect(await readActiveCheckpoint(t.store.sql, failing.name)).toEqual(starts[1]);
  });

  it('never applies two batches of one projection from the same checkpoint: the second has moved on', async () => {
    const start = await ensureProjection(t.store.sql, first);
    const combiner = new BatchCombiner(t.store.sql, 20);

    const outcomes = await Promise.all([
      combiner.apply(batchOf(first, start, events)),
      combiner.apply(batchOf(first, start, events)),
    ]);

    expect([...outcomes].sort()).toEqual(['applied', 'moved-on']);
    expect(await rowsInSql(t.store.sql, first)).toEqual(rowsReplayed(first, events));
  });
});
