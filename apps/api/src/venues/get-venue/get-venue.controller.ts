import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  evolveVenue,
  initialVenueState,
  isCertifiedAt,
  streams,
  venueAccess,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { loadAggregate, orThrow } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';

/** A venue as it manages itself: identity, certification, locations, services, members, approvals. */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id')
export class GetVenueController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('admin', 'venue')
  async get(@CurrentActor() actor: Actor, @IdParam() venueId: string) {
    const { state } = await loadAggregate(this.store, streams.venue(venueId), evolveVenue, initialVenueState);
    const { venue } = orThrow(venueAccess(actor, venueId, state));
    const { bankAccount, certifications, status: _status, ...rest } = venue;
    return {
      ...rest,
      certified: isCertifiedAt(venue, this.clock.now()),
      certifications,
      bankAccount: bankAccount ? { ibanLast4: bankAccount.ibanLast4 } : null,
    };
  }
}
