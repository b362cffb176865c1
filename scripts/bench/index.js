// `npm run bench [-- [--quick] [--out FILE]]`: measures on the machine's PostgreSQL and writes
// BENCHMARKS.md (or FILE: CI's smoke run writes its figures to a scratch file).
// Needs a build (it runs the compiled service as a separate process) and a PostgreSQL server at
// BENCH_DATABASE_URL (default the database pass_bench, created if missing, through the Unix socket when
// PostgreSQL lets us in there, else postgres://postgres@127.0.0.1:5432/pass_bench).
const { join } = require('node:path');
const { ensureBuild } = require('../ensure-build');
const { ensureBenchDatabase, machine } = require('./support');

async function main() {
  const runStarted = Date.now();
  const quick = process.argv.includes('--quick');
  const out = optionValue('--out') ?? join(__dirname, '../../BENCHMARKS.md');
  const runs = quick ? 1 : 3;
  ensureBuild();
  await ensureBenchDatabase();
  const { rawInserts } = require('./raw-inserts');
  const { eventStores } = require('./event-stores');
  const { httpRedemptions } = require('./http-redemptions');
  const { issuance } = require('./issuance');
  const { logFollowers } = require('./log-followers');
  const { report } = require('./report');

  const step = async (name, work) => {
    const started = Date.now();
    const result = await work();
    console.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const raw = await step('raw inserts', () => rawInserts({ quick, runs }));
  const stores = await step('event stores', () => eventStores({ quick, runs }));
  const http = await step('HTTP redemptions', () => httpRedemptions({ quick, runs }));
  const issue = await step('issuance', () => issuance({ quick }));
  const followers = await step('projection rebuild and Kafka relay', () => logFollowers({ quick, runs }));
  report({
    quick,
    runs,
    seconds: (Date.now() - runStarted) / 1000,
    machine: machine(),
    date: new Date().toISOString().slice(0, 10),
    raw,
    stores,
    http,
    issue,
    followers,
    out,
  });
  console.log(`${out} written`);
  // A run whose redemptions were refused measured something else: the figures stay for reading.
  const failed = http.rows.reduce((sum, row) => sum + row.failures, 0);
  if (failed > 0) throw new Error(`${failed} measured redemptions failed (see the failures column)`);
}

function optionValue(name) {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a file path`);
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
