import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { OpenProgrammeCommand } from './open-programme.handler';
import { OpenProgrammeRequest } from './open-programme.request';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('v1/programmes')
export class OpenProgrammeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('payer')
  open(
    @CurrentActor() actor: Actor,
    @Body() request: OpenProgrammeRequest,
  ): Promise<{ programmeId: string }> {
    return this.commands.execute(new OpenProgrammeCommand(actor, request));
  }
}
