import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { VenueHistoryQuery } from './venue-history.query';

/** The venue's history page (/app/historique); its settlements come from GET /v1/settlements. */
@ApiTags('web')
@ApiBearerAuth()
@Controller('v1/web/redemptions')
export class VenueHistoryController {
  constructor(private readonly query: VenueHistoryQuery) {}

  @Get()
  @Roles('venue')
  redemptions(@CurrentActor() actor: Actor) {
    return this.query.redemptions(actor);
  }
}
