import type { GlobalPosition, SqlExecutor, SqlQueryable, StoredEvent } from '@pass/event-store';
import { MemoryTables, type RowWrite } from '../model/memory-tables';
import { comparePositions } from '../model/positions';
import { projected } from '../model/projected-event';
import type { Projection } from '../model/projection';
import { applyEvents, preloadReads } from '../model/replay';
import { keyOf, type Row, type RowRef } from '../model/table';
import { readCheckpoint, saveCheckpoint, type Checkpoint } from '../sql/catalog';
import { loadIntoOverlay } from '../sql/load-into-overlay';
import { writeRows } from '../sql/read-model-sql';
import { WrittenKeys } from './written-keys';

/**
 * 20,000 rows: a voucher-status row (history included) takes ~1 kB of heap, and two windows live at
 * once (one filling, one being written, with its JSON for PostgreSQL), so memory depends on this
 * number, never on the log's length: measured peak RSS of a voucher-status rebuild ~310-350 MB for
 * logs of 90,000 and 270,000 events, against ~165-190 MB writing every batch. Larger windows write
 * fewer rows twice (a row changed on both sides of a flush), a small gain once most are written once.
 */
export const DEFAULT_WINDOW_ROWS = 20_000;

/**
 * Transactions writing a window at once (see `write`). Two against one, seven alternations of the
 * voucher-status rebuild: five in favour, medians 38.7k -> 40.3k events/s, PostgreSQL 0.1-0.2 s more
 * CPU (weak evidence; what it shortens is the wait for the last window, Node idle); three gave
 * PostgreSQL more CPU and no more speed (scripts/bench/findings.md, thirteenth session).
 */
const WRITERS = 2;

/** A window whose writes are being committed while the next one fills. */
interface Flushing {
  readonly overlay: MemoryTables;
  /** Rows the flush increments without knowing their value: readable only once it has committed. */
  readonly increments: ReadonlySet<string>;
  readonly done: Promise<void>;
}

/**
 * A rebuild's write-behind window: one overlay kept across many batches, written to SQL (with the
 * checkpoint) only once it holds `maxRows` rows. A voucher issued, handed out and redeemed in
 * different batches is loaded once and written once instead of three times. The write runs while the
 * next window fills (Node projects while PostgreSQL writes); one window's write at a time.
 *
 * Safe only for a generation nobody else reads or writes (a rebuild's, before the swap): its tables
 * lag behind the work in memory, and a crash loses that work, which is fine since a crashed rebuild
 * starts again from scratch. A row the window does not hold is read from the window being written if
 * there, else it is as the last committed flush left it in SQL, unless it was never written (the
 * tables start empty): then it is absent, and no query is needed.
 */
