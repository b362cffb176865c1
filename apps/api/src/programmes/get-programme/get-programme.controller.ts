import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { GetProgrammeQuery } from './get-programme.query';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('v1/programmes')
export class GetProgrammeController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('payer')
  get(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.queries.execute(new GetProgrammeQuery(actor, programmeId));
  }
}
