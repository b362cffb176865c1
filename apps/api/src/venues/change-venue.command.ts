import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  evolveVenue,
  initialVenueState,
  streams,
  type Actor,
  type Decision,
  type Instant,
  type VenueEvent,
  type VenueState,
} from '@pass/domain';
import type { EventStore, Reservation } from '@pass/event-store';
import { decideAndAppendWith } from '../infrastructure/aggregate-stream';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.module';

/**
 * A change to one venue's stream decided by a pure domain function: locations, services, members,
 * identity. The handler is the same for all of them, so the command carries the decision.
 */
export class ChangeVenueCommand {
  constructor(
    readonly actor: Actor,
    readonly venueId: string,
    readonly decide: (state: VenueState, now: Instant) => Decision<VenueEvent>,
    /** Unique keys taken in the same append (a new SIRET). */
    readonly reservations: readonly Reservation[] = [],
  ) {}
}

@CommandHandler(ChangeVenueCommand)
export class ChangeVenueHandler implements ICommandHandler<ChangeVenueCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  execute({ actor, venueId, decide, reservations }: ChangeVenueCommand): Promise<readonly VenueEvent[]> {
    const now = this.clock.now();
    return decideAndAppendWith(
      this.store,
      {
        streamId: streams.venue(venueId),
        evolve: evolveVenue,
        initial: initialVenueState,
        decide: (state) => decide(state, now),
        metadata: { by: actor.subject },
      },
      { reservations },
    );
  }
}
