import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { ReceivedRecord } from '@pass/messaging/testing/payer-event-contract';

/** `describe` when a Kafka broker answers (see kafka-probe.js), otherwise a loud skip; CI fails instead. */
export const describeOnKafka: jest.Describe = (() => {
  if (process.env.PASS_TEST_KAFKA === 'available') return describe;
  return ((name: string, fn: () => void) =>
    describe.skip(`${name} [SKIPPED: ${process.env.PASS_TEST_KAFKA ?? 'no Kafka'}]`, fn)) as jest.Describe;
})();

export function kafkaBrokers(): string {
  return process.env.PASS_TEST_KAFKA_BROKERS || process.env.KAFKA_BROKERS || '127.0.0.1:9092';
}

/** A topic of its own per test: reruns and parallel suites never read each other's messages. */
export function uniqueTopic(prefix = 'test'): string {
  return `pass-numerique.payer-events.v1.${prefix}-${randomBytes(5).toString('hex')}`;
}

export function kafkaClient(clientId = 'pass-test'): Kafka {
  return new Kafka({
    clientId,
    brokers: kafkaBrokers().split(','),
    connectionTimeout: 3000,
    retry: { retries: 5, initialRetryTime: 200 },
    logLevel: logLevel.NOTHING,
  });
}

export async function createTopic(topic: string, partitions = 3): Promise<void> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopic(topic: string): Promise<void> {
  const admin = kafkaClient().admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics: [topic], timeout: 5000 });
  } catch {
    // Best effort: a leftover test topic only costs disk space.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface Received extends ReceivedRecord {
  readonly partition: number;
  readonly offset: string;
}

/**
 * Reads a topic from its beginning into `records` (arrival order per partition) until stopped.
 * `waitFor` polls the records with a deadline: no sleeps, no assumption about delivery time.
 */
export class TopicReader {
  readonly records: Received[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly topic: string) {}

  async start(): Promise<void> {
    this.consumer = kafkaClient('pass-test-reader').consumer({
      groupId: `test-reader-${randomBytes(5).toString('hex')}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      // A short fetch wait: disconnect() waits for the fetch in flight.
      maxWaitTimeInMs: 250,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {}))
          headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
        this.records.push({
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          headers,
          value: JSON.parse(message.value?.toString('utf8') ?? 'null'),
        });
      },
    });
  }

  async waitFor(done: (records: Received[]) => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.records)) {
      if (Date.now() > deadline)
        throw new Error(`timed out after ${timeoutMs} ms with ${this.records.length} records read`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

const KAFKA_SH = join(__dirname, '../../infra/kafka/kafka.sh');

/** The broker of infra/kafka (the one CI starts), driven through its script. */
export async function kafkaScript(
  command: 'start' | 'stop' | 'status',
): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', [KAFKA_SH, command], { timeout: 120_000 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
  }
}
