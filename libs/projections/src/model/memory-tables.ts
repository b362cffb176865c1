import {
  completeRow,
  isCompleteRow,
  keyOf,
  type Change,
  type Memory,
  type Row,
  type TableSpec,
} from './table';

/** A pending write of one row, as the SQL side will perform it. */
export type RowWrite =
  | { readonly kind: 'full'; readonly row: Row }
  | { readonly kind: 'delete'; readonly key: Row }
  | { readonly kind: 'delta'; readonly key: Row; readonly values: Record<string, number> };

/**
 * Read-model rows in memory. Two uses:
 * - `complete` (replay, tests): every row is here, an absent row is an absent row;
 * - an overlay over SQL for one batch (live runner) or many (a rebuild's write-behind window): only
 *   the rows loaded (or written whole since) are known; reading another one is a bug in a
 *   projection's `reads`, and throws.
 * Every change is also recorded as the write to perform (`writes`), counters merged.
 */
export class MemoryTables implements Memory {
  private readonly specs = new Map<string, TableSpec>();
  /** The known rows by table and key: a key held with `undefined` is known absent (loaded so, or deleted). */
  private readonly rows = new Map<string, Map<string, Row | undefined>>();
  private readonly pending = new Map<string, Map<string, RowWrite>>();

  /**
   * @param neverWritten for an overlay: tells rows SQL cannot hold (a rebuild's rows never written to
   *   its initially empty tables), which are then known absent without being loaded or seeded.
   */
  constructor(
    specs: readonly TableSpec[],
    private readonly complete: boolean,
    private readonly neverWritten?: (table: string, id: string) => boolean,
  ) {
    for (const spec of specs) {
      this.specs.set(spec.name, spec);
      this.rows.set(spec.name, new Map());
      this.pending.set(spec.name, new Map());
    }
  }

  spec(table: string): TableSpec {
    const spec = this.specs.get(table);
    if (!spec) throw new Error(`unknown read-model table ${table}`);
    return spec;
  }

  /**
   * A row as loaded from SQL (`undefined`: loaded and absent). An increment recorded before the load
   * (possible when the overlay spans several batches, as a rebuild's window does) is not in SQL yet:
   * it is added to the loaded row, which is then written whole.
   */
  seed(table: string, key: Row, row: Row | undefined): void {
    const spec = this.spec(table);
    const id = keyOf(spec, key);
    const rows = this.rows.get(table)!;
    const pending = this.pending.get(table)!;
    const unloadedDelta = pending.get(id);
    if (unloadedDelta?.kind === 'delta') {
      const merged = completeRow(spec, row ?? key);
      for (const [column, delta] of Object.entries(unloadedDelta.values))
        merged[column] = Number(merged[column] ?? 0) + delta;
      rows.set(id, merged);
      pending.set(id, { kind: 'full', row: merged });
      return;
    }
    if (row) rows.set(id, completeRow(spec, row));
    else if (!rows.has(id)) rows.set(id, undefined);
  }

  /** How many rows this holds (known ones, and increments of rows not loaded): what bounds its memory. */
  rowCount(): number {
    let count = 0;
    for (const rows of this.rows.values()) count += rows.size;
    for (const pending of this.pending.values())
      for (const write of pending.values()) if (write.kind === 'delta') count++;
    return count;
  }

  isKnown(table: string, key: Row): boolean {
    return this.complete || this.holds(table, keyOf(this.spec(table), key));
  }

  get(table: string, key: Row): Row | undefined {
    const id = keyOf(this.spec(table), key);
    const row = this.rows.get(table)!.get(id);
    if (row === undefined && !this.complete && !this.holds(table, id))
      throw new Error(`projection read ${table} ${JSON.stringify(key)} without declaring it`);
    return row;
  }

  /** Whether the row of `id` is known, present or absent. */
  private holds(table: string, id: string): boolean {
    return this.rows.get(table)!.has(id) || (this.neverWritten?.(table, id) ?? false);
  }

  all(table: string): Row[] {
    return [...this.rows.get(table)!.values()].filter((row): row is Row => row !== undefined);
  }

  apply(change: Change): void {
    const spec = this.spec(change.table);
    const rows = this.rows.get(change.table)!;
    const pending = this.pending.get(change.table)!;
    if (change.op === 'put') {
      const id = keyOf(spec, change.row);
      // Kept as given when complete: a projection builds each row it puts and keeps no reference
      // to it (project is pure), so the increments that later change the stored row touch no other.
      const row = isCompleteRow(spec, change.row) ? change.row : completeRow(spec, change.row);
      rows.set(id, row);
      pending.set(id, { kind: 'full', row });
      return;
    }
    const id = keyOf(spec, change.key);
    if (change.op === 'set') {
      const row = rows.get(id);
      if (!row)
        throw new Error(
          `projection set columns of ${change.table} ${JSON.stringify(change.key)}, a row it did not find`,
        );
      for (const column in change.values)
        if (!(column in spec.columns)) throw new Error(`${change.table} has no column ${column}`);
      for (const column in change.values) row[column] = change.values[column];
      this.keepWrite(pending, id, row);
      return;
    }
    if (change.op === 'delete') {
      rows.set(id, undefined);
      pending.set(id, { kind: 'delete', key: change.key });
      return;
    }
    if (this.complete || this.holds(change.table, id)) {
      let row = rows.get(id);
      if (!row) rows.set(id, (row = completeRow(spec, change.key)));
      for (const column in change.values) row[column] = Number(row[column] ?? 0) + change.values[column];
      this.keepWrite(pending, id, row);
      return;
    }
    // Not loaded: only the increment is known, and the SQL side adds it to whatever is there. The
    // increments are summed in the pending write's own object: nothing else holds it until takeWrites.
    const previous = pending.get(id);
    const values: Record<string, number> = previous?.kind === 'delta' ? previous.values : {};
    for (const column in change.values) values[column] = (values[column] ?? 0) + change.values[column];
    if (previous?.kind !== 'delta') pending.set(id, { kind: 'delta', key: change.key, values });
  }

  /** A row changed again and again in place keeps its one pending write. */
  private keepWrite(pending: Map<string, RowWrite>, id: string, row: Row): void {
    const write = pending.get(id);
    if (write?.kind !== 'full' || write.row !== row) pending.set(id, { kind: 'full', row });
  }

  /** The writes accumulated since the last call, by table. */
  takeWrites(): Map<string, RowWrite[]> {
    const writes = new Map<string, RowWrite[]>();
    for (const [table, pending] of this.pending) {
      if (pending.size > 0) writes.set(table, [...pending.values()]);
      this.pending.set(table, new Map());
    }
    return writes;
  }
}
