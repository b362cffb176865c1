import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { SepaFileQuery } from './sepa-file.query';

@ApiTags('settlements')
@ApiBearerAuth()
@Controller('v1/settlements/:id/sepa.xml')
export class SepaFileController {
  constructor(private readonly queries: QueryBus) {}

  /** ISO 20022 pain.001.001.03 for the payer's bank; 422 while either bank account is missing. */
  @Get()
  @Roles('payer')
  @ApiProduces('application/xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  async file(@CurrentActor() actor: Actor, @IdParam() batchId: string): Promise<StreamableFile> {
    const xml: string = await this.queries.execute(new SepaFileQuery(actor, batchId));
    return new StreamableFile(Buffer.from(xml, 'utf8'), {
      disposition: `attachment; filename="${batchId}.pain.001.xml"`,
    });
  }
}
