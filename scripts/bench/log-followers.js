// Item 5: projection rebuild events/s, and Kafka relay events/s to the real broker.
const { execSync } = require('node:child_process');
const { connect } = require('node:net');
const { join } = require('node:path');
const { benchDatabaseUrl, freshSchema, dropSchema, median } = require('./support');
const { seedLog } = require('./seed-log');

const dist = (path) => require(join(__dirname, '../../dist', path));

/** Any broker answering at KAFKA_BROKERS (default 127.0.0.1:9092) is used; otherwise the bench starts one. */
function brokerAnswers() {
  const [host, port] = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    const answer = (answers) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(2000);
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
    socket.once('timeout', () => answer(false));
  });
}

async function relayEventsPerSecond(store, events) {
  const { KafkaRelay, ensureCheckpointTable } = dist('libs/messaging/src');
  await ensureCheckpointTable(store.sql);
  const tag = Date.now().toString(36);
  const relay = new KafkaRelay({
    store,
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    topic: `bench.payer-events.${tag}`,
    checkpointName: `bench-${tag}`,
    batchSize: 1000, // the relay's default (RELAY_BATCH_SIZE)
  });
  const started = process.hrtime.bigint();
  let relayed = 0;
  for (;;) {
    const step = await relay.relayOnce();
    if (step === 0) break;
    relayed += step;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await relay.stop();
  if (relayed !== events) throw new Error(`the relay published ${relayed} of ${events} events`);
  return relayed / seconds;
}

async function logFollowers({ quick, runs }) {
  const { PostgresEventStore } = dist('libs/event-store/src');
  const { allProjections, rebuildProjection, DEFAULT_REBUILD_BATCH_EVENTS, DEFAULT_WINDOW_ROWS } =
    dist('libs/projections/src');
  const books = quick ? 500 : 5_000;
  const schema = await freshSchema('bench_follow');
  const store = await PostgresEventStore.connect({ connectionString: benchDatabaseUrl(), schema, max: 8 });
  const startedBroker = !(await brokerAnswers());
  try {
    const events = await seedLog(store, { books });
    const rebuilds = {};
    for (const projection of allProjections()) {
      const figures = [];
      for (let run = 0; run < runs; run++) {
        const rebuilt = await rebuildProjection(store, projection); // the command's batches and window
        if (rebuilt.events !== events)
          throw new Error(`the ${projection.name} rebuild read ${rebuilt.events} of ${events} events`);
        figures.push(rebuilt.eventsPerSecond);
      }
      rebuilds[projection.name] = { figures, median: median(figures) };
    }
    if (startedBroker)
      execSync('bash infra/kafka/kafka.sh start', { cwd: join(__dirname, '../..'), stdio: 'inherit' });
    const relayFigures = [];
    for (let run = 0; run < runs; run++) relayFigures.push(await relayEventsPerSecond(store, events));
    return {
      events,
      batchEvents: DEFAULT_REBUILD_BATCH_EVENTS,
      windowRows: DEFAULT_WINDOW_ROWS,
      rebuilds,
      relay: { figures: relayFigures, median: median(relayFigures) },
    };
  } finally {
    await store.close();
    await dropSchema(schema);
    if (startedBroker)
      execSync('bash infra/kafka/kafka.sh stop', { cwd: join(__dirname, '../..'), stdio: 'inherit' });
  }
}

module.exports = { logFollowers };
