import type { SqlQueryable } from '@pass/event-store';
import type { Row } from '../model/table';
import { PROGRAMME_SUMMARY } from '../projections/programme-summary.projection';
import { fromSql, viewName } from '../sql/read-model-sql';
import { projectionTables } from './projection-tables';

export async function selectProgrammeSummary(
  db: SqlQueryable,
  programmeId: string,
): Promise<Row | undefined> {
  const spec = projectionTables(PROGRAMME_SUMMARY);
  const [row] = await db.query<Row>(`select * from ${viewName(spec)} where programme_id = $1`, [programmeId]);
  return row && fromSql(spec, row);
}

/** The programmes a payer funds (lead or co-funder); all of them for undefined. */
export async function selectProgrammeIds(db: SqlQueryable, funderId?: string): Promise<string[]> {
  const view = viewName(PROGRAMME_SUMMARY);
  const rows =
    funderId === undefined
      ? await db.query<{ programme_id: string }>(`select programme_id from ${view}`)
      : await db.query<{ programme_id: string }>(`select programme_id from ${view} where funder_ids ? $1`, [
          funderId,
        ]);
  return rows.map((row) => row.programme_id).sort();
}

export function isFunderRow(row: Row, payerId: string): boolean {
  return (row.funder_ids as string[] | null)?.includes(payerId) ?? false;
}

/** The answer of GET /v1/programmes/:id. Redemption rate: vouchers redeemed over vouchers distributed. */
export function programmeSummaryView(row: Row) {
  const n = (column: string) => Number(row[column] ?? 0);
  return {
    programmeId: String(row.programme_id),
    payerId: row.payer_id,
    name: row.name,
    territory: row.territory,
    faceValueCents: n('face_value_cents'),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    coFunders: row.co_funders,
    budgetCents: n('budget_cents'),
    committedCents: n('committed_cents'),
    remainingCents: n('budget_cents') - n('committed_cents'),
    issuedCents: n('issued_cents'),
    distributedCents: n('distributed_cents'),
    redeemedCents: n('redeemed_cents'),
    reimbursedCents: n('reimbursed_cents'),
    books: n('books'),
    vouchersIssued: n('vouchers_issued'),
    vouchersDistributed: n('vouchers_distributed'),
    vouchersRedeemed: n('vouchers_redeemed'),
    vouchersVoided: n('vouchers_voided'),
    redemptions: n('redemptions'),
    redemptionRate:
      n('vouchers_distributed') === 0
        ? null
        : Math.round((n('vouchers_redeemed') / n('vouchers_distributed')) * 10_000) / 10_000,
  };
}
