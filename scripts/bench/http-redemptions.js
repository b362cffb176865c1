// Item 3: redemptions over HTTP with autocannon, each voucher redeemed once, at rising concurrency.
const { performance } = require('node:perf_hooks');
const autocannon = require('autocannon');
const { freshSchema, dropSchema, median } = require('./support');
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
  return { ...result, seconds: (lastAnswerAt - startedAt) / 1000 };
}

/**
 * Redemptions measured on a warm process: a service runs for months, and the first thousands of
 * requests of a fresh one pay for V8's compilation (API CPU per redemption ~30 % higher, see
 * findings.md). The warm-up redeems vouchers of its own, so each voucher is still redeemed once.
 */
async function httpRedemptions({ quick, runs, port = 3900 }) {
  const levels = quick ? [16] : [8, 32, 64];
  const perLevel = quick ? 1_000 : 4_000;
  const warmUp = quick ? 500 : 2_000;
  const rows = [];
  for (const connections of levels) {
    const figures = [];
    for (let run = 0; run < runs; run++) {
      const schema = await freshSchema('bench_http');
      const service = await startService(schema, port);
      try {
        const { venueToken, qrs: prepared } = await prepareVouchers(service.baseUrl, warmUp + perLevel);
        const warm = await load(
          service.baseUrl,
          venueToken,
          prepared.slice(0, warmUp),
          connections,
          'warm-up',
        );
        if (warm.non2xx + warm.errors > 0) throw new Error(`warm-up: ${warm.non2xx + warm.errors} failures`);
        const qrs = prepared.slice(warmUp);
        const cpuBefore = cpuMilliseconds(service.pid);
        const result = await load(service.baseUrl, venueToken, qrs, connections);
        const created = result['2xx'];
        const cpu = cpuPer(cpuBefore, cpuMilliseconds(service.pid), created);
        figures.push({
          apiCpuMs: cpu?.api,
          postgresCpuMs: cpu?.postgres,
          machineCpuMs: cpu?.machine,
          perSecond: created / result.seconds,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      } finally {
        await service.stop();
        await dropSchema(schema);
      }
    }
    rows.push({
      connections,
      figures,
      perSecond: median(figures.map((f) => f.perSecond)),
      p50: median(figures.map((f) => f.p50)),
      p99: median(figures.map((f) => f.p99)),
      apiCpuMs: cpuMedian(figures.map((f) => f.apiCpuMs)),
      postgresCpuMs: cpuMedian(figures.map((f) => f.postgresCpuMs)),
      machineCpuMs: cpuMedian(figures.map((f) => f.machineCpuMs)),
      failures: figures.reduce((sum, f) => sum + f.non2xx + f.errors, 0),
    });
  }
  return { perLevel, warmUp, rows };
}

function cpuMedian(values) {
  return values.includes(undefined) ? undefined : median(values);
}

module.exports = { httpRedemptions };
