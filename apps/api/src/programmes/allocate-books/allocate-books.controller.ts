import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { AllocateBooksCommand } from './allocate-books.handler';
import { AllocateBooksRequest } from './allocate-books.request';

@ApiTags('distribution')
@ApiBearerAuth()
@Controller('v1/programmes/:id/allocations')
export class AllocateBooksController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('payer')
  allocate(
    @CurrentActor() actor: Actor,
    @IdParam() programmeId: string,
    @Body() request: AllocateBooksRequest,
  ) {
    return this.commands.execute(new AllocateBooksCommand(actor, programmeId, request));
  }
}
