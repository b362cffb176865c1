import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectionLagHealthIndicator } from './projection-lag.health';
import { ProjectionLagMetrics } from './projection-lag.metrics';
import { ReadModelsService } from './read-models.service';
import { TerritoryStatsController } from './territory-stats/territory-stats.controller';
import { TerritoryStatsHandler } from './territory-stats/territory-stats.query';

/** Read models (projections) and the reads served from them. */
@Global()
@Module({
  imports: [TerminusModule],
  controllers: [TerritoryStatsController],
  providers: [ReadModelsService, ProjectionLagHealthIndicator, ProjectionLagMetrics, TerritoryStatsHandler],
  exports: [ReadModelsService, ProjectionLagHealthIndicator],
})
export class ProjectionsModule {}
