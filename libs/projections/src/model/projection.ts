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
   * The rows `project` will read for this event. Called again once those are loaded, so that a row
   * can name further rows (a book lists its vouchers); rows written earlier in the batch need not be named.
   */
  reads(event: ProjectedEvent, memory: Memory): readonly RowRef[];
  project(event: ProjectedEvent, memory: Memory): readonly Change[];
}
