import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { GetSettlementQuery, ListSettlementsQuery } from './get-settlements.query';

@ApiTags('settlements')
@ApiBearerAuth()
@Controller('v1/settlements')
export class GetSettlementsController {
  constructor(private readonly queries: QueryBus) {}

  /** A payer's own batches; a venue's, the batches that pay it. Newest first. */
  @Get()
  @Roles('payer', 'venue')
  list(@CurrentActor() actor: Actor) {
    return this.queries.execute(new ListSettlementsQuery(actor));
  }

  /** One batch with each redemption it settles. */
  @Get(':id')
  @Roles('payer', 'venue')
  get(@CurrentActor() actor: Actor, @IdParam() batchId: string) {
    return this.queries.execute(new GetSettlementQuery(actor, batchId));
  }
}
