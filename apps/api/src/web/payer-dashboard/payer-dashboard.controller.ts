import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { IdParam } from '../../http/id-param';
import { PayerDashboardQueries } from './payer-dashboard.query';

/** Lists for the collectivité's dashboard (/app/tableau-de-bord). */
@ApiTags('web')
@ApiBearerAuth()
@Controller('v1/web')
export class PayerDashboardController {
  constructor(private readonly queries: PayerDashboardQueries) {}

  /** The programmes the payer funds (lead or co-funder), with the figures of GET /v1/programmes/:id. */
  @Get('programmes')
  @Roles('payer')
  programmes(@CurrentActor() actor: Actor) {
    return this.queries.programmes(actor);
  }

  @Get('programmes/:id/books')
  @Roles('payer')
  books(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.queries.books(actor, programmeId);
  }

  /** Each venue that redeemed the payer's vouchers, with its redemptions. */
  @Get('venues')
  @Roles('payer')
  venues(@CurrentActor() actor: Actor) {
    return this.queries.venues(actor);
  }
}
