import { Inject, Injectable } from '@nestjs/common';
import { streams, type Actor, type VenueLocationAdded, type VoucherRedeemed } from '@pass/domain';
import type { EventStore, StoredEvent } from '@pass/event-store';
import { PROGRAMME_SUMMARY, VOUCHER_STATUS, viewName } from '@pass/projections';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ReadModelsService } from '../../projections/read-models.service';

const MAX_REDEMPTIONS = 5000;

type RedemptionDetails = Pick<VoucherRedeemed['data'], 'sessionId' | 'locationId' | 'service'>;

/**
 * A venue's redemptions, newest first, from the voucher-status read model. Their session, location
 * and service are not in that read model: they are read from the log, in the books' streams (one
 * round trip with the venue's stream, which names the locations, closed ones included).
 */
@Injectable()
export class VenueHistoryQuery {
  constructor(
    private readonly readModels: ReadModelsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async redemptions(actor: Actor) {
    await this.readModels.fresh('voucher-status', 'programme-summary');
    const venueId = actor.org;
    const rows = await this.readModels.sql.query<Record<string, unknown>>(
      `select v.voucher_id, v.book_id, v.programme_id, p.name as programme_name, v.redemption_id,
         v.redeemed_cents::text as amount_cents, v.scanned_at
       from ${viewName(VOUCHER_STATUS)} v
       left join ${viewName(PROGRAMME_SUMMARY)} p on p.programme_id = v.programme_id
       where v.venue_id = $1 and v.status = 'redeemed'
       order by v.scanned_at desc, v.voucher_id limit ${MAX_REDEMPTIONS}`,
      [venueId],
    );
    const bookStreams = [...new Set(rows.map((row) => streams.book(String(row.book_id))))];
    const read =
      rows.length === 0
        ? new Map<string, StoredEvent[]>()
        : await this.store.readStreams([...bookStreams, streams.venue(venueId)]);
    const details = redemptionDetails(
      bookStreams.flatMap((id) => read.get(id) ?? []),
      venueId,
    );
    const locationNames = locationNamesOf(read.get(streams.venue(venueId)) ?? []);
    return {
      redemptions: rows.map((row) => {
        const redemptionId = String(row.redemption_id);
        const { sessionId, locationId, service } = details.get(redemptionId) ?? {};
        return {
          redemptionId,
          voucherId: String(row.voucher_id),
          programmeId: String(row.programme_id),
          programmeName: row.programme_name === null ? null : String(row.programme_name),
          amountCents: Number(row.amount_cents),
          scannedAt: String(row.scanned_at),
          sessionId: sessionId ?? null,
          locationId: locationId ?? null,
          locationName: locationId ? (locationNames.get(locationId) ?? null) : null,
          service: service
            ? { serviceId: service.serviceId, title: service.title, category: service.category }
            : null,
        };
      }),
    };
  }
}

/** The venue's redemptions in the books' events, by redemption id. */
function redemptionDetails(events: readonly StoredEvent[], venueId: string): Map<string, RedemptionDetails> {
  const details = new Map<string, RedemptionDetails>();
  for (const event of events) {
    if (event.type !== 'VoucherRedeemed.v1') continue;
    const data = event.data as VoucherRedeemed['data'];
    if (data.venueId === venueId) details.set(data.redemptionId, data);
  }
  return details;
}

/** Every location the venue ever added (a closed one still names its past sessions). */
function locationNamesOf(events: readonly StoredEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of events)
    if (event.type === 'VenueLocationAdded.v1') {
      const data = event.data as VenueLocationAdded['data'];
      names.set(data.locationId, data.name);
    }
  return names;
}
