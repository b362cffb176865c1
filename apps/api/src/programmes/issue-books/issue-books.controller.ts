import { Body, Controller, Headers, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { IssueBooksCommand, type IssuedBooks } from './issue-books.handler';
import { IssueBooksRequest } from './issue-books.request';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('v1/programmes/:id/books')
export class IssueBooksController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('payer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  issue(
    @CurrentActor() actor: Actor,
    @IdParam() programmeId: string,
    @Body() request: IssueBooksRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<IssuedBooks> {
    return this.commands.execute(new IssueBooksCommand(actor, programmeId, request, idempotencyKey));
  }
}
