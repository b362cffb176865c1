import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { GetVoucherQuery } from './get-voucher.query';

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('v1/vouchers')
export class GetVoucherController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('payer', 'venue')
  get(@CurrentActor() actor: Actor, @IdParam() voucherId: string) {
    return this.queries.execute(new GetVoucherQuery(actor, voucherId));
  }
}
