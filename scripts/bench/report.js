// Writes BENCHMARKS.md (or `out`) from the figures of one `npm run bench` run.
const { readFileSync, writeFileSync } = require('node:fs');
const { cpus } = require('node:os');
const { join } = require('node:path');
const { goals } = require('./goals');
const { databaseConnection, fmt } = require('./support');

/** The goals against this run's figures, first in the report. */
function goalsSummary(run) {
  const verdict = (met) => (met === undefined ? '–' : met ? 'yes' : 'no');
  return [
    '## Goals in this run',
    '',
    '| goal | this run (medians) | met |',
    '|---|---|---|',
    ...goals(run).map((g) => `| ${g.goal} | ${g.measured} | ${verdict(g.met)} |`),
    '',
    ...(run.quick
      ? ['A quick run measures reduced sizes: its figures are a smoke test, not a verdict.', '']
      : []),
  ];
}

/** What the machine's CPU alone allows at the busiest production level's cost per redemption. */
function cpuCeiling(http) {
  const busiest = http.rows
    .filter((row) => row.projector && row.loader === 'lean')
    .reduce((most, row) => (row.connections > most.connections ? row : most), { connections: 0 });
  if (busiest?.machineCpuMs === undefined) return [];
  const cores = cpus().length;
  return [
    '',
    `At ${busiest.connections} connections the machine spent ${fmt(busiest.machineCpuMs, 2)} ms of CPU per redemption: its ${cores}`,
    `cores cannot do more than ${fmt((cores * 1000) / busiest.machineCpuMs)} redemptions/s at that cost; 3,000/s needs ≤ ${fmt((cores * 1000) / 3000, 2)} ms.`,
  ];
}

