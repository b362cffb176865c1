import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { PaySettlementCommand } from './pay-settlement.handler';
import { PaySettlementRequest } from './pay-settlement.request';

@ApiTags('settlements')
@ApiBearerAuth()
@Controller('v1/settlements/:id/payment')
export class PaySettlementController {
  constructor(private readonly commands: CommandBus) {}

  /** Records that the batch was paid: once (a second call answers 409). */
  @Post()
  @HttpCode(200)
  @Roles('payer')
  pay(@CurrentActor() actor: Actor, @IdParam() batchId: string, @Body() request: PaySettlementRequest) {
    return this.commands.execute(new PaySettlementCommand(actor, batchId, request.paymentReference));
  }
}
