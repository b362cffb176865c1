import type { SqlQueryable, StoredEvent } from '@pass/event-store';
import { projected } from '../model/projected-event';
import type { Projection } from '../model/projection';
import { replay } from '../model/replay';
import { keyOf, type Row, type TableSpec } from '../model/table';
import { selectAll, viewName } from '../sql/read-model-sql';

const byKey = (spec: TableSpec, rows: Row[]) =>
  [...rows].sort((a, b) => (keyOf(spec, a) < keyOf(spec, b) ? -1 : 1));

/** A projection's rows as readers see them (its views), table by table, in key order. */
export async function rowsInSql(db: SqlQueryable, projection: Projection): Promise<Record<string, Row[]>> {
  const tables: Record<string, Row[]> = {};
  for (const spec of projection.tables)
    tables[spec.name] = byKey(spec, await selectAll(db, spec, viewName(spec)));
  return tables;
}

/** The rows an in-memory replay of `events` gives, in the same form as rowsInSql. */
export function rowsReplayed(projection: Projection, events: readonly StoredEvent[]): Record<string, Row[]> {
  const memory = replay(projection, events.map(projected));
  return Object.fromEntries(projection.tables.map((spec) => [spec.name, byKey(spec, memory.all(spec.name))]));
}
