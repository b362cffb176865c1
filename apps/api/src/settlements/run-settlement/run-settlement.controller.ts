import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import type { BatchView } from '../batch-view';
import { RunSettlementCommand } from './run-settlement.handler';
import { RunSettlementRequest } from './run-settlement.request';

@ApiTags('settlements')
@ApiBearerAuth()
@Controller('v1/settlements')
export class RunSettlementController {
  constructor(private readonly commands: CommandBus) {}

  /** Opens one batch per venue owed unsettled payables up to `until`; none when all is settled. */
  @Post()
  @Roles('payer')
  run(
    @CurrentActor() actor: Actor,
    @Body() request: RunSettlementRequest,
  ): Promise<{ batches: BatchView[] }> {
    return this.commands.execute(new RunSettlementCommand(actor, request));
  }
}
