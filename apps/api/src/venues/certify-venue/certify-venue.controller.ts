import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { CertifyVenueCommand, SuspendVenueCertificationCommand } from './certify-venue.handler';
import { CertifyVenueRequest, SuspendVenueCertificationRequest } from './certify-venue.request';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id/certification')
export class CertifyVenueController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  certify(@CurrentActor() actor: Actor, @IdParam() venueId: string, @Body() request: CertifyVenueRequest) {
    return this.commands.execute(new CertifyVenueCommand(actor, venueId, request.validUntil));
  }

  @Delete()
  @HttpCode(200)
  @Roles('admin')
  suspend(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: SuspendVenueCertificationRequest,
  ) {
    return this.commands.execute(new SuspendVenueCertificationCommand(actor, venueId, request.reason));
  }
}
