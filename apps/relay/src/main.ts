/**
 * The relay as its own process: `npm run relay`. Opens the event store the way the API does
 * (DATABASE_URL, else the embedded store in DATA_DIR — which only one process may open, so with
 * PGlite run the relay in the API instead) and publishes payer events to KAFKA_BROKERS until
 * SIGTERM. Run the API with RELAY_IN_PROCESS=false next to it.
 */
import pino from 'pino';
import { openEventStore, preparedStatementsSetting } from '@pass/event-store';
import { KafkaRelay, relayConfigFrom, type RelayLogger } from '@pass/messaging';

const LAG_LOG_INTERVAL_MS = 30_000;

async function main(): Promise<void> {
  const log = pino({ name: 'relay', level: process.env.LOG_LEVEL || 'info' });
  const config = relayConfigFrom(process.env);
  if (!config) throw new Error('set KAFKA_BROKERS (e.g. 127.0.0.1:9092) to run the relay');
  const store = await openEventStore({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR === undefined ? './data' : process.env.DATA_DIR || undefined,
    schema: process.env.DATABASE_SCHEMA || undefined,
    poolSize: 2,
    preparedStatements: preparedStatementsSetting(process.env.DATABASE_PREPARED_STATEMENTS),
  });
  const logger: RelayLogger = {
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
  };
  const relay = new KafkaRelay({
    store,
    brokers: config.brokers,
    topic: config.topic,
    clientId: config.clientId,
    batchSize: config.batchSize,
    partitions: config.partitions,
    source: config.source,
    logger,
  });
  await relay.start();
  log.info({ brokers: config.brokers, topic: config.topic }, 'relay running');

  // No HTTP server here: the lag goes to the log (the API's /metrics has it when the relay runs in-process).
  const lagTimer = setInterval(() => {
    relay.lag().then(
      (lag) => log.info({ ...lag, ...relay.status() }, 'relay lag'),
      (error: Error) => log.warn({ error: error.message }, 'relay lag unknown'),
    );
  }, LAG_LOG_INTERVAL_MS);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(lagTimer);
    log.info({ signal }, 'relay stopping');
    try {
      await relay.stop();
      await store.close();
      log.info(relay.status(), 'relay stopped');
      process.exit(0);
    } catch (error) {
      log.error({ error: (error as Error).message }, 'relay did not stop cleanly');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
