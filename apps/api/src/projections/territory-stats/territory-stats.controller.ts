import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@pass/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { territoryStatsCsv } from './territory-stats.csv';
import { TerritoryStatsHandler } from './territory-stats.query';
import { TerritoryStatsRequest } from './territory-stats.request';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('v1/stats')
export class TerritoryStatsController {
  constructor(private readonly handler: TerritoryStatsHandler) {}

  /** Spend per territory: where vouchers were issued, distributed, redeemed, reimbursed. */
  @Get('territories')
  @Roles('payer', 'admin')
  territories(@CurrentActor() actor: Actor, @Query() request: TerritoryStatsRequest) {
    return this.handler.execute(actor, request);
  }

  @Get('territories.csv')
  @Roles('payer', 'admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="depenses-par-territoire.csv"')
  async territoriesCsv(
    @CurrentActor() actor: Actor,
    @Query() request: TerritoryStatsRequest,
  ): Promise<string> {
    return territoryStatsCsv((await this.handler.execute(actor, request)).territories);
  }
}
