import { DEFAULT_RELAY_BATCH_SIZE } from './kafka-requests';
import { PAYER_EVENTS_TOPIC, DEFAULT_CE_SOURCE } from './payer-events';

/** The relay's settings, read from the environment by the API and by apps/relay alike. */
export interface RelayConfig {
  readonly brokers: string[];
  readonly topic: string;
  readonly clientId: string;
  readonly batchSize: number;
  readonly partitions: number;
  readonly source: string;
  /** false when apps/relay runs as its own process next to the API. */
  readonly inProcess: boolean;
}

export class RelayConfigError extends Error {}

/** undefined when KAFKA_BROKERS is unset: no relay. */
export function relayConfigFrom(env: NodeJS.ProcessEnv): RelayConfig | undefined {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length === 0) return undefined;
  for (const broker of brokers) {
    if (!/^[^\s:/]+:\d{1,5}$/.test(broker))
      throw new RelayConfigError(`KAFKA_BROKERS must list host:port pairs, got "${broker}"`);
  }
  return {
    brokers,
    topic: env.KAFKA_TOPIC || PAYER_EVENTS_TOPIC,
    clientId: env.KAFKA_CLIENT_ID || 'pass-numerique-relay',
    batchSize: positiveInteger(env, 'RELAY_BATCH_SIZE', DEFAULT_RELAY_BATCH_SIZE),
    partitions: positiveInteger(env, 'KAFKA_TOPIC_PARTITIONS', 6),
    source: env.KAFKA_CE_SOURCE || DEFAULT_CE_SOURCE,
    inProcess: !['false', '0', 'no'].includes((env.RELAY_IN_PROCESS ?? '').toLowerCase()),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RelayConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