function report({ quick, runs, seconds, machine, date, raw, stores, http, issue, followers, out }) {
  const rawAt = (connections) => raw.rows.find((row) => row.connections === connections).median;
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${date}: ${machine}.`,
    `Every process reaches PostgreSQL through ${databaseConnection()} (\`BENCH_DATABASE_URL\`).`,
    `Each figure is the median of ${runs} runs; ratios compare figures measured side by side in the same run.`,
    'The machine is shared and noisy: read the ratios, not the absolute numbers.',
    '',
    ...goalsSummary({ quick, seconds, http, issue, followers }),
    '## 1. Physical limit: raw single-row inserts through `pg`',
    '',
    `${fmt(raw.count)} inserts of a small JSON row, one statement each, autocommit.`,
    '',
    '| connections | inserts/s (median) | runs |',
    '|---|---|---|',
    ...raw.rows.map(
      (row) => `| ${row.connections} | ${fmt(row.median)} | ${row.figures.map((f) => fmt(f)).join(', ')} |`,
    ),
    '',
    '## 2. Event store: ours against Emmett on the same database',
    '',
    `${fmt(stores.count)} appends, each opening a stream with one event, ${stores.concurrency} in flight; then the`,
    `whole global log read ${stores.readPasses} times in pages of ${fmt(stores.pageSize)}: the first pass, which also sets the fresh`,
    "rows' hint bits, and the median of the others. PGlite: one connection, half the appends.",
    '',
    '| store | appends/s | global read events/s, first pass | global read events/s, later passes |',
    '|---|---|---|---|',
    ...[
      ['ours, PostgreSQL', stores.ours],
      ['Emmett, PostgreSQL', stores.emmett],
      ['ours, PGlite (embedded)', stores.pglite],
    ].map(
      ([name, store]) =>
        `| ${name} | ${fmt(store.appends.median)} | ${fmt(store.firstReads.median)} | ${fmt(store.reads.median)} |`,
    ),
    '',
    `Ratio ours / Emmett: appends ${fmt(stores.ours.appends.median / stores.emmett.appends.median, 2)}, ` +
      `reads ${fmt(stores.ours.firstReads.median / stores.emmett.firstReads.median, 2)} (first pass) and ` +
      `${fmt(stores.ours.reads.median / stores.emmett.reads.median, 2)} (later passes).`,
    `Ratio of our appends to raw inserts at ${stores.concurrency} connections: ${fmt(stores.ours.appends.median / rawAt(16), 2)}.`,
    '',
    '## 3. Redemptions over HTTP',
    '',
    `The service on PostgreSQL as README.md has it for production: the API (pool of 16, started with`,
    '`PROJECTIONS_IN_PROCESS=false`) and apps/projector, each its own process on these cores; the last',
    "row is `npm start`'s layout, projectors inside the API. " +
      `${fmt(http.perLevel)} pre-issued, handed-out vouchers per run,`,
    'each redeemed once by QR with its own Idempotency-Key, measured after',
    `${fmt(http.warmUp)} redemptions of other vouchers on the same process (a warm process, as in service).`,
    'The load comes from this machine: the lean generator (scripts/bench/http-load.js: keep-alive sockets,',
    'requests built before the clock starts) or, in one row, autocannon, which earlier reports used.',
    "The runs go round the levels (every level's first run, then every level's second...).",
    '',
    '| connections | projectors | load | redemptions/s (median) | runs | p50 ms | p99 ms | read models and payables caught up, ms after the last answer | failures | vs raw inserts at 32 | CPU ms per redemption: API / projector / PostgreSQL / load generator / machine |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...http.rows.map(
      (row) =>
        `| ${row.connections} | ${row.projector ? 'own process' : 'in the API'} | ${row.loader} | ${fmt(row.perSecond)} | ${row.figures.map((f) => fmt(f.perSecond)).join(', ')} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${fmt(row.caughtUpMs)} | ${row.failures} | ${fmt(row.perSecond / rawAt(32), 2)} | ${row.apiCpuMs === undefined ? 'n/a' : [row.apiCpuMs, row.projector ? row.projectorCpuMs : undefined, row.postgresCpuMs, row.loaderCpuMs, row.machineCpuMs].map((ms) => (ms === undefined ? '–' : fmt(ms, 2))).join(' / ')} |`,
    ),
    '',
    'CPU time (from /proc) of the API and projector processes, of all PostgreSQL processes, of the load',
    'generator and of the whole machine (the kernel included), from the start of the load until the read',
    "models hold every event and the settlement's payables reactor has recorded every redemption (the",
    'generator: during the load), divided by the redemptions: steadier than the rates on a shared machine.',
    'They are polled every 100 ms during a run.',
    ...cpuCeiling(http),
    '',
    'Project goal: ≥ 3,000/s with p99 ≤ 50 ms on 2 cores.',
    '',
    '## 4. Issuance',
    '',
    `${fmt(issue.vouchers)} vouchers in ${issue.requests} requests of 1,000 books of 10 (2 in flight): ` +
      `${fmt(issue.seconds, 1)} s, ${fmt(issue.perSecond)} vouchers/s (goal: 1,000,000 in ≤ 60 s).`,
    '',
    '## 5. Following the log: projection rebuild and Kafka relay',
    '',
    `A log of ${fmt(followers.events)} events seeded through the store (books of 20 issued, handed out, 16 vouchers`,
    'of each redeemed). Each projection rebuilt from position zero into new tables (read in batches of ' +
      `${fmt(followers.batchEvents)} events,`,
    `written through a window of ${fmt(followers.windowRows)} rows: rebuild/write-behind-window.ts);`,
    'then the relay publishing every payer message to the real broker (steps of 1,000 events, acks from',
    'all in-sync replicas, checkpoint after each step).',
    '',
    '| follower | events/s (median) | runs |',
    '|---|---|---|',
    ...Object.entries(followers.rebuilds).map(
      ([name, r]) => `| rebuild ${name} | ${fmt(r.median)} | ${r.figures.map((f) => fmt(f)).join(', ')} |`,
    ),
    `| Kafka relay | ${fmt(followers.relay.median)} | ${followers.relay.figures.map((f) => fmt(f)).join(', ')} |`,
    '',
    'Goals: rebuild ≥ 50,000 events/s, relay ≥ 20,000 events/s.',
    '',
    // What profiling found is written by hand, so that a new run keeps it.
    readFileSync(join(__dirname, 'findings.md'), 'utf8').trimEnd(),
  ];
  writeFileSync(out, `${lines.join('\n')}\n`);
}

module.exports = { report };
