import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { decideAddVenueLocation, decideCloseVenueLocation, type Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { randomId } from '../../infrastructure/random-ids';
import { ProblemException } from '../../problems/problem.exception';
import { InseeTerritories } from '../../territories/insee-territories';
import { ChangeVenueCommand } from '../change-venue.command';
import { AddLocationRequest } from './location.request';

/** A venue's points of presence: where sessions happen and what the public directory lists. */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id/locations')
export class LocationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly territories: InseeTerritories,
  ) {}

  @Post()
  @Roles('admin', 'venue')
  async add(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: AddLocationRequest,
  ): Promise<{ locationId: string }> {
    const commune = this.territories.commune(request.communeInsee);
    if (!commune)
      throw new ProblemException('territory.unknown-commune', `no commune ${request.communeInsee}`);
    if (!commune.postalCodes.includes(request.postalCode))
      throw new ProblemException(
        'location.invalid',
        `${commune.name} has the postal codes ${commune.postalCodes.join(', ')}, not ${request.postalCode}`,
      );
    const locationId = randomId('loc');
    const location = {
      locationId,
      name: request.name,
      address: request.address.trim(),
      postalCode: request.postalCode,
      communeInsee: commune.code,
      communeName: commune.name,
      departement: commune.departement,
      latitude: request.latitude ?? null,
      longitude: request.longitude ?? null,
      openingHours: request.openingHours?.trim() ?? null,
      accessibility: request.accessibility?.trim() ?? null,
    };
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideAddVenueLocation({ actor, venueId, location, now }, state),
      ),
    );
    return { locationId };
  }

  @Delete(':locationId')
  @HttpCode(200)
  @Roles('admin', 'venue')
  async close(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @IdParam('locationId') locationId: string,
  ): Promise<{ locationId: string; closed: true }> {
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideCloseVenueLocation({ actor, venueId, locationId, now }, state),
      ),
    );
    return { locationId, closed: true };
  }
}
