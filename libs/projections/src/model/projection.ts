import type { ProjectedEvent } from './projected-event';
import type { Change, Memory, RowRef, TableSpec } from './table';

/**
 * A projection is pure: `project` turns one event and the rows it declared in `reads` into row
 * changes. The runner (SQL, in one transaction with the checkpoint) and the in-memory replay
 * (time travel, tests) apply the very same changes.
 */
export interface Projection {
  readonly name: string;
  readonly tables: readonly TableSpec[];
  /**
   * The shape of its tables (1 when absent). Raise it with any change of their columns: tables of
   * an older version are replaced and refilled from the log, and a process whose code is older
   * than the tables refuses to touch them (see ensureProjection). Table names stay across versions.
   */
  readonly version?: number;
  /**
   * The rows `project` will read for this event. Called again once those are loaded, so that a row
   * can name further rows (a book lists its vouchers); rows written earlier in the batch need not be named.
   */
  reads(event: ProjectedEvent, memory: Memory): readonly RowRef[];
  project(event: ProjectedEvent, memory: Memory): readonly Change[];
}
