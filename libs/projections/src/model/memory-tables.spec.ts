import { MemoryTables } from './memory-tables';
import { keyOf, type TableSpec } from './table';

const COUNTS: TableSpec = {
  name: 'counts',
  key: ['id'],
  columns: { id: 'text', label: 'text', seen: 'bigint', kept: 'bigint' },
};

describe('an overlay over SQL', () => {
  it('adds to a row it never loaded as an increment, not as a whole row', () => {
    const overlay = new MemoryTables([COUNTS], false);
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'a' }, values: { seen: 2 } });
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'a' }, values: { seen: 3, kept: 1 } });
    expect(overlay.takeWrites().get('counts')).toEqual([
      { kind: 'delta', key: { id: 'a' }, values: { seen: 5, kept: 1 } },
    ]);
  });

  it('keeps increments recorded before the row is loaded (a window spanning batches)', () => {
    const overlay = new MemoryTables([COUNTS], false);
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'a' }, values: { seen: 2 } });
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'b' }, values: { seen: 4 } });
    overlay.seed('counts', { id: 'a' }, { id: 'a', label: 'in SQL', seen: 10, kept: 7 });
    overlay.seed('counts', { id: 'b' }, undefined);
    expect(overlay.get('counts', { id: 'a' })).toEqual({ id: 'a', label: 'in SQL', seen: 12, kept: 7 });
    expect(overlay.get('counts', { id: 'b' })).toEqual({ id: 'b', label: null, seen: 4, kept: 0 });
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'a' }, values: { kept: 1 } });
    expect(overlay.takeWrites().get('counts')).toEqual([
      { kind: 'full', row: { id: 'a', label: 'in SQL', seen: 12, kept: 8 } },
      { kind: 'full', row: { id: 'b', label: null, seen: 4, kept: 0 } },
    ]);
  });

  it('takes rows SQL cannot hold as absent without loading them, and asks for the others', () => {
    const overlay = new MemoryTables([COUNTS], false, (table, id) => table === 'counts' && id !== 'old');
    expect(overlay.isKnown('counts', { id: 'new' })).toBe(true);
    expect(overlay.get('counts', { id: 'new' })).toBeUndefined();
    expect(overlay.isKnown('counts', { id: 'old' })).toBe(false);
    expect(() => overlay.get('counts', { id: 'old' })).toThrow(/without declaring it/);
    // Known absent, an increment starts the whole row from zero instead of adding in SQL.
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'new' }, values: { seen: 2 } });
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'old' }, values: { seen: 3 } });
    expect(overlay.rowCount()).toBe(2);
    expect(overlay.takeWrites().get('counts')).toEqual([
      { kind: 'full', row: { id: 'new', label: null, seen: 2, kept: 0 } },
      { kind: 'delta', key: { id: 'old' }, values: { seen: 3 } },
    ]);
  });

  it('counts the rows it holds: known ones and increments of unknown ones', () => {
    const overlay = new MemoryTables([COUNTS], false);
    overlay.seed('counts', { id: 'a' }, undefined);
    overlay.apply({ op: 'put', table: 'counts', row: { id: 'b', label: 'x' } });
    overlay.apply({ op: 'add', table: 'counts', key: { id: 'c' }, values: { seen: 1 } });
    expect(overlay.rowCount()).toBe(3);
  });
});

