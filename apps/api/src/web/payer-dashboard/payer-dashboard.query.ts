import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@pass/event-store';
import { streams, type Actor } from '@pass/domain';
import {
  programmeSummaryView,
  selectProgrammeIds,
  selectProgrammeSummary,
  VOUCHER_STATUS,
  viewName,
} from '@pass/projections';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ReadModelsService } from '../../projections/read-models.service';

const MAX_BOOKS = 1000;

/**
 * The dashboard's lists that no other endpoint answers, read from the projections' read models:
 * a payer's programmes, a programme's books (to print), the venues that redeemed its vouchers.
 */
@Injectable()
export class PayerDashboardQueries {
  constructor(
    private readonly readModels: ReadModelsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async programmes(actor: Actor) {
    await this.readModels.fresh('programme-summary');
    const ids = await selectProgrammeIds(this.readModels.sql, actor.org);
    const rows = await Promise.all(ids.map((id) => selectProgrammeSummary(this.readModels.sql, id)));
    const programmes = rows.flatMap((row) =>
      row ? [{ ...programmeSummaryView(row), lead: row.payer_id === actor.org }] : [],
    );
    return { programmes: programmes.sort((a, b) => String(a.name).localeCompare(String(b.name), 'fr')) };
  }

  /** Empty for a programme the payer does not fund: like elsewhere, others' ids do not exist. */
  async books(actor: Actor, programmeId: string) {
    await this.readModels.fresh('voucher-status');
    const rows = await this.readModels.sql.query<Record<string, unknown>>(
      `select book_id, count(*)::int as vouchers,
         count(*) filter (where status = 'distributed')::int as distributed,
         count(*) filter (where status = 'redeemed')::int as redeemed,
         count(*) filter (where status = 'void')::int as voided
       from ${viewName(VOUCHER_STATUS)}
       where programme_id = $1 and funder_ids ? $2
       group by book_id order by book_id limit ${MAX_BOOKS}`,
      [programmeId, actor.org],
    );
    return {
      books: rows.map((row) => ({
        bookId: String(row.book_id),
        vouchers: Number(row.vouchers),
        distributed: Number(row.distributed),
        redeemed: Number(row.redeemed),
        voided: Number(row.voided),
      })),
    };
  }

  async venues(actor: Actor) {
    await this.readModels.fresh('voucher-status');
    const rows = await this.readModels.sql.query<Record<string, unknown>>(
      `select venue_id, count(*)::int as redemptions, coalesce(sum(redeemed_cents), 0)::text as amount_cents
       from ${viewName(VOUCHER_STATUS)}
       where status = 'redeemed' and funder_ids ? $1
       group by venue_id order by venue_id`,
      [actor.org],
    );
    const venueIds = rows.map((row) => String(row.venue_id));
    const venueStreams = await this.store.readStreams(venueIds.map((id) => streams.venue(id)));
    return {
      venues: rows.map((row) => {
        const venueId = String(row.venue_id);
        const registered = venueStreams
          .get(streams.venue(venueId))
          ?.find((e) => e.type === 'VenueRegistered.v1');
        const data = (registered?.data ?? {}) as { name?: string; communeInsee?: string };
        return {
          venueId,
          name: data.name ?? venueId,
          communeInsee: data.communeInsee ?? null,
          redemptions: Number(row.redemptions),
          amountCents: Number(row.amount_cents),
        };
      }),
    };
  }
}
