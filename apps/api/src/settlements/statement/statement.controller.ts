import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { SettlementStatementQuery } from './statement.query';

@ApiTags('settlements')
@ApiBearerAuth()
@Controller('v1/settlements/:id/statement.pdf')
export class SettlementStatementController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The venue's statement (*relevé*) of one batch: payer, venue, period, each redemption, the total
   * and the payment once made. Anyone but the batch's payer, its venue and an admin gets 404.
   */
  @Get()
  @Roles('payer', 'venue', 'admin')
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  @Header('Cache-Control', 'private, no-store')
  async statement(@CurrentActor() actor: Actor, @IdParam() batchId: string): Promise<StreamableFile> {
    const pdf: Buffer = await this.queries.execute(new SettlementStatementQuery(actor, batchId));
    return new StreamableFile(pdf, { disposition: `inline; filename="releve-${batchId}.pdf"` });
  }
}
