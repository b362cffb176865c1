import { randomUUID } from 'node:crypto';
import { START_OF_LOG, type SqlQueryable } from '@pass/event-store';
import { onBothStores } from '../../../../test/support/both-stores';
import type { Projection } from '../model/projection';
import type { TableSpec } from '../model/table';
import { rebuildProjection } from '../rebuild/rebuild';
import { ProjectionHost } from '../runner/projection-host';
import { openTestStore, type TestStore } from '../testing/stores';
import { rowsInSql, rowsReplayed } from '../testing/rows';
import { createGeneration, ensureProjection } from './catalog';

/** Events counted by type: version 1 counts them, version 2 also keeps the last position (a new column). */
function countingProjection(version: 1 | 2): Projection {
  const columns: TableSpec['columns'] =
    version === 1
      ? { type: 'text', events: 'bigint' }
      : { type: 'text', events: 'bigint', last_position: 'text' };
  return {
    name: 'event-types',
    version: version === 1 ? undefined : 2,
    tables: [{ name: 'event_types', key: ['type'], columns }],
    reads: (event) => (version === 1 ? [] : [{ table: 'event_types', key: { type: event.type } }]),
    project: (event, memory) => {
      if (version === 1)
        return [{ op: 'add', table: 'event_types', key: { type: event.type }, values: { events: 1 } }];
      const row = memory.get('event_types', { type: event.type });
      const events = Number(row?.events ?? 0) + 1;
      const last_position = event.position.globalPosition;
      return [{ op: 'put', table: 'event_types', row: { type: event.type, events, last_position } }];
    },
  };
}

const v1 = countingProjection(1);
const v2 = countingProjection(2);

async function viewColumns(db: SqlQueryable): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'pj_event_types' order by ordinal_position`,
  );
  return rows.map((row) => row.column_name);
}

async function activeGeneration(db: SqlQueryable): Promise<number> {
  const [row] = await db.query<{ generation: number }>(
    `select generation from pj_projections where name = 'event-types'`,
  );
  return Number(row.generation);
}

async function appendEvents(t: TestStore, stream: string, types: string[]): Promise<void> {
  await t.store.append([
    {
      streamId: stream,
      expectedVersion: 0,
      events: types.map((type, index) => ({ eventId: randomUUID(), type, data: { index } })),
    },
  ]);
}

onBothStores('read models of another version than the code', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await appendEvents(t, 'a', ['Opened.v1', 'Moved.v1', 'Moved.v1']);
    await new ProjectionHost(t.store, [v1]).catchUp();
  }, 60_000);
  afterEach(() => t?.close());

  const everything = () => t.store.readAll(START_OF_LOG, 10_000);

  it('replaces older tables with empty ones of the new shape, which the runner fills from the log', async () => {
    expect(await viewColumns(t.store.sql)).toEqual(['type', 'events']);
    const before = await activeGeneration(t.store.sql);
    await appendEvents(t, 'b', ['Moved.v1']);

    await new ProjectionHost(t.store, [v2]).catchUp();

    expect(await viewColumns(t.store.sql)).toEqual(['type', 'events', 'last_position']);
    expect(await activeGeneration(t.store.sql)).toBe(before + 1);
    expect(await rowsInSql(t.store.sql, v2)).toEqual(rowsReplayed(v2, await everything()));
    expect((await rowsInSql(t.store.sql, v2)).event_types).toContainEqual(
      expect.objectContaining({ type: 'Moved.v1', events: 3 }),
    );
    const leftovers = await t.store.sql.query(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_name = $1`,
      [`pj_event_types_g${before}`],
    );
    expect(leftovers).toEqual([]);
  });

  it('refuses tables newer than its code, and leaves them as they are', async () => {
    await new ProjectionHost(t.store, [v2]).catchUp();
    const generation = await activeGeneration(t.store.sql);
    const rows = await rowsInSql(t.store.sql, v2);

    await expect(ensureProjection(t.store.sql, v1)).rejects.toThrow(
      "the event-types read model is of version 2, newer than this code's 1",
    );
    await expect(new ProjectionHost(t.store, [v1]).catchUp()).rejects.toThrow(/newer than this code's/);

    expect(await activeGeneration(t.store.sql)).toBe(generation);
    expect(await rowsInSql(t.store.sql, v2)).toEqual(rows);
  });

  it('rebuilds a newer version while the older tables serve readers, then swaps the views', async () => {
    const generation = await activeGeneration(t.store.sql);
    const rows = await rowsInSql(t.store.sql, v1);
    // What the rebuild starts with: the older tables stay active, readers' views on them.
    await ensureProjection(t.store.sql, v2, { outdated: 'keep' });
    expect(await activeGeneration(t.store.sql)).toBe(generation);
    expect(await viewColumns(t.store.sql)).toEqual(['type', 'events']);
    expect(await rowsInSql(t.store.sql, v1)).toEqual(rows);

    const report = await rebuildProjection(t.store, v2, { batchSize: 1 });

    expect(report).toMatchObject({ fromGeneration: generation, toGeneration: generation + 1, events: 3 });
    expect(await viewColumns(t.store.sql)).toEqual(['type', 'events', 'last_position']);
    expect(await rowsInSql(t.store.sql, v2)).toEqual(rowsReplayed(v2, await everything()));
  });

  it('takes the generations of a catalog that predates versions for version 1', async () => {
    await t.store.sql.query(`alter table pj_checkpoints drop column version`);
    const generation = await activeGeneration(t.store.sql);
    const rows = await rowsInSql(t.store.sql, v1);

    await new ProjectionHost(t.store, [v1]).catchUp();

    expect(await activeGeneration(t.store.sql)).toBe(generation);
    expect(await rowsInSql(t.store.sql, v1)).toEqual(rows);
  });

  it('drops what a failed rebuild left behind when the next one starts', async () => {
    const generation = await activeGeneration(t.store.sql);
    const leftover = generation + 5;
    await t.store.sql.transaction((tx) => createGeneration(tx, v1, leftover));
    const tablesOf = (number: number) =>
      t.store.sql.query(
        `select table_name from information_schema.tables where table_schema = current_schema() and table_name = $1`,
        [`pj_event_types_g${number}`],
      );
    expect(await tablesOf(leftover)).toHaveLength(1);

    const report = await rebuildProjection(t.store, v1);

    expect(report).toMatchObject({ fromGeneration: generation, toGeneration: generation + 1 });
    expect(await tablesOf(leftover)).toEqual([]);
    const checkpoints = await t.store.sql.query<{ generation: number }>(
      `select generation from pj_checkpoints where name = 'event-types'`,
    );
    expect(checkpoints.map((row) => Number(row.generation))).toEqual([generation + 1]);
    expect(await rowsInSql(t.store.sql, v1)).toEqual(rowsReplayed(v1, await everything()));
  });
});
