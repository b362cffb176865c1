import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../http/id-param';
import { AllocateBookCommand, CancelBookCommand, DistributeBookCommand } from './book-commands.handler';
import { AllocateBookRequest } from './allocate-book.request';
import { GetBookQuery } from './get-book.query';
import { CancelBookRequest } from './cancel-book/cancel-book.request';
import { DistributeBookRequest } from './distribute-book/distribute-book.request';

@ApiTags('books')
@ApiBearerAuth()
@Controller('v1/books/:id')
export class BooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('distribution')
  @HttpCode(200)
  @Roles('payer', 'distributor')
  distribute(
    @CurrentActor() actor: Actor,
    @IdParam() bookId: string,
    @Body() request: DistributeBookRequest,
  ) {
    return this.commands.execute(
      new DistributeBookCommand(actor, bookId, request.distributorId, request.beneficiaryRef),
    );
  }

  @Post('allocation')
  @HttpCode(200)
  @Roles('payer', 'distributor')
  allocate(@CurrentActor() actor: Actor, @IdParam() bookId: string, @Body() request: AllocateBookRequest) {
    return this.commands.execute(new AllocateBookCommand(actor, bookId, request.distributorId));
  }

  @Get()
  @Roles('payer', 'distributor')
  get(@CurrentActor() actor: Actor, @IdParam() bookId: string) {
    return this.queries.execute(new GetBookQuery(actor, bookId));
  }

  @Post('cancellation')
  @HttpCode(200)
  @Roles('payer')
  cancel(@CurrentActor() actor: Actor, @IdParam() bookId: string, @Body() request: CancelBookRequest) {
    return this.commands.execute(new CancelBookCommand(actor, bookId, request.reason));
  }
}
