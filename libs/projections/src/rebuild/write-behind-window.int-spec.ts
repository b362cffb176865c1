import { START_OF_LOG, type SqlEventStore, type SqlExecutor, type StoredEvent } from '@pass/event-store';
import { onBothStores } from '../../../../test/support/both-stores';
import type { Projection } from '../model/projection';
import type { Change, TableSpec } from '../model/table';
import { allProjections } from '../projections/all-projections';
import { applyBatch } from '../runner/apply-batch';
import { ensureProjection } from '../sql/catalog';
import { openTestStore, type TestStore } from '../testing/stores';
import { rowsInSql, rowsReplayed } from '../testing/rows';
import { runWorkload } from '../testing/workload-driver';
import { rebuildProjection } from './rebuild';

const EVENTS_BY_TYPE: TableSpec = {
  name: 'wt_events_by_type',
  key: ['event_type'],
  columns: { event_type: 'text', events: 'bigint' },
};
const SEEN_AT_REDEMPTION: TableSpec = {
  name: 'wt_seen_at_redemption',
  key: ['global_position'],
  columns: { global_position: 'text', books_issued: 'bigint', redemptions: 'bigint' },
};

/**
 * Counters written as increments of rows never loaded, then read back later in the log: the case
 * where a window's pending increments and the SQL rows must be added up, not one lost for the other.
 */
function countingProjection(): Projection {
  const counter = (type: string) => ({ table: EVENTS_BY_TYPE.name, key: { event_type: type } });
  return {
    name: 'window-test-counts',
    tables: [EVENTS_BY_TYPE, SEEN_AT_REDEMPTION],
    reads: (event) =>
      event.type === 'VoucherRedeemed.v1' ? [counter('BookIssued.v1'), counter('VoucherRedeemed.v1')] : [],
    project(event, memory): Change[] {
      const changes: Change[] = [
        { op: 'add', table: EVENTS_BY_TYPE.name, key: { event_type: event.type }, values: { events: 1 } },
      ];
      if (event.type === 'VoucherRedeemed.v1')
        changes.push({
          op: 'put',
          table: SEEN_AT_REDEMPTION.name,
          row: {
            global_position: event.position.globalPosition,
            books_issued: memory.get(EVENTS_BY_TYPE.name, { event_type: 'BookIssued.v1' })?.events ?? 0,
            redemptions: memory.get(EVENTS_BY_TYPE.name, { event_type: 'VoucherRedeemed.v1' })?.events ?? 0,
          },
        });
      return changes;
    },
  };
}

onBothStores('a rebuild through a write-behind window', (kind) => {
  let t: TestStore;
  let events: StoredEvent[];
  beforeAll(async () => {
    t = await openTestStore(kind);
    await runWorkload(t.store, 1500, 4, 11);
    events = await t.store.readAll(START_OF_LOG, 10_000_000);
  }, 120_000);
  afterAll(() => t?.close());

  it('starts from a log where counters are read back long after they were first written', () => {
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'BookIssued.v1').length).toBeGreaterThan(50);
    expect(types.lastIndexOf('VoucherRedeemed.v1')).toBeGreaterThan(types.indexOf('BookIssued.v1') + 1000);
  });

  it('gives the same rows through the live runner (one transaction per batch) as a replay', async () => {
    for (const projection of [countingProjection(), ...allProjections()]) {
      let checkpoint = await ensureProjection(t.store.sql, projection);
      for (let first = 0; first < events.length; first += 61) {
        const batch = events.slice(first, first + 61);
        expect(
          await applyBatch(t.store.sql, { projection, from: checkpoint, stored: batch, options: {} }),
        ).toBe('applied');
        checkpoint = { ...checkpoint, position: batch[batch.length - 1].position };
      }
      expect({ projection: projection.name, rows: await rowsInSql(t.store.sql, projection) }).toEqual({
        projection: projection.name,
        rows: rowsReplayed(projection, events),
      });
    }
  }, 180_000);

  for (const windowRows of [7, 200])
    it(`gives the same rows as a replay, windows of ${windowRows} rows`, async () => {
      for (const projection of [countingProjection(), ...allProjections()]) {
        const report = await rebuildProjection(t.store, projection, { batchSize: 61, windowRows });
        expect(report.events).toBe(events.length);
        const expected = rowsReplayed(projection, events);
        const rowCount = Object.values(expected).reduce((count, rows) => count + rows.length, 0);
        console.log(`[${kind}] ${projection.name}: ${rowCount} rows, ${report.flushes} flushes`);
        // A window is written at the end of the batch that fills it.
        const batches = Math.ceil(events.length / 61);
        expect(report.flushes).toBeGreaterThanOrEqual(
          Math.min(Math.floor(batches / 2), Math.floor(rowCount / windowRows / 2)),
        );
        expect({ projection: projection.name, rows: await rowsInSql(t.store.sql, projection) }).toEqual({
          projection: projection.name,
          rows: expected,
        });
      }
    }, 180_000);

  it('reads what the window being written increments only once it has committed', async () => {
    // Each write commits late, so the next window's loads run while it is in flight (PostgreSQL;
    // PGlite's single connection makes them wait anyway).
    const slowCommits: SqlExecutor = {
      query: (sql, params) => t.store.sql.query(sql, params),
      transaction: (work) =>
        t.store.sql.transaction(async (tx) => {
          const result = await work(tx);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return result;
        }),
      close: () => t.store.sql.close(),
    };
    const store: SqlEventStore = Object.create(t.store, { sql: { value: slowCommits } });
    const projection = countingProjection();
    const report = await rebuildProjection(store, projection, { batchSize: 29, windowRows: 5 });
    expect(report.flushes).toBeGreaterThan(20);
    expect(await rowsInSql(t.store.sql, projection)).toEqual(rowsReplayed(projection, events));
  });

  it('writes each window through two transactions at once; one that fails fails the rebuild', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    let partsToFail = 0;
    const counting: SqlExecutor = {
      query: (sql, params) => t.store.sql.query(sql, params),
      transaction: async (work) => {
        // Asked for while another runs: the second part of a window (nothing else overlaps in a rebuild).
        const fails = inFlight > 0 && partsToFail-- > 0;
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        try {
          return await t.store.sql.transaction(async (tx) => {
            const result = await work(tx);
            if (fails) throw new Error('a part of a window failed');
            return result;
          });
        } finally {
          inFlight--;
        }
      },
      close: () => t.store.sql.close(),
    };
    const store: SqlEventStore = Object.create(t.store, { sql: { value: counting } });
    const projection = allProjections().find((p) => p.name === 'voucher-status')!;
    const report = await rebuildProjection(store, projection, { batchSize: 97, windowRows: 300 });
    expect(report.flushes).toBeGreaterThan(5);
    // PGlite runs them one after the other on its one connection, but they are asked for together.
    expect(mostInFlight).toBe(2);
    const rows = rowsReplayed(projection, events);
    expect(await rowsInSql(t.store.sql, projection)).toEqual(rows);

    partsToFail = 1;
    await expect(rebuildProjection(store, projection, { batchSize: 97, windowRows: 300 })).rejects.toThrow(
      'a part of a window failed',
    );
    expect(partsToFail).toBe(0);
    expect(await rowsInSql(t.store.sql, projection)).toEqual(rows); // readers keep the generation before
  });

  it('gives the same rows as a replay in a single window', async () => {
    const projection = countingProjection();
    const report = await rebuildProjection(t.store, projection, { batchSize: 500, windowRows: 1e9 });
    expect(report.flushes).toBe(1);
    expect(await rowsInSql(t.store.sql, projection)).toEqual(rowsReplayed(projection, events));
  });
});
