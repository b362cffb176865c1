import { START_OF_LOG } from '@pass/event-store';
import { onBothStores } from '../../../test/support/both-stores';
import { projected } from './model/projected-event';
import { replay } from './model/replay';
import { allProjections } from './projections/all-projections';
import { rebuildProjection } from './rebuild/rebuild';
import { ProjectionHost } from './runner/projection-host';
import { measureLag } from './runner/lag';
import { figuresFrom, readFigures } from './testing/read-figures';
import { recount } from './testing/recount';
import { openTestStore, type TestStore } from './testing/stores';
import { runWorkload } from './testing/workload-driver';

const COMMANDS = Number(process.env.PROJECTION_TEST_COMMANDS ?? 10_000);

onBothStores('projections over a random workload', (kind) => {
  let t: TestStore;
  let host: ProjectionHost;
  beforeAll(async () => {
    t = await openTestStore(kind);
    host = new ProjectionHost(t.store, allProjections(), { idleMs: 20, batchSize: 500 });
  }, 120_000);
  afterAll(async () => {
    await host?.stop();
    await t?.close();
  });

  it(`equals a recount of the raw events after ${COMMANDS} commands written while projecting`, async () => {
    host.start();
    const started = Date.now();
    await runWorkload(t.store, COMMANDS, 4, 7);
    const written = Date.now();
    await host.stop();
    await host.catchUp();
    const events = await t.store.readAll(START_OF_LOG, 10_000_000);
    console.log(
      `[${kind}] ${COMMANDS} commands → ${events.length} events written in ${written - started} ms, caught up in ${Date.now() - written} ms`,
    );
    const expected = recount(events);
    expect(Object.keys(expected.territory).length).toBeGreaterThan(50);
    expect(Object.values(expected.programmes).some((p) => (p.reimbursed_cents ?? 0) > 0)).toBe(true);
    expect(await readFigures(t.store.sql)).toEqual(expected);
    for (const lag of await measureLag(
      t.store.sql,
      host.runners.map((r) => r.name),
    ))
      expect(lag).toMatchObject({ eventsBehind: 0, secondsBehind: 0 });

    // The same pure code, replayed in memory (what asOf= does), gives the same figures.
    const inMemory = Object.fromEntries(
      allProjections().flatMap((projection) => {
        const tables = replay(projection, events.map(projected));
        return projection.tables.map((spec) => [spec.name, tables.all(spec.name)]);
      }),
    );
    expect(figuresFrom(inMemory)).toEqual(expected);
  }, 180_000);

  it('rebuilds every read model into new tables, swaps, and keeps the same figures', async () => {
    const before = await readFigures(t.store.sql);
    host.start();
    for (const projection of allProjections()) {
      // Small batches: many read-aheads, and batch boundaries falling anywhere in the workload.
      const report = await rebuildProjection(t.store, projection, { batchSize: 97 });
      expect(report.toGeneration).toBe(report.fromGeneration + 1);
      console.log(
        `[${kind}] rebuilt ${report.name}: ${report.events} events, ${report.eventsPerSecond} events/s`,
      );
    }
    // Written during and after the swaps: the live runner goes on in the new generation.
    await runWorkload(t.store, 200, 2, 99);
    await host.stop();
    await host.catchUp();
    const events = await t.store.readAll(START_OF_LOG, 10_000_000);
    expect(await readFigures(t.store.sql)).toEqual(recount(events));
    expect(await readFigures(t.store.sql)).not.toEqual(before);
    const tables = await t.store.sql.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name like 'pj_%_g%'`,
    );
    expect(tables.map((table) => table.name).filter((name) => !name.endsWith('_g2'))).toEqual([]);
  }, 180_000);
});
