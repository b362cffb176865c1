import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { decideAddVenueMember, decideRemoveVenueMember, type Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { randomId } from '../../infrastructure/random-ids';
import { ChangeVenueCommand } from '../change-venue.command';
import { AddMemberRequest } from './member.request';

/**
 * The agents who act for a venue, each with their own sign-in. Once a venue lists members, only
 * they act for it; redemptions record the member's id, never the sign-in.
 */
@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id/members')
export class MembersController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'venue')
  async add(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: AddMemberRequest,
  ): Promise<{ memberId: string }> {
    const memberId = randomId('agt');
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideAddVenueMember({ actor, venueId, memberId, ...request, now }, state),
      ),
    );
    return { memberId };
  }

  @Delete(':memberId')
  @HttpCode(200)
  @Roles('admin', 'venue')
  async remove(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @IdParam('memberId') memberId: string,
  ): Promise<{ memberId: string; removed: true }> {
    await this.commands.execute(
      new ChangeVenueCommand(actor, venueId, (state, now) =>
        decideRemoveVenueMember({ actor, venueId, memberId, now }, state),
      ),
    );
    return { memberId, removed: true };
  }
}
