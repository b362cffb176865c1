import type { SqlQueryable } from '@pass/event-store';
import type { Row } from '../model/table';
import { fromSql, viewName } from '../sql/read-model-sql';
import { SPEND_COUNTERS, TERRITORY_SPEND } from '../projections/territory-spend.projection';
import { projectionTables } from './projection-tables';
import type { InseeLookup } from '../territories/insee-lookup';

export type TerritoryLevel = 'departement' | 'commune';

export interface SpendFigures {
  issuedCents: number;
  distributedCents: number;
  redeemedCents: number;
  reimbursedCents: number;
  redemptions: number;
  vouchersIssued: number;
  vouchersDistributed: number;
  vouchersRedeemed: number;
}

export interface TerritoryFigures extends SpendFigures {
  readonly programmeId: string;
  /** INSEE code; null: not located at this level (a programme spanning several territories). */
  readonly code: string | null;
  readonly name: string | null;
  /** At commune level, the commune's département. */
  readonly departement?: string | null;
}

export interface SpendFilter {
  /** undefined: every programme (admin). */
  readonly programmeIds?: readonly string[];
  readonly level: TerritoryLevel;
  /** Paris calendar days, inclusive (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
}

const FIELDS: Record<(typeof SPEND_COUNTERS)[number], keyof SpendFigures> = {
  issued_cents: 'issuedCents',
  distributed_cents: 'distributedCents',
  redeemed_cents: 'redeemedCents',
  reimbursed_cents: 'reimbursedCents',
  redemptions: 'redemptions',
  vouchers_issued: 'vouchersIssued',
  vouchers_distributed: 'vouchersDistributed',
  vouchers_redeemed: 'vouchersRedeemed',
};

export function zeroFigures(): SpendFigures {
  return Object.fromEntries(Object.values(FIELDS).map((field) => [field, 0])) as unknown as SpendFigures;
}

export function matchesFilter(row: Row, filter: SpendFilter): boolean {
  const day = String(row.day);
  return (
    row.level === filter.level &&
    (filter.programmeIds === undefined || filter.programmeIds.includes(String(row.programme_id))) &&
    (filter.from === undefined || day >= filter.from) &&
    (filter.to === undefined || day <= filter.to)
  );
}

/** Sums day rows into one line per programme × territory, sorted by programme then code. */
export function sumByTerritory(
  rows: readonly Row[],
  filter: SpendFilter,
  insee: InseeLookup,
): TerritoryFigures[] {
  const sums = new Map<string, { programmeId: string; code: string; figures: SpendFigures }>();
  for (const row of rows) {
    if (!matchesFilter(row, filter)) continue;
    const key = JSON.stringify([row.programme_id, row.code]);
    let sum = sums.get(key);
    if (!sum)
      sums.set(
        key,
        (sum = { programmeId: String(row.programme_id), code: String(row.code), figures: zeroFigures() }),
      );
    for (const [column, field] of Object.entries(FIELDS)) sum.figures[field] += Number(row[column] ?? 0);
  }
  return [...sums.values()]
    .sort((a, b) => a.programmeId.localeCompare(b.programmeId) || a.code.localeCompare(b.code))
    .map(({ programmeId, code, figures }) => ({
      programmeId,
      ...named(code, filter.level, insee),
      ...figures,
    }));
}

export function totalOf(lines: readonly SpendFigures[]): SpendFigures {
  const total = zeroFigures();
  for (const line of lines) for (const field of Object.values(FIELDS)) total[field] += line[field];
  return total;
}

function named(code: string, level: TerritoryLevel, insee: InseeLookup) {
  if (code === '')
    return level === 'commune' ? { code: null, name: null, departement: null } : { code: null, name: null };
  if (level === 'departement') return { code, name: insee.departementName(code) ?? null };
  const commune = insee.commune(code);
  return { code, name: commune?.name ?? null, departement: commune?.departement ?? null };
}

/** The day rows matching `filter`, from the active generation (the view). */
export async function selectSpendRows(db: SqlQueryable, filter: SpendFilter): Promise<Row[]> {
  const conditions = ['level = $1'];
  const params: unknown[] = [filter.level];
  if (filter.programmeIds !== undefined) {
    params.push(JSON.stringify(filter.programmeIds));
    conditions.push(`programme_id in (select jsonb_array_elements_text($${params.length}::jsonb))`);
  }
  if (filter.from !== undefined) {
    params.push(filter.from);
    conditions.push(`day >= $${params.length}`);
  }
  if (filter.to !== undefined) {
    params.push(filter.to);
    conditions.push(`day <= $${params.length}`);
  }
  const spec = projectionTables(TERRITORY_SPEND);
  const rows = await db.query<Row>(
    `select * from ${viewName(spec)} where ${conditions.join(' and ')}`,
    params,
  );
  return rows.map((row) => fromSql(spec, row));
}