export class WriteBehindWindow {
  private overlay: MemoryTables;
  private flushing: Flushing | undefined;
  /** Where the checkpoint stands once every flush started so far has committed. */
  private flushed: Checkpoint;
  private position: GlobalPosition | undefined;
  private eventsSinceFlush = 0;
  private readonly written = new WrittenKeys();
  private flushCount = 0;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly projection: Projection,
    from: Checkpoint,
    private readonly maxRows: number = DEFAULT_WINDOW_ROWS,
  ) {
    this.overlay = this.emptyOverlay();
    this.flushed = from;
  }

  /** Windows whose write has started so far, each moving the checkpoint. */
  get flushes(): number {
    return this.flushCount;
  }

  /** Projects `stored` (read after the previous batch) into the window; starts its flush once full. */
  async add(stored: readonly StoredEvent[]): Promise<void> {
    if (stored.length === 0) return;
    const events = stored.map(projected);
    const overlay = this.overlay;
    await preloadReads(this.projection, overlay, events, (refs) => this.load(overlay, refs));
    applyEvents(this.projection, overlay, events);
    this.position = events[events.length - 1].position;
    this.eventsSinceFlush += events.length;
    if (overlay.rowCount() >= this.maxRows) await this.startFlush();
  }

  /** Writes everything projected so far and waits for it: the checkpoint is then at the last event. */
  async flush(): Promise<void> {
    await this.startFlush();
    await this.flushing?.done;
  }

  private async load(overlay: MemoryTables, refs: readonly RowRef[]): Promise<void> {
    const flushing = this.flushing;
    const fromSql: RowRef[] = [];
    let afterFlush = false;
    // Rows never written are known absent already (see emptyOverlay): these may have been written.
    for (const { table, key } of refs) {
      const id = rowId(overlay, table, key);
      if (flushing?.overlay.isKnown(table, key)) overlay.seed(table, key, flushing.overlay.get(table, key));
      else {
        fromSql.push({ table, key });
        afterFlush ||= flushing?.increments.has(id) ?? false;
      }
    }
    if (afterFlush) await flushing?.done;
    if (fromSql.length > 0) await loadIntoOverlay(this.sql, overlay, this.flushed.generation)(fromSql);
  }

  private async startFlush(): Promise<void> {
    const position = this.position;
    if (!position || this.eventsSinceFlush === 0) return;
    await this.flushing?.done; // one write at a time: at most two windows in memory
    const overlay = this.overlay;
    const writes = overlay.takeWrites();
    const increments = new Set<string>();
    const fresh = new Set<RowWrite>();
    for (const [table, tableWrites] of writes)
      for (const write of tableWrites) {
        if (write.kind === 'delete') continue;
        const id = rowId(overlay, table, write.kind === 'full' ? write.row : write.key);
        if (!this.written.mayHave(id)) fresh.add(write);
        this.written.add(id);
        if (write.kind === 'delta') increments.add(id);
      }
    const done = this.write(writes, fresh, this.flushed, position, this.eventsSinceFlush);
    done.catch(() => undefined); // awaited by the next load, flush or rebuild's end
    this.flushing = { overlay, increments, done };
    this.flushCount++;
    this.flushed = { generation: this.flushed.generation, position };
    this.eventsSinceFlush = 0;
    this.overlay = this.emptyOverlay();
  }

  /**
   * `fresh`: the writes of rows never written before, which the (initially empty) tables cannot hold.
   * The rows go in `WRITERS` parts, each its own transaction on its own connection, all at once: one
   * PostgreSQL backend inserting a window is the rebuild's slowest link, and a window's rows are
   * distinct, so no part waits on another's locks. The first part checks and moves the checkpoint.
   * Parts commit separately; after a crash the tables may hold rows past the checkpoint, which
   * nobody reads: a rebuild never resumes, it drops what a crashed one left (see rebuild.ts).
   */
  private async write(
    writes: Map<string, RowWrite[]>,
    fresh: ReadonlySet<RowWrite>,
    from: Checkpoint,
    position: GlobalPosition,
    events: number,
  ): Promise<void> {
    const { name } = this.projection;
    const [first, ...others] = splitWrites(writes, WRITERS);
    const writePart = async (tx: SqlQueryable, part: Map<string, RowWrite[]>) => {
      for (const [table, tableWrites] of part)
        await writeRows(tx, this.overlay.spec(table), from.generation, tableWrites, fresh);
    };
    await Promise.all([
      this.sql.transaction(async (tx) => {
        const current = await readCheckpoint(tx, name, from.generation);
        if (!current || comparePositions(current.position, from.position) !== 0)
          throw new Error(`${name} generation ${from.generation} was written by someone else`);
        await writePart(tx, first);
        await saveCheckpoint(tx, name, from.generation, position, events);
      }),
      ...others.map((part) => this.sql.transaction((tx) => writePart(tx, part))),
    ]);
  }

  /** The tables start empty: a row this rebuild never wrote is absent, with no load and no seed. */
  private emptyOverlay(): MemoryTables {
    return new MemoryTables(
      this.projection.tables,
      false,
      (table, id) => !this.written.mayHave(writtenId(table, id)),
    );
  }
}

/**
 * `writes` in `parts` of about equal size (each table's writes cut into consecutive runs), the
 * first always there (it carries the checkpoint), the others only when they hold a write.
 */
function splitWrites(writes: Map<string, RowWrite[]>, parts: number): Map<string, RowWrite[]>[] {
  const split = Array.from({ length: parts }, () => new Map<string, RowWrite[]>());
  for (const [table, tableWrites] of writes) {
    const size = Math.ceil(tableWrites.length / parts);
    for (let part = 0; part * size < tableWrites.length; part++)
      split[part].set(table, tableWrites.slice(part * size, (part + 1) * size));
  }
  return split.filter((part, index) => index === 0 || part.size > 0);
}

/** A row's name in the filter of written rows: its table and key. */
const writtenId = (table: string, id: string): string => `${table} ${id}`;

const rowId = (overlay: MemoryTables, table: string, key: Row): string =>
  writtenId(table, keyOf(overlay.spec(table), key));
