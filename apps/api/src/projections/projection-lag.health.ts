import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ReadModelsService } from './read-models.service';

/** Lag is reported, never fatal: a projector behind does not make the API unable to take commands. */
@Injectable()
export class ProjectionLagHealthIndicator {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const indicator = this.indicators.check('projections');
    try {
      const lags = await this.readModels.lag();
      return indicator.up(
        Object.fromEntries(
          lags.map((lag) => [
            lag.name,
            { eventsBehind: lag.eventsBehind, secondsBehind: Math.round(lag.secondsBehind * 10) / 10 },
          ]),
        ),
      );
    } catch (error) {
      return indicator.up({ unknown: error instanceof Error ? error.message : String(error) });
    }
  }
}
