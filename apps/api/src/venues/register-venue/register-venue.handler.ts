import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideRegisterVenue, initialVenueState, streams } from '@pass/domain';
import { ReservationTakenError, type EventStore } from '@pass/event-store';
import { orThrow } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { randomId } from '../../infrastructure/random-ids';
import { ProblemException } from '../../problems/problem.exception';
import { InseeTerritories } from '../../territories/insee-territories';
import { RegisterVenueCommand } from './register-venue.command';

export const SIRET_RESERVATION = 'venue-siret';

@CommandHandler(RegisterVenueCommand)
export class RegisterVenueHandler implements ICommandHandler<RegisterVenueCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly territories: InseeTerritories,
  ) {}

  async execute({ actor, request }: RegisterVenueCommand): Promise<{ venueId: string }> {
    const commune = this.territories.commune(request.communeInsee);
    if (!commune)
      throw new ProblemException('territory.unknown-commune', `no commune ${request.communeInsee}`);
    const venueId = randomId('ven');
    const events = orThrow(
      decideRegisterVenue(
        { actor, venueId, ...request, departement: commune.departement, now: this.clock.now() },
        initialVenueState,
      ),
    );
    try {
      // The SIRET reservation makes registration unique even when two admins register at once.
      await this.store.append(
        [
          {
            streamId: streams.venue(venueId),
            expectedVersion: 0,
            events: toNewEvents(events, { by: actor.subject }),
          },
        ],
        {
          reservations: [{ scope: SIRET_RESERVATION, key: request.siret, value: venueId }],
        },
      );
    } catch (error) {
      if (!(error instanceof ReservationTakenError)) throw error;
      throw new ProblemException('venue.already-registered', `SIRET ${request.siret} is already registered`, {
        venueId: error.existing,
      });
    }
    return { venueId };
  }
}
