import {
  Global,
  Inject,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { EventStore, SqlExecutor } from '@pass/event-store';
import { KafkaRelay } from '@pass/messaging';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { MetricsService } from '../metrics/metrics.service';
import { registerRelayMetrics } from './relay.metrics';
import { RelayHealthIndicator } from './relay.health';

export const KAFKA_RELAY = Symbol('KAFKA_RELAY');

/**
 * The Kafka relay inside the API process when KAFKA_BROKERS is set (and RELAY_IN_PROCESS is not
 * false). It starts after the app is up and never holds the API hostage: a broker that is down only
 * makes /health report the relay degraded, while the events wait in the store.
 */
@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: KAFKA_RELAY,
      inject: [APP_CONFIG, EVENT_STORE],
      useFactory: (config: AppConfig, store: EventStore): KafkaRelay | null => {
        const relay = config.relay;
        if (!relay || !relay.inProcess) return null;
        if (!('sql' in store)) throw new Error('the Kafka relay needs a SQL event store');
        const logger = new Logger('KafkaRelay');
        return new KafkaRelay({
          store: store as EventStore & { sql: SqlExecutor },
          brokers: relay.brokers,
          topic: relay.topic,
          clientId: relay.clientId,
          batchSize: relay.batchSize,
          partitions: relay.partitions,
          source: relay.source,
          logger: {
            info: (message, details) => logger.log({ ...details, msg: message }),
            warn: (message, details) => logger.warn({ ...details, msg: message }),
          },
        });
      },
    },
    {
      provide: RelayHealthIndicator,
      inject: [KAFKA_RELAY, HealthIndicatorService],
      useFactory: (relay: KafkaRelay | null, indicators: HealthIndicatorService) =>
        new RelayHealthIndicator(relay, indicators),
    },
  ],
  exports: [RelayHealthIndicator],
})
export class RelayModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(KAFKA_RELAY) private readonly relay: KafkaRelay | null,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.relay) return;
    registerRelayMetrics(this.metrics.registry, this.relay);
    await this.relay.start();
  }

  /** Before the store closes (onApplicationShutdown): the batch in flight saves its checkpoint. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
