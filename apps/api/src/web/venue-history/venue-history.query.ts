import { Injectable } from '@nestjs/common';
import type { Actor } from '@pass/domain';
import { PROGRAMME_SUMMARY, VOUCHER_STATUS, viewName } from '@pass/projections';
import { ReadModelsService } from '../../projections/read-models.service';

const MAX_REDEMPTIONS = 5000;

/** A venue's redemptions, newest first, from the voucher-status read model. */
@Injectable()
export class VenueHistoryQuery {
  constructor(private readonly readModels: ReadModelsService) {}

  async redemptions(actor: Actor) {
    await this.readModels.fresh('voucher-status', 'programme-summary');
    const rows = await this.readModels.sql.query<Record<string, unknown>>(
      `select v.voucher_id, v.programme_id, p.name as programme_name, entry->>'redemptionId' as redemption_id,
         (entry->>'amountCents')::bigint::text as amount_cents, entry->>'scannedAt' as scanned_at
       from ${viewName(VOUCHER_STATUS)} v
       cross join lateral jsonb_array_elements(v.history) entry
       left join ${viewName(PROGRAMME_SUMMARY)} p on p.programme_id = v.programme_id
       where v.venue_id = $1 and v.status = 'redeemed' and entry->>'event' = 'redeemed'
       order by entry->>'scannedAt' desc, v.voucher_id limit ${MAX_REDEMPTIONS}`,
      [actor.org],
    );
    return {
      redemptions: rows.map((row) => ({
        redemptionId: String(row.redemption_id),
        voucherId: String(row.voucher_id),
        programmeId: String(row.programme_id),
        programmeName: row.programme_name === null ? null : String(row.programme_name),
        amountCents: Number(row.amount_cents),
        scannedAt: String(row.scanned_at),
      })),
    };
  }
}
