import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { RegisterVenueCommand } from './register-venue.command';
import { RegisterVenueRequest } from './register-venue.request';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues')
export class RegisterVenueController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  register(
    @CurrentActor() actor: Actor,
    @Body() request: RegisterVenueRequest,
  ): Promise<{ venueId: string }> {
    return this.commands.execute(new RegisterVenueCommand(actor, request));
  }
}
