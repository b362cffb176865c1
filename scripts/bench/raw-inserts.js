// Item 1, the physical limit: raw single-row inserts per second through `pg` at several pool sizes.
const { Pool } = require('pg');
const { benchDatabaseUrl, freshSchema, dropSchema, median, repeat, runConcurrently } = require('./support');

async function insertsPerSecond(schema, connections, count) {
  const pool = new Pool({
    connectionString: benchDatabaseUrl(),
    max: connections,
    options: `-c search_path=${schema}`,
  });
  try {
    await pool.query('truncate raw_inserts');
    const payload = JSON.stringify({ voucherId: 'bk_0123456789abcdef-01', amountCents: 1000 });
    const started = process.hrtime.bigint();
    await runConcurrently(count, connections, () =>
      pool.query('insert into raw_inserts (payload) values ($1)', [payload]),
    );
    return count / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await pool.end();
  }
}

async function rawInserts({ quick, runs }) {
  const schema = await freshSchema('bench_raw');
  const setup = new Pool({
    connectionString: benchDatabaseUrl(),
    max: 1,
    options: `-c search_path=${schema}`,
  });
  await setup.query('create table raw_inserts (id bigserial primary key, payload jsonb not null)');
  await setup.end();
  const count = quick ? 2_000 : 20_000;
  const rows = [];
  try {
    for (const connections of [1, 4, 16, 32]) {
      const figures = await repeat(runs, () => insertsPerSecond(schema, connections, count));
      rows.push({ connections, figures, median: median(figures) });
    }
  } finally {
    await dropSchema(schema);
  }
  return { count, rows };
}

module.exports = { rawInserts };
