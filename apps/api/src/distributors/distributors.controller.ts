import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../http/id-param';
import { DistributorBooksQuery } from './distributor-books.query';

@ApiTags('distribution')
@ApiBearerAuth()
@Controller('v1/distributors/:id/books')
export class DistributorsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('distributor')
  books(@CurrentActor() actor: Actor, @IdParam() distributorId: string) {
    return this.queries.execute(new DistributorBooksQuery(actor, distributorId));
  }
}
