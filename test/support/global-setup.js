// Decides once, before any worker starts, whether PostgreSQL-backed suites can run.
// Workers inherit process.env, so suites read PASS_TEST_POSTGRES synchronously.
// In CI (CI=true or REQUIRE_POSTGRES=1) an unreachable database fails the run instead of skipping.
const { Client } = require('pg');
const { probeKafka } = require('./kafka-probe');

async function probePostgres() {
  const url = process.env.DATABASE_URL;
  const required = process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === '1';
  let reason = 'DATABASE_URL is not set';
  if (url) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
      process.env.PASS_TEST_POSTGRES = 'available';
      return;
    } catch (error) {
      reason = `PostgreSQL at DATABASE_URL is unreachable: ${error.message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (required) throw new Error(`PostgreSQL is required in CI but ${reason}`);
  process.env.PASS_TEST_POSTGRES = reason;
  console.warn(`\n[tests] PostgreSQL-backed suites are SKIPPED: ${reason}\n`);
}

module.exports = async function globalSetup() {
  await probePostgres();
  await probeKafka();
};
