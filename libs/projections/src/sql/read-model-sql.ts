import { prepared, type SqlQueryable } from '@pass/event-store';
import type { RowWrite } from '../model/memory-tables';
import { counterColumns, type ColumnType, type Row, type RowRef, type TableSpec } from '../model/table';

/**
 * Read-model tables are `pj_<name>_g<generation>`; readers go through the view `pj_<name>`, which a
 * rebuild repoints at the next generation (blue/green). Names come from code, never from requests.
 */
export function tableName(spec: TableSpec | string, generation: number): string {
  return `pj_${typeof spec === 'string' ? spec : spec.name}_g${generation}`;
}

export function viewName(spec: TableSpec | string): string {
  return `pj_${typeof spec === 'string' ? spec : spec.name}`;
}

export function createTableStatement(spec: TableSpec, generation: number): string {
  const columns = Object.entries(spec.columns).map(
    ([column, type]) => `${column} ${type}${spec.key.includes(column) ? ' not null' : ''}`,
  );
  return `create table if not exists ${tableName(spec, generation)} (
    ${columns.join(',\n    ')},
    primary key (${spec.key.join(', ')})
  )`;
}

export function createViewStatement(spec: TableSpec, generation: number): string {
  return `create view ${viewName(spec)} as select * from ${tableName(spec, generation)}`;
}

const recordset = (spec: TableSpec, columns: readonly string[]) =>
  `jsonb_to_recordset($1::jsonb) as x(${columns.map((c) => `${c} ${spec.columns[c]}`).join(', ')})`;

/**
 * Rows to write go as a JSON array of arrays, each holding `columns`' values in order: PostgreSQL
 * turns that into rows with ~18-21 % less CPU than the same rows as objects, whose keys it sorts and
 * looks up row by row (scripts/bench/findings.md). A JSON null is SQL's NULL, as in a recordset.
 */
function arrayRows(spec: TableSpec, columns: readonly string[], rows: readonly Row[]) {
  const values = columns.map((column, index) =>
    spec.columns[column] === 'jsonb'
      ? `nullif(r.v -> ${index}, 'null'::jsonb)`
      : spec.columns[column] === 'bigint'
        ? `(r.v ->> ${index})::bigint`
        : `r.v ->> ${index}`,
  );
  return {
    /** Each column's value in the statement, by name. */
    value: (column: string) => values[columns.indexOf(column)],
    from: 'jsonb_array_elements($1::jsonb) as r(v)',
    json: JSON.stringify(rows.map((row) => columns.map((column) => row[column] ?? null))),
  };
}

const keyMatch = (spec: TableSpec, alias: string) =>
  spec.key.map((column) => `${alias}.${column} = x.${column}`).join(' and ');

/** Loads the named rows of one table into `seed` (absent ones as undefined). */
export async function loadRows(
  tx: SqlQueryable,
  spec: TableSpec,
  generation: number,
  refs: readonly RowRef[],
  seed: (key: Row, row: Row | undefined) => void,
): Promise<void> {
  const keys = refs.map((ref) => ref.key);
  // A generation's table keeps its columns for life, so `t.*` cannot change under the prepared statement.
  const rows = await tx.query<Row>(
    prepared(
      `select t.* from ${tableName(spec, generation)} t join ${recordset(spec, spec.key)} on ${keyMatch(spec, 't')}`,
    ),
    [JSON.stringify(keys)],
  );
  const found = new Map(rows.map((row) => [JSON.stringify(spec.key.map((c) => row[c])), fromSql(spec, row)]));
  for (const key of keys) seed(key, found.get(JSON.stringify(spec.key.map((c) => key[c]))));
}

/**
 * One statement per kind of write: whole rows, counter increments, deletions. Writes in `fresh`
 * are of rows the table is known not to hold (a rebuild's rows never written before): they are
 * plain inserts, cheaper for PostgreSQL than an upsert's speculative insertion (a voucher-status
 * rebuild's PostgreSQL CPU fell by a third: scripts/bench/findings.md).
 */
export async function writeRows(
  tx: SqlQueryable,
  spec: TableSpec,
  generation: number,
  writes: readonly RowWrite[],
  fresh: ReadonlySet<RowWrite> = NONE,
): Promise<void> {
  const table = tableName(spec, generation);
  const deletes: Row[] = [];
  const fulls = { fresh: [] as Row[], held: [] as Row[] };
  const deltas = { fresh: [] as Row[], held: [] as Row[] };
  for (const write of writes) {
    const side = fresh.has(write) ? 'fresh' : 'held';
    if (write.kind === 'delete') deletes.push(write.key);
    else if (write.kind === 'full') fulls[side].push(write.row);
    else deltas[side].push({ ...write.values, ...write.key });
  }
  if (deletes.length > 0)
    await tx.query(
      prepared(`delete from ${table} t using ${recordset(spec, spec.key)} where ${keyMatch(spec, 't')}`),
      [JSON.stringify(deletes)],
    );
  const columns = Object.keys(spec.columns);
  const replaced = columns.filter((column) => !spec.key.includes(column)).map((c) => `${c} = excluded.${c}`);
  const counters = counterColumns(spec);
  const added = counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`);
  const zeroIfNull = (value: string, column: string) =>
    counters.includes(column) ? `coalesce(${value}, 0)` : value;
  const deltaColumns = [...spec.key, ...counters];
  for (const side of ['fresh', 'held'] as const) {
    const upsert = side === 'held';
    if (fulls[side].length > 0)
      await insertRows(tx, spec, table, columns, fulls[side], upsert ? replaced : undefined);
    if (deltas[side].length > 0)
      await insertRows(tx, spec, table, deltaColumns, deltas[side], upsert ? added : undefined, zeroIfNull);
  }
}

const NONE: ReadonlySet<RowWrite> = new Set();

/** `insert ... select` of `rows`; `onConflict`: the updates of a row the table holds (none: plain insert). */
async function insertRows(
  tx: SqlQueryable,
  spec: TableSpec,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  onConflict: readonly string[] | undefined,
  select: (value: string, column: string) => string = (value) => value,
): Promise<void> {
  const arrays = arrayRows(spec, columns, rows);
  const upsert = onConflict
    ? `on conflict (${spec.key.join(', ')}) do update set ${onConflict.join(', ')}`
    : '';
  await tx.query(
    prepared(`insert into ${table} (${columns.join(', ')})
       select ${columns.map((column) => select(arrays.value(column), column)).join(', ')} from ${arrays.from} ${upsert}`),
    [arrays.json],
  );
}

/** Every row of a table (or view), typed back: bigint columns arrive as strings or BigInts. */
export async function selectAll(db: SqlQueryable, spec: TableSpec, from: string): Promise<Row[]> {
  return (await db.query<Row>(`select * from ${from}`)).map((row) => fromSql(spec, row));
}

export function fromSql(spec: TableSpec, row: Row): Row {
  const typed: Row = {};
  for (const [column, type] of Object.entries(spec.columns)) typed[column] = convert(type, row[column]);
  return typed;
}

function convert(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return type === 'bigint' ? Number(value) : value;
}
