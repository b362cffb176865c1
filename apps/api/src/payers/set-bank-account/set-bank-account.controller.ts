import { Body, Controller, HttpCode, Param, Put, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { isValidSiren, type Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ProblemException } from '../../problems/problem.exception';
import { SetPayerBankAccountCommand } from './set-bank-account.handler';
import { SetPayerBankAccountRequest } from './set-bank-account.request';

/** A payer is its SIREN: anything else could never be one. */
class SirenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidSiren(value)) throw new ProblemException('payer.not-found', `no payer ${value.slice(0, 64)}`);
    return value;
  }
}

@ApiTags('payers')
@ApiBearerAuth()
@Controller('v1/payers/:siren/bank-account')
export class SetPayerBankAccountController {
  constructor(private readonly commands: CommandBus) {}

  /** The account settlements are paid from: the debtor of the payer's SEPA files. */
  @Put()
  @HttpCode(200)
  @Roles('admin', 'payer')
  set(
    @CurrentActor() actor: Actor,
    @Param('siren', new SirenPipe()) payerId: string,
    @Body() request: SetPayerBankAccountRequest,
  ): Promise<{ payerId: string; ibanLast4: string }> {
    return this.commands.execute(new SetPayerBankAccountCommand(actor, payerId, request));
  }
}
