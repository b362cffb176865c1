import type { HealthIndicatorService } from '@nestjs/terminus';
import type { KafkaRelay } from '@pass/messaging';

/**
 * The relay's part of /health. Kafka being down is not the API being down: the indicator stays
 * `up` (no 503 for load balancers) and says `state: degraded`, which the controller surfaces as
 * the overall status `degraded`.
 */
export class RelayHealthIndicator {
  constructor(
    private readonly relay: KafkaRelay | null,
    private readonly indicators: HealthIndicatorService,
  ) {}

  get enabled(): boolean {
    return this.relay !== null;
  }

  get degraded(): boolean {
    return this.relay?.status().state === 'degraded';
  }

  check() {
    const status = this.relay!.status();
    return this.indicators.check('kafkaRelay').up({
      state: status.state,
      published: status.published,
      ...(status.lastError ? { lastError: status.lastError, attempts: status.consecutiveFailures } : {}),
    });
  }
}
