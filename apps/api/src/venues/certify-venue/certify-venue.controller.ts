import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  decideCertifyVenue,
  decideSuspendVenueCertification,
  type Actor,
  type VenueCertificationSuspended,
} from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { ChangeVenueCommand } from '../change-venue.command';
import { CertifyVenueRequest, SuspendVenueCertificationRequest } from './certify-venue.request';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id/certification')
export class CertifyVenueController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  async certify(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: CertifyVenueRequest,
  ): Promise<{ venueId: string; validUntil: string }> {
    const validUntil = new Date(request.validUntil).toISOString();
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideCertifyVenue({ actor, venueId, validUntil, now }, state),
      ),
    );
    return { venueId, validUntil };
  }

  @Delete()
  @HttpCode(200)
  @Roles('admin')
  async suspend(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() { reason }: SuspendVenueCertificationRequest,
  ): Promise<{ venueId: string; suspendedAt: string }> {
    const [suspended]: readonly VenueCertificationSuspended[] = await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideSuspendVenueCertification({ actor, venueId, reason, now }, state),
      ),
    );
    return { venueId, suspendedAt: suspended.data.suspendedAt };
  }
}
