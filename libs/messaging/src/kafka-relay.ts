import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { START_OF_LOG, type EventStore, type GlobalPosition, type SqlExecutor } from '@pass/event-store';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { FundingDirectory } from './funding-directory';
import { DEFAULT_CE_SOURCE, PAYER_EVENTS_TOPIC } from './payer-events';
import {
  ensureCheckpointTable,
  lagAfter,
  loadCheckpoint,
  saveCheckpoint,
  type RelayLag,
} from './relay-checkpoint';
import { inRequestsOfAtMost, DEFAULT_RELAY_BATCH_SIZE } from './kafka-requests';
import { toKafkaRecord, toPayerMessages } from './to-payer-messages';

export interface RelayLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export interface KafkaRelayOptions {
  /** A SQL event store: the checkpoint lives in its database (`store.sql`). */
  readonly store: EventStore & { readonly sql: SqlExecutor };
  readonly brokers: readonly string[];
  readonly topic?: string;
  readonly clientId?: string;
  /** Names the checkpoint row: one per relay (and per topic). */
  readonly checkpointName?: string;
  readonly batchSize?: number;
  readonly partitions?: number;
  readonly source?: string;
  /** How long to wait for new events when caught up. */
  readonly pollIntervalMs?: number;
  /** How often an idle relay checks that the broker still answers (for /health). */
  readonly probeIntervalMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly logger?: RelayLogger;
}

export type RelayState = 'stopped' | 'starting' | 'running' | 'degraded';

export interface RelayStatus {
  readonly state: RelayState;
  readonly checkpoint: GlobalPosition;
  /** Messages the broker acknowledged since this relay started. */
  readonly published: number;
  readonly consecutiveFailures: number;
  readonly lastError?: string;
}

const silent: RelayLogger = { info: () => undefined, warn: () => undefined };

/**
 * Follows the event store's global log from its checkpoint and publishes payer messages to Kafka,
 * at least once: a batch is sent with an idempotent producer (acks from all in-sync replicas, one
 * request in flight, so order holds per partition), and the checkpoint is saved only after the
 * broker acknowledged it. A crash between the ack and the checkpoint re-sends that batch with the
 * same `ce_id`s; consumers deduplicate on them. When Kafka is unreachable the relay retries with
 * backoff and reports `degraded`; the events wait in the store.
 */
export class KafkaRelay {
  private readonly kafka: Kafka;
  private readonly topic: string;
  private readonly checkpointName: string;
  private readonly batchSize: number;
  private readonly directory = new FundingDirectory();
  private readonly logger: RelayLogger;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private checkpoint: GlobalPosition = START_OF_LOG;
  private state: RelayState = 'stopped';
  private published = 0;
  private failures = 0;
  private lastError: string | undefined;
  private lastProbe = 0;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: KafkaRelayOptions) {
    this.topic = options.topic ?? PAYER_EVENTS_TOPIC;
    this.checkpointName = options.checkpointName ?? `kafka:${this.topic}`;
    this.batchSize = options.batchSize ?? DEFAULT_RELAY_BATCH_SIZE;
    this.logger = options.logger ?? silent;
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'pass-numerique-relay',
      brokers: [...options.brokers],
      connectionTimeout: 3000,
      requestTimeout: 10_000,
      // kafkajs' own retries stay short: the relay's loop owns the long backoff and the reporting.
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
      logLevel: logLevel.NOTHING,
    });
  }

  /** Reads the checkpoint (the store must answer), then relays in the background until stop(). */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    this.state = 'starting';
    await ensureCheckpointTable(this.options.store.sql);
    this.checkpoint = await loadCheckpoint(this.options.store.sql, this.checkpointName);
    this.logger.info('relay starting', { topic: this.topic, checkpoint: this.checkpoint });
    this.loop = this.run();
  }

  /** Finishes the batch in flight (its checkpoint included), then disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.disconnect();
    this.state = 'stopped';
  }

  status(): RelayStatus {
    return {
      state: this.state,
      checkpoint: this.checkpoint,
      published: this.published,
      consecutiveFailures: this.failures,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  lag(): Promise<RelayLag> {
    return lagAfter(this.options.store.sql, this.checkpoint);
  }

  /** One step: read a batch after the checkpoint, publish it, save the new checkpoint. */
  async relayOnce(): Promise<number> {
    const { store } = this.options;
    const events = await store.readAll(this.checkpoint, this.batchSize);
    if (events.length === 0) {
      await this.probeWhenIdle();
      return 0;
    }
    const records = [];
    for (const event of events) {
      this.directory.learn(event);
      const missing = this.directory.missingStreamFor(event);
      if (missing) {
        const [first] = await store.readStream(missing);
        if (first) this.directory.learn(first);
      }
      records.push(...toPayerMessages(event, this.directory, this.options.source ?? DEFAULT_CE_SOURCE));
    }
    if (records.length > 0) {
      const producer = await this.connected();
      for (const messages of inRequestsOfAtMost(records.map(toKafkaRecord)))
        await producer.send({ topic: this.topic, acks: -1, messages });
    }
    const last = events[events.length - 1].position;
    await saveCheckpoint(store.sql, this.checkpointName, last);
    this.checkpoint = last;
    this.published += records.length;
    return events.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const handled = await this.relayOnce();
        this.recovered();
        if (handled < this.batchSize) await this.sleep(this.options.pollIntervalMs ?? 200);
      } catch (error) {
        if (this.stopping) break;
        this.failed(error);
        await this.disconnect();
        await this.sleep(backoffDelay(this.failures - 1, this.options.backoff ?? DEFAULT_BACKOFF));
      }
    }
  }

  private recovered(): void {
    if (this.failures > 0) this.logger.info('relay recovered', { after: this.failures });
    this.failures = 0;
    this.lastError = undefined;
    this.state = 'running';
  }

  private failed(error: unknown): void {
    this.failures += 1;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.state = 'degraded';
    // Log the first failure, then every tenth: a broker down for an hour must not flood the logs.
    if (this.failures === 1 || this.failures % 10 === 0)
      this.logger.warn('relay cannot publish, retrying with backoff', {
        error: this.lastError,
        attempts: this.failures,
      });
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    const admin = this.kafka.admin();
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    });
    try {
      await admin.connect();
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: this.topic, numPartitions: this.options.partitions ?? 6, replicationFactor: 1 }],
      });
      await producer.connect();
    } catch (error) {
      await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
      throw error;
    }
    this.admin = admin;
    this.producer = producer;
    this.lastProbe = Date.now();
    return producer;
  }

  /** Caught up, nothing to send: still find out, now and then, whether the broker answers. */
  private async probeWhenIdle(): Promise<void> {
    if (this.producer && Date.now() - this.lastProbe < (this.options.probeIntervalMs ?? 5000)) return;
    await this.connected();
    await this.admin!.fetchTopicMetadata({ topics: [this.topic] });
    this.lastProbe = Date.now();
  }

  /**
   * After a failure the producer is dropped: a new one gets a new producer id, so the batch is
   * re-sent whole rather than with sequence numbers the broker may have lost track of.
   */
  private async disconnect(): Promise<void> {
    const { producer, admin } = this;
    this.producer = undefined;
    this.admin = undefined;
    await Promise.allSettled([producer?.disconnect(), admin?.disconnect()]);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
