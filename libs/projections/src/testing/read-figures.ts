import type { SqlQueryable } from '@pass/event-store';
import type { Row, TableSpec } from '../model/table';
import { voucherHistory } from '../projections/voucher-status.projection';
import { projectionTables } from '../queries/projection-tables';
import { selectAll, viewName } from '../sql/read-model-sql';
import { normalise, type Figures } from './recount';

const COUNTERS_OF = (spec: TableSpec, except: string[] = []) =>
  Object.entries(spec.columns)
    .filter(([column, type]) => type === 'bigint' && !spec.key.includes(column) && !except.includes(column))
    .map(([column]) => column);

/** The read models' figures in the recount's shape, from the views (or from given rows, e.g. a replay). */
export async function readFigures(db: SqlQueryable): Promise<Figures> {
  const rows = async (name: string) => selectAll(db, projectionTables(name), viewName(name));
  return figuresFrom({
    territory_spend: await rows('territory_spend'),
    programme_summary: await rows('programme_summary'),
    venue_activity: await rows('venue_activity'),
    voucher_status: await rows('voucher_status'),
  });
}

export function figuresFrom(tables: Record<string, Row[]>): Figures {
  const figures: Figures = { territory: {}, programmes: {}, venues: {}, vouchers: {} };
  const pick = (row: Row, columns: string[]) => Object.fromEntries(columns.map((c) => [c, Number(row[c])]));
  const spend = projectionTables('territory_spend');
  for (const row of tables.territory_spend ?? [])
    figures.territory[`${row.programme_id}|${row.level}|${row.code}|${row.day}`] = pick(
      row,
      COUNTERS_OF(spend),
    );
  const summary = projectionTables('programme_summary');
  for (const row of tables.programme_summary ?? [])
    figures.programmes[String(row.programme_id)] = pick(row, COUNTERS_OF(summary, ['face_value_cents']));
  const activity = projectionTables('venue_activity');
  for (const row of tables.venue_activity ?? [])
    figures.venues[`${row.venue_id}|${row.day}`] = pick(row, COUNTERS_OF(activity));
  for (const row of tables.voucher_status ?? [])
    figures.vouchers[String(row.voucher_id)] = `${row.status}:${voucherHistory(row)
      .map((entry) => entry.event)
      .join(',')}`;
  return normalise(figures);
}
