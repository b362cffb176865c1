// Item 3: redemptions over HTTP with autocannon, each voucher redeemed once, at rising concurrency.
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const autocannon = require('autocannon');
const { BENCH_DATABASE_URL, freshSchema, dropSchema, median } = require('./support');
const { startService, prepareVouchers } = require('./service');
const { cpuMilliseconds, cpuPer } = require('./cpu-time');

/**
 * autocannon notices that `amount` requests are done only on its one-second tick, so its
 * `duration` overstates a run by up to a second: the rate is taken from the last answer instead.
 */
async function load(baseUrl, venueToken, qrs, connections, keyPrefix = 'bench') {
  let next = 0;
  let lastAnswerAt = 0;
  const startedAt = performance.now();
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: qrs.length,
    requests: [
      {
        method: 'POST',
        path: '/v1/redemptions',
        setupRequest: (request) => {
          const index = next++;
          return {
            ...request,
            headers: {
              Authorization: `Bearer ${venueToken}`,
              'Content-Type': 'application/json',
              'Idempotency-Key': `${keyPrefix}-${index}-${qrs[index % qrs.length].slice(-12)}`,
            },
            body: JSON.stringify({ qr: qrs[index % qrs.length] }),
          };
        },
        onResponse: () => {
          lastAnswerAt = performance.now();
        },
      },
    ],
  });
  return { ...result, seconds: (lastAnswerAt - startedAt) / 1000, lastAnswerAt };
}

const dist = (path) => require(join(__dirname, '../../dist', path));

/**
 * Polls the read models' lag (every 100 ms) while the load runs, so that a run also says how long
 * after the last answer every projection held every event: the work a projector defers is not free.
 * Not waitUntilProjected: it could only start once autocannon returns, up to a second after the
 * last answer (see `load`).
 */
async function watchReadModels(schema) {
  const { PostgresEventStore } = dist('libs/event-store/src');
  const { allProjections, measureLag } = dist('libs/projections/src');
  const names = allProjections().map((projection) => projection.name);
  const store = await PostgresEventStore.connect({ connectionString: BENCH_DATABASE_URL, schema, max: 2 });
  const samples = [];
  let watching = true;
  const polling = (async () => {
    while (watching) {
      const lags = await measureLag(store.sql, names);
      samples.push({ at: performance.now(), behind: lags.reduce((sum, lag) => sum + lag.eventsBehind, 0) });
      await sleep(100);
    }
  })();
  return {
    /** Milliseconds from `lastAnswerAt` to the first poll that found nothing left to project. */
    async caughtUpAfter(lastAnswerAt) {
      const deadline = performance.now() + 120_000;
      let caughtUp;
      while (!caughtUp && performance.now() < deadline) {
        caughtUp = samples.find((sample) => sample.at > lastAnswerAt && sample.behind === 0);
        if (!caughtUp) await sleep(50);
      }
      watching = false;
      await polling;
      await store.close();
      if (!caughtUp) throw new Error('the read models did not catch up within 2 minutes of the load');
      return caughtUp.at - lastAnswerAt;
    },
  };
}

/**
 * Redemptions measured on a warm process: a service runs for months, and the first thousands of
 * requests of a fresh one pay for V8's compilation (API CPU per redemption ~30 % higher after none,
 * ~13 % higher after 2,000 than after 6,000: see findings.md). The warm-up redeems vouchers of its
 * own, so each voucher is still redeemed once.
 */
async function httpRedemptions({ quick, runs, port = 3900 }) {
  const perLevel = quick ? 1_000 : 4_000;
  const warmUp = quick ? 500 : 6_000;
  // The production layout at each level, and `npm start`'s (projectors inside the API) at one.
  const levels = quick
    ? [{ connections: 16, projector: true }]
    : [
        { connections: 8, projector: true },
        { connections: 32, projector: true },
        { connections: 64, projector: true },
        { connections: 32, projector: false },
      ];
  const rows = [];
  for (const { connections, projector } of levels) {
    const figures = [];
    for (let run = 0; run < runs; run++)
      figures.push(await measureOnce({ connections, projector, perLevel, warmUp, port }));
    rows.push({
      connections,
      projector,
      figures,
      perSecond: median(figures.map((f) => f.perSecond)),
      p50: median(figures.map((f) => f.p50)),
      p99: median(figures.map((f) => f.p99)),
      caughtUpMs: median(figures.map((f) => f.caughtUpMs)),
      apiCpuMs: cpuMedian(figures.map((f) => f.apiCpuMs)),
      projectorCpuMs: cpuMedian(figures.map((f) => f.projectorCpuMs)),
      postgresCpuMs: cpuMedian(figures.map((f) => f.postgresCpuMs)),
      machineCpuMs: cpuMedian(figures.map((f) => f.machineCpuMs)),
      failures: figures.reduce((sum, f) => sum + f.non2xx + f.errors, 0),
    });
  }
  return { perLevel, warmUp, rows };
}

async function measureOnce({ connections, projector, perLevel, warmUp, port }) {
  const schema = await freshSchema('bench_http');
  const service = await startService(schema, port, {}, { projector });
  try {
    const { venueToken, qrs: prepared } = await prepareVouchers(service.baseUrl, warmUp + perLevel);
    const warm = await load(service.baseUrl, venueToken, prepared.slice(0, warmUp), connections, 'warm-up');
    if (warm.non2xx + warm.errors > 0) throw new Error(`warm-up: ${warm.non2xx + warm.errors} failures`);
    const processes = { api: service.pid, projector: service.projectorPid };
    const readModels = await watchReadModels(schema);
    const cpuBefore = cpuMilliseconds(processes);
    const result = await load(service.baseUrl, venueToken, prepared.slice(warmUp), connections);
    const created = result['2xx'];
    // CPU up to the moment the read models hold every event: a projector's deferred work counts.
    const caughtUpMs = await readModels.caughtUpAfter(result.lastAnswerAt);
    const cpu = cpuPer(cpuBefore, cpuMilliseconds(processes), created);
    return {
      apiCpuMs: cpu?.api,
      projectorCpuMs: cpu?.projector,
      postgresCpuMs: cpu?.postgres,
      machineCpuMs: cpu?.machine,
      perSecond: created / result.seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      caughtUpMs,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    await service.stop();
    await dropSchema(schema);
  }
}

function cpuMedian(values) {
  return values.includes(undefined) ? undefined : median(values);
}

module.exports = { httpRedemptions };
