import { Inject, Injectable } from '@nestjs/common';
import {
  actingMember,
  evolveVenue,
  initialVenueState,
  isDomainError,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadAggregate } from '../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { ProblemException } from '../problems/problem.exception';

/**
 * Once a venue lists its members, a venue sign-in that is not one of them acts for nothing: not for
 * writes (the domain refuses them) and not for reads either (history, settlements, statements).
 */
@Injectable()
export class VenueMembership {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async check(actor: Actor): Promise<void> {
    if (actor.role !== 'venue') return;
    const { state } = await loadAggregate(
      this.store,
      streams.venue(actor.org),
      evolveVenue,
      initialVenueState,
    );
    // An unknown venue is left to the route (a 404 there, as for any other unknown id).
    if (state.status === 'none') return;
    const member = actingMember(actor, state);
    if (isDomainError(member)) throw ProblemException.fromDomain(member);
  }
}
