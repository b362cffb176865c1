import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { evolveVenue, initialVenueState, streams, type Actor } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { renderTableDocumentPdf } from '@pass/vouchers';
import { PayerBrandingService } from '../../branding/payer-branding.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { loadAggregate } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { loadVisibleBatch } from '../batch-view';
import { statementDocument } from './statement-document';

export class SettlementStatementQuery {
  constructor(
    readonly actor: Actor,
    readonly batchId: string,
  ) {}
}

/** The PDF statement of one batch for its payer, the venue it pays, or an admin. */
@QueryHandler(SettlementStatementQuery)
export class SettlementStatementHandler implements IQueryHandler<SettlementStatementQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly branding: PayerBrandingService,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, batchId }: SettlementStatementQuery): Promise<Buffer> {
    const batch = await loadVisibleBatch(this.store, actor, batchId);
    const [{ state: venue }, payerBranding] = await Promise.all([
      loadAggregate(this.store, streams.venue(batch.venueId), evolveVenue, initialVenueState),
      this.branding.stateOf(batch.payerId),
    ]);
    // Only registered venues redeem, so a batch's venue always exists.
    if (venue.status !== 'registered')
      throw new Error(`batch ${batchId} pays unknown venue ${batch.venueId}`);
    return renderTableDocumentPdf(
      statementDocument({
        batch,
        payerName: payerBranding.displayName,
        venue: { name: venue.name, siret: venue.siret },
        issuedAt: this.clock.now(),
        brandName: this.config.brandName,
      }),
    );
  }
}
