// Decides once, before any worker starts, whether Kafka-backed suites can run (see kafka.ts).
// The broker is KAFKA_BROKERS or the one of `npm run kafka:start` (127.0.0.1:9092).
// In CI (CI=true or REQUIRE_KAFKA=1) an unreachable broker fails the run instead of skipping.
const { Kafka, logLevel } = require('kafkajs');

async function probeKafka() {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((broker) => broker.trim());
  const required = process.env.CI === 'true' || process.env.REQUIRE_KAFKA === '1';
  process.env.PASS_TEST_KAFKA_BROKERS = brokers.join(',');
  const admin = new Kafka({
    clientId: 'pass-test-probe',
    brokers,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 1, initialRetryTime: 300 },
    logLevel: logLevel.NOTHING,
  }).admin();
  let reason;
  try {
    await admin.connect();
    await admin.describeCluster();
    process.env.PASS_TEST_KAFKA = 'available';
    return;
  } catch (error) {
    reason = `Kafka at ${brokers.join(',')} is unreachable (${error.message}); start it with npm run kafka:start`;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  if (required) throw new Error(`Kafka is required in CI but ${reason}`);
  process.env.PASS_TEST_KAFKA = reason;
  console.warn(`\n[tests] Kafka-backed suites are SKIPPED: ${reason}\n`);
}

module.exports = { probeKafka };
