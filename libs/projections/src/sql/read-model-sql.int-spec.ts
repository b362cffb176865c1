import { onBothStores } from '../../../../test/support/both-stores';
import type { RowWrite } from '../model/memory-tables';
import type { Row, TableSpec } from '../model/table';
import { openTestStore, type TestStore } from '../testing/stores';
import { createTableStatement, selectAll, tableName, writeRows } from './read-model-sql';

const NOTES: TableSpec = {
  name: 'rms_notes',
  key: ['note_id'],
  columns: { note_id: 'text', label: 'text', total: 'bigint', doc: 'jsonb', tags: 'jsonb' },
};

const full = (row: Row): RowWrite => ({ kind: 'full', row });
const delta = (key: Row, values: Record<string, number>): RowWrite => ({ kind: 'delta', key, values });

onBothStores('read-model rows written whole', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
    await t.store.sql.query(createTableStatement(NOTES, 1));
  });
  afterAll(() => t.close());

  const write = (writes: RowWrite[]) => t.store.sql.transaction((tx) => writeRows(tx, NOTES, 1, writes));
  const stored = async () =>
    (await selectAll(t.store.sql, NOTES, tableName(NOTES, 1))).sort((a, b) =>
      String(a.note_id).localeCompare(String(b.note_id)),
    );

  it('come back as they went, NULLs and JSON values alike', async () => {
    const rows: Row[] = [
      {
        note_id: 'a',
        label: 'tab\there, "quotes", \\ and é',
        total: 2 ** 40,
        doc: { nested: [1, { deeper: null }], text: 'null' },
        tags: ['x'],
      },
      { note_id: 'b', label: null, total: 0, doc: null, tags: [] },
      { note_id: 'c', label: '', total: -5, doc: 'null', tags: null },
    ];
    await write(rows.map(full));
    expect(await stored()).toEqual(rows);
    // JSON's null is SQL's NULL (what queries test with IS NULL), not a jsonb 'null' value.
    const nulls = await t.store.sql.query<{ note_id: string }>(
      `select note_id from ${tableName(NOTES, 1)} where doc is null or tags is null order by note_id`,
    );
    expect(nulls.map((row) => row.note_id)).toEqual(['b', 'c']);
  });

  it('replace the row of the same key', async () => {
    await write([full({ note_id: 'b', label: 'now', total: 7, doc: { v: 2 }, tags: ['y'] })]);
    const rows = await stored();
    expect(rows.find((row) => row.note_id === 'b')).toEqual({
      note_id: 'b',
      label: 'now',
      total: 7,
      doc: { v: 2 },
      tags: ['y'],
    });
    expect(rows).toHaveLength(3);
  });

  it('add increments to the row of their key, or start one from zero', async () => {
    await write([delta({ note_id: 'a' }, { total: 3 }), delta({ note_id: 'd' }, { total: 4 })]);
    await write([delta({ note_id: 'd' }, { total: -1 })]);
    const rows = await stored();
    expect(rows.find((row) => row.note_id === 'a')?.total).toBe(2 ** 40 + 3);
    expect(rows.find((row) => row.note_id === 'd')).toEqual({
      note_id: 'd',
      label: null,
      total: 3,
      doc: null,
      tags: null,
    });
  });

  it('insert the writes named fresh beside upserts of the others, in one call', async () => {
    const newRow = full({ note_id: 'e', label: 'new', total: 1, doc: null, tags: null });
    const newCount = delta({ note_id: 'f' }, { total: 9 });
    const again = full({ note_id: 'a', label: 'again', total: 1, doc: null, tags: null });
    const more = delta({ note_id: 'd' }, { total: 2 });
    await t.store.sql.transaction((tx) =>
      writeRows(tx, NOTES, 1, [newRow, again, newCount, more], new Set([newRow, newCount])),
    );
    const rows = await stored();
    expect(rows.map((row) => [row.note_id, row.label, row.total])).toEqual([
      ['a', 'again', 1],
      ['b', 'now', 7],
      ['c', '', -5],
      ['d', null, 5],
      ['e', 'new', 1],
      ['f', null, 9],
    ]);
  });

  it('refuse a fresh write of a row the table holds: it is an insert, not an upsert', async () => {
    const existing = full({ note_id: 'a', label: 'twice', total: 0, doc: null, tags: null });
    await expect(
      t.store.sql.transaction((tx) => writeRows(tx, NOTES, 1, [existing], new Set([existing]))),
    ).rejects.toThrow(/duplicate key/);
    expect((await stored()).find((row) => row.note_id === 'a')?.label).toBe('again');
  });
});
