import { Body, Controller, Inject, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { decideChangeVenueIdentity, type Actor } from '@pass/domain';
import { ReservationTakenError, type EventStore, type Reservation } from '@pass/event-store';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';
import { InseeTerritories } from '../../territories/insee-territories';
import { ChangeVenueCommand } from '../change-venue.command';
import { SIRET_RESERVATION } from '../register-venue/register-venue.handler';
import { ChangeVenueIdentityRequest } from './change-identity.request';

/** SIRET, name and head-office commune: what certification vouched for, so only an admin changes them. */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id')
export class ChangeVenueIdentityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly territories: InseeTerritories,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Patch()
  @Roles('admin')
  async change(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: ChangeVenueIdentityRequest,
  ): Promise<{ venueId: string; changed: string[] }> {
    const commune =
      request.communeInsee === undefined ? undefined : this.territories.commune(request.communeInsee);
    if (request.communeInsee !== undefined && !commune)
      throw new ProblemException('territory.unknown-commune', `no commune ${request.communeInsee}`);
    const reservations = await this.siretReservation(request.siret, venueId);
    try {
      const events = await this.commands.execute(
        new ChangeVenueCommand(
          actor,
          venueId,
          (state, now) =>
            decideChangeVenueIdentity(
              {
                actor,
                venueId,
                siret: request.siret,
                name: request.name,
                commune: commune && { communeInsee: commune.code, departement: commune.departement },
                now,
              },
              state,
            ),
          reservations,
        ),
      );
      const changed = events.flatMap((event: { data: object }) =>
        Object.keys(event.data).filter((key) => key !== 'venueId' && key !== 'changedAt'),
      );
      return { venueId, changed };
    } catch (error) {
      if (!(error instanceof ReservationTakenError)) throw error;
      throw new ProblemException('venue.already-registered', `SIRET ${request.siret} is already registered`, {
        venueId: error.existing,
      });
    }
  }

  /** A SIRET stays reserved by the venue that held it: taking back one's own old SIRET needs no new key. */
  private async siretReservation(siret: string | undefined, venueId: string): Promise<Reservation[]> {
    if (siret === undefined) return [];
    const holder = await this.store.lookup(SIRET_RESERVATION, siret);
    return holder === venueId ? [] : [{ scope: SIRET_RESERVATION, key: siret, value: venueId }];
  }
}