describe('keyOf', () => {
  const PAIRS: TableSpec = { name: 'pairs', key: ['a', 'b'], columns: { a: 'text', b: 'text' } };

  it('names different keys differently, whatever their text', () => {
    const ids = [
      keyOf(COUNTS, { id: 'x' }),
      keyOf(COUNTS, { id: '["x"]' }),
      keyOf(COUNTS, { id: '[' }),
      keyOf(COUNTS, { id: 'null' }),
      keyOf(PAIRS, { a: 'x', b: 'y' }),
      keyOf(PAIRS, { a: 'x', b: null }),
      keyOf(PAIRS, { a: 'x', b: 'null' }),
      keyOf(PAIRS, { a: 'x1', b: '2' }),
      keyOf(PAIRS, { a: 'x', b: '12' }),
      keyOf(PAIRS, { a: 'x', b: 12 }),
      keyOf(PAIRS, { a: 'x:1', b: '' }),
      keyOf(PAIRS, { a: 'x', b: ':1' }),
      keyOf(PAIRS, { a: '[s1:x', b: 'y' }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(keyOf(COUNTS, { id: '["x"]' })).toBe(keyOf(COUNTS, { id: '["x"]', label: 'ignored' }));
  });
});

describe('rows put whole', () => {
  it('are written with exactly the table columns: missing ones completed, others dropped', () => {
    const overlay = new MemoryTables([COUNTS], false);
    overlay.apply({ op: 'put', table: 'counts', row: { id: 'a', label: 'x', seen: 1, kept: 2 } });
    overlay.apply({ op: 'put', table: 'counts', row: { id: 'b', label: undefined, seen: 1, kept: 2 } });
    overlay.apply({
      op: 'put',
      table: 'counts',
      row: { id: 'c', label: 'y', seen: 1, kept: 2, stray: true },
    });
    expect(overlay.takeWrites().get('counts')).toEqual([
      { kind: 'full', row: { id: 'a', label: 'x', seen: 1, kept: 2 } },
      { kind: 'full', row: { id: 'b', label: null, seen: 1, kept: 2 } },
      { kind: 'full', row: { id: 'c', label: 'y', seen: 1, kept: 2 } },
    ]);
  });

  it('deleted, read as known and absent, and left out of the table', () => {
    const memory = new MemoryTables([COUNTS], true);
    memory.apply({ op: 'put', table: 'counts', row: { id: 'a', label: 'x', seen: 1, kept: 0 } });
    memory.apply({ op: 'put', table: 'counts', row: { id: 'b', label: 'y', seen: 2, kept: 0 } });
    memory.apply({ op: 'delete', table: 'counts', key: { id: 'a' } });
    expect(memory.get('counts', { id: 'a' })).toBeUndefined();
    expect(memory.all('counts')).toEqual([{ id: 'b', label: 'y', seen: 2, kept: 0 }]);

    const overlay = new MemoryTables([COUNTS], false);
    overlay.seed('counts', { id: 'a' }, { id: 'a', label: 'in SQL', seen: 1, kept: 0 });
    overlay.apply({ op: 'delete', table: 'counts', key: { id: 'a' } });
    expect(overlay.isKnown('counts', { id: 'a' })).toBe(true);
    expect(overlay.get('counts', { id: 'a' })).toBeUndefined();
    expect(() => overlay.get('counts', { id: 'z' })).toThrow(/without declaring it/);
  });
});

describe('columns set on a row', () => {
  it('change the row in place and leave one whole write, never the row it was seeded from', () => {
    const overlay = new MemoryTables([COUNTS], false);
    const inSql = { id: 'a', label: 'in SQL', seen: 1, kept: 0 };
    overlay.seed('counts', { id: 'a' }, inSql);
    overlay.apply({ op: 'set', table: 'counts', key: { id: 'a' }, values: { label: 'first' } });
    overlay.apply({ op: 'set', table: 'counts', key: { id: 'a' }, values: { label: 'second', kept: 4 } });
    expect(overlay.get('counts', { id: 'a' })).toEqual({ id: 'a', label: 'second', seen: 1, kept: 4 });
    expect(overlay.takeWrites().get('counts')).toEqual([
      { kind: 'full', row: { id: 'a', label: 'second', seen: 1, kept: 4 } },
    ]);
    expect(inSql).toEqual({ id: 'a', label: 'in SQL', seen: 1, kept: 0 });
  });

  it('are refused on a row the projection could not have found, or a column the table lacks', () => {
    const memory = new MemoryTables([COUNTS], true);
    memory.apply({ op: 'put', table: 'counts', row: { id: 'a', label: 'x', seen: 1, kept: 0 } });
    expect(() =>
      memory.apply({ op: 'set', table: 'counts', key: { id: 'b' }, values: { label: 'y' } }),
    ).toThrow(/counts \{"id":"b"\}, a row it did not find/);
    expect(() =>
      memory.apply({ op: 'set', table: 'counts', key: { id: 'a' }, values: { label: 'y', colour: 'red' } }),
    ).toThrow(/counts has no column colour/);
    expect(memory.all('counts')).toEqual([{ id: 'a', label: 'x', seen: 1, kept: 0 }]);
  });
});
