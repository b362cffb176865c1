import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { SetVenueBankAccountCommand } from './set-bank-account.handler';
import { SetVenueBankAccountRequest } from './set-bank-account.request';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('v1/venues/:id/bank-account')
export class SetVenueBankAccountController {
  constructor(private readonly commands: CommandBus) {}

  /** Answers only the IBAN's last four characters: the account itself is stored sealed. */
  @Put()
  @HttpCode(200)
  @Roles('admin', 'venue')
  set(
    @CurrentActor() actor: Actor,
    @IdParam() venueId: string,
    @Body() request: SetVenueBankAccountRequest,
  ): Promise<{ venueId: string; ibanLast4: string }> {
    return this.commands.execute(new SetVenueBankAccountCommand(actor, venueId, request));
  }
}
