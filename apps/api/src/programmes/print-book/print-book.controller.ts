import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { PrintBookQuery } from './print-book.query';

@ApiTags('books')
@ApiBearerAuth()
@Controller('v1/books/:id/print.pdf')
export class PrintBookController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('payer')
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  @Header('Cache-Control', 'private, no-store')
  async print(@CurrentActor() actor: Actor, @IdParam() bookId: string): Promise<StreamableFile> {
    const pdf: Buffer = await this.queries.execute(new PrintBookQuery(actor, bookId));
    return new StreamableFile(pdf, { disposition: `inline; filename="carnet-${bookId}.pdf"` });
  }
}
