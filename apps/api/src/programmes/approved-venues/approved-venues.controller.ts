import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { ChangeVenueApprovalCommand } from './approved-venues.handler';
import { ListApprovedVenues } from './list-approved-venues.query';
import { ApproveVenueRequest } from './approved-venues.request';

/** For programmes opened with approvedVenuesOnly: the venues their payer admits. */
@ApiTags('programmes')
@ApiBearerAuth()
@Controller('v1/programmes/:id/approved-venues')
export class ApprovedVenuesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly approvedVenues: ListApprovedVenues,
  ) {}

  @Get()
  @Roles('payer')
  list(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.approvedVenues.execute(actor, programmeId);
  }

  @Post()
  @HttpCode(200)
  @Roles('payer')
  approve(
    @CurrentActor() actor: Actor,
    @IdParam() programmeId: string,
    @Body() request: ApproveVenueRequest,
  ) {
    return this.commands.execute(new ChangeVenueApprovalCommand(actor, programmeId, request.venueId, true));
  }

  @Delete(':venueId')
  @HttpCode(200)
  @Roles('payer')
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam() programmeId: string,
    @IdParam('venueId') venueId: string,
  ) {
    return this.commands.execute(new ChangeVenueApprovalCommand(actor, programmeId, venueId, false));
  }
}
