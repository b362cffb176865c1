// Item 3: redemptions over HTTP with autocannon, each voucher redeemed once, at rising concurrency.
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const autocannon = require('autocannon');
const { benchDatabaseUrl, freshSchema, dropSchema, median, percentile } = require('./support');
const { httpLoad, postRequest } = require('./http-load');
const { startService, prepareVouchers } = require('./service');
const { cpuMilliseconds, cpuPer } = require('./cpu-time');

const redemption = (venueToken, qr, key) => ({
  headers: { Authorization: `Bearer ${venueToken}`, 'Idempotency-Key': `${key}-${qr.slice(-12)}` },
  body: { qr },
});

/**
 * The lean generator (http-load.js): every request built before the clock starts, latencies
 * measured per request to the microsecond.
 */
async function leanLoad(baseUrl, venueToken, qrs, connections, keyPrefix) {
  const requests = qrs.map((qr, index) => {
    const { headers, body } = redemption(venueToken, qr, `${keyPrefix}-${index}`);
    return postRequest('/v1/redemptions', headers, body);
  });
  const result = await httpLoad({ port: Number(new URL(baseUrl).port), connections, requests });
  const created = result.statuses.get(201) ?? 0;
  return {
    created,
    failures: requests.length - created,
    seconds: result.seconds,
    lastAnswerAt: result.lastAnswerAt,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
  };
}

/**
 * autocannon, kept for comparison with earlier reports. It notices that `amount` requests are
 * done only on its one-second tick, so its `duration` overstates a run by up to a second: the rate
 * is taken from the last answer instead.
 */
async function autocannonLoad(baseUrl, venueToken, qrs, connections, keyPrefix) {
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
          const { headers, body } = redemption(venueToken, qrs[index % qrs.length], `${keyPrefix}-${index}`);
          return {
            ...request,
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          };
        },
        onResponse: () => {
          lastAnswerAt = performance.now();
        },
      },
    ],
  });
  return {
    created: result['2xx'],
    failures: result.non2xx + result.errors,
    seconds: (lastAnswerAt - startedAt) / 1000,
    lastAnswerAt,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

const LOADERS = { lean: leanLoad, autocannon: autocannonLoad };

const dist = (path) => require(join(__dirname, '../../dist', path));

/**
 * Redemptions the settlement's payables reactor (in the API) has not recorded yet: it turns them
 * into payables some time after their answer, and its own appends are then projected in turn. Its
 * own last PayablesRecorded waits for its next poll to be read past, which delays nobody: not counted.
 */
async function payablesBehind(sql) {
  const { readCheckpoint } = dist('apps/api/src/settlements/payables/settlement-tables');
  const checkpoint = (await readCheckpoint(sql, 'settlement-payables')) ?? {
    transactionId: '0',
    globalPosition: '0',
  };
  const [row] = await sql.query(
    `select count(*)::int as behind from events e
      where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) and e.type = 'VoucherRedeemed.v1'`,
    [checkpoint.transactionId, checkpoint.globalPosition],
  );
  return row.behind;
}

/**
 * Polls the read models' lag (every 100 ms) while the load runs, so that a run also says how long
 * after the last answer every projection held every event, the payables reactor's included: the
 * work a projector or a reactor defers is not free.
 * Not waitUntilProjected: it could only start once the load returns, with autocannon up to a
 * second after the last answer (see autocannonLoad).
 */
async function watchReadModels(schema) {
  const { PostgresEventStore } = dist('libs/event-store/src');
  const { allProjections, measureLag } = dist('libs/projections/src');
  const names = allProjections().map((projection) => projection.name);
  const store = await PostgresEventStore.connect({ connectionString: benchDatabaseUrl(), schema, max: 2 });
  const samples = [];
  let watching = true;
  const polling = (async () => {
    while (watching) {
      const lags = await measureLag(store.sql, names);
      const behind = lags.reduce((sum, lag) => sum + lag.eventsBehind, await payablesBehind(store.sql));
      samples.push({ at: performance.now(), behind });
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
  // The production layout at each level, and at one level `npm start`'s (projectors inside the
  // API) and autocannon (the load generator of earlier reports, to compare with them).
  const levels = quick
    ? [{ connections: 16, projector: true, loader: 'lean' }]
    : [
        { connections: 8, projector: true, loader: 'lean' },
        { connections: 32, projector: true, loader: 'lean' },
        { connections: 64, projector: true, loader: 'lean' },
        { connections: 32, projector: true, loader: 'autocannon' },
        { connections: 32, projector: false, loader: 'lean' },
      ];
  // Runs go round the levels (each level's first run, then each one's second...): a slow period of
  // this shared machine, which can last minutes, then weighs on every level instead of one.
  const figuresByLevel = levels.map(() => []);
  for (let run = 0; run < runs; run++)
    for (const [index, level] of levels.entries())
      figuresByLevel[index].push(await measureOnce({ ...level, perLevel, warmUp, port }));
  const rows = levels.map(({ connections, projector, loader }, index) => {
    const figures = figuresByLevel[index];
    return {
      connections,
      projector,
      loader,
      figures,
      perSecond: median(figures.map((f) => f.perSecond)),
      p50: median(figures.map((f) => f.p50)),
      p99: median(figures.map((f) => f.p99)),
      caughtUpMs: median(figures.map((f) => f.caughtUpMs)),
      apiCpuMs: cpuMedian(figures.map((f) => f.apiCpuMs)),
      projectorCpuMs: cpuMedian(figures.map((f) => f.projectorCpuMs)),
      postgresCpuMs: cpuMedian(figures.map((f) => f.postgresCpuMs)),
      loaderCpuMs: median(figures.map((f) => f.loaderCpuMs)),
      machineCpuMs: cpuMedian(figures.map((f) => f.machineCpuMs)),
      failures: figures.reduce((sum, f) => sum + f.failures, 0),
    };
  });
  return { perLevel, warmUp, rows };
}

async function measureOnce({ connections, projector, loader, perLevel, warmUp, port }) {
  const load = LOADERS[loader];
  const schema = await freshSchema('bench_http');
  const service = await startService(schema, port, {}, { projector });
  try {
    const { venueToken, qrs: prepared } = await prepareVouchers(service.baseUrl, warmUp + perLevel);
    const warm = await load(service.baseUrl, venueToken, prepared.slice(0, warmUp), connections, 'warm-up');
    if (warm.failures > 0) throw new Error(`warm-up: ${warm.failures} failures`);
    const processes = { api: service.pid, projector: service.projectorPid };
    const readModels = await watchReadModels(schema);
    const cpuBefore = cpuMilliseconds(processes);
    const loaderCpuBefore = process.cpuUsage();
    const result = await load(service.baseUrl, venueToken, prepared.slice(warmUp), connections, 'bench');
    const loaderCpu = process.cpuUsage(loaderCpuBefore);
    const { created } = result;
    // CPU up to the moment the read models and the payables reactor hold every event: their
    // deferred work counts.
    const caughtUpMs = await readModels.caughtUpAfter(result.lastAnswerAt);
    const cpu = cpuPer(cpuBefore, cpuMilliseconds(processes), created);
    return {
      apiCpuMs: cpu?.api,
      projectorCpuMs: cpu?.projector,
      postgresCpuMs: cpu?.postgres,
      // This process's CPU during the load: the generator's (its requests built inside it too).
      loaderCpuMs: (loaderCpu.user + loaderCpu.system) / 1000 / created,
      machineCpuMs: cpu?.machine,
      perSecond: created / result.seconds,
      p50: result.p50,
      p99: result.p99,
      caughtUpMs,
      failures: result.failures,
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
