import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { ProjectionLag } from '@pass/projections';
import { MetricsService } from '../metrics/metrics.service';
import { ReadModelsService } from './read-models.service';

const MEASURE_REUSE_MS = 500;

/** pass_projection_lag_events / _seconds, measured at scrape time (once for both gauges). */
@Injectable()
export class ProjectionLagMetrics {
  private measuring?: { at: number; lags: Promise<ProjectionLag[]> };

  constructor(metrics: MetricsService, readModels: ReadModelsService) {
    // prom-client collects the gauges concurrently: both share one measurement.
    const measure = (): Promise<ProjectionLag[]> => {
      if (!this.measuring || Date.now() - this.measuring.at > MEASURE_REUSE_MS)
        this.measuring = { at: Date.now(), lags: readModels.lag().catch(() => []) };
      return this.measuring.lags;
    };
    new Gauge({
      name: 'pass_projection_lag_events',
      help: 'Committed events a projection has not applied yet',
      labelNames: ['projection'],
      registers: [metrics.registry],
      async collect() {
        for (const lag of await measure()) this.set({ projection: lag.name }, lag.eventsBehind);
      },
    });
    new Gauge({
      name: 'pass_projection_lag_seconds',
      help: 'Age of the oldest event a projection has not applied yet (0 when caught up)',
      labelNames: ['projection'],
      registers: [metrics.registry],
      async collect() {
        for (const lag of await measure()) this.set({ projection: lag.name }, lag.secondsBehind);
      },
    });
  }
}
