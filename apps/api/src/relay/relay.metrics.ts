import { Counter, Gauge, type Registry } from 'prom-client';
import type { KafkaRelay } from '@pass/messaging';

/** Read when Prometheus scrapes: the lag is one indexed count in the store, capped. */
export function registerRelayMetrics(registry: Registry, relay: KafkaRelay): void {
  new Gauge({
    name: 'pass_relay_lag_events',
    help: 'Events in the store the Kafka relay has not published yet',
    registers: [registry],
    async collect() {
      this.set((await relay.lag()).events);
    },
  });
  new Gauge({
    name: 'pass_relay_lag_seconds',
    help: 'Age of the oldest event the Kafka relay has not published yet (0 when caught up)',
    registers: [registry],
    async collect() {
      this.set((await relay.lag()).oldestAgeSeconds);
    },
  });
  new Gauge({
    name: 'pass_relay_up',
    help: '1 when the Kafka relay publishes, 0 while it retries (broker unreachable)',
    registers: [registry],
    collect() {
      this.set(relay.status().state === 'degraded' ? 0 : 1);
    },
  });
  let reported = 0;
  new Counter({
    name: 'pass_relay_published_messages_total',
    help: 'Payer messages the broker acknowledged',
    registers: [registry],
    collect() {
      const published = relay.status().published;
      this.inc(published - reported);
      reported = published;
    },
  });
}
