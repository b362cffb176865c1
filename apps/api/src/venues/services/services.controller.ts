import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { decidePublishVenueService, decideWithdrawVenueService, type Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { randomId } from '../../infrastructure/random-ids';
import { ChangeVenueCommand } from '../change-venue.command';
import { PublishServiceRequest } from './service.request';

/** The venue's service catalogue, priced in number of vouchers. */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id/services')
export class ServicesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'venue')
  async publish(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: PublishServiceRequest,
  ): Promise<{ serviceId: string }> {
    const service = {
      ...request,
      serviceId: randomId('svc'),
      regulatedTariff: request.regulatedTariff ?? false,
    };
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decidePublishVenueService({ actor, venueId, service, now }, state),
      ),
    );
    return { serviceId: service.serviceId };
  }

  @Delete(':serviceId')
  @HttpCode(200)
  @Roles('admin', 'venue')
  async withdraw(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @IdParam('serviceId') serviceId: string,
  ): Promise<{ serviceId: string; withdrawn: true }> {
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideWithdrawVenueService({ actor, venueId, serviceId, now }, state),
      ),
    );
    return { serviceId, withdrawn: true };
  }
}
