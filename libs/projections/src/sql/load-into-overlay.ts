import type { SqlQueryable } from '@pass/event-store';
import type { MemoryTables } from '../model/memory-tables';
import type { RowRef } from '../model/table';
import { loadRows } from './read-model-sql';

/** The `load` of preloadReads: fetches the named rows of `generation` (one query per table) into `overlay`. */
export function loadIntoOverlay(
  db: SqlQueryable,
  overlay: MemoryTables,
  generation: number,
): (refs: RowRef[]) => Promise<void> {
  return async (refs) => {
    for (const [table, tableRefs] of groupByTable(refs))
      await loadRows(db, overlay.spec(table), generation, tableRefs, (key, row) =>
        overlay.seed(table, key, row),
      );
  };
}

function groupByTable(refs: readonly RowRef[]): Map<string, RowRef[]> {
  const groups = new Map<string, RowRef[]>();
  for (const ref of refs) groups.set(ref.table, [...(groups.get(ref.table) ?? []), ref]);
  return groups;
}
