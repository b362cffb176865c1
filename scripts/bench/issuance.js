// Item 4: issuing vouchers over HTTP in requests of 1,000 books of 10 (the payer's bulk order).
const { freshSchema, dropSchema, runConcurrently } = require('./support');
const { startService, token, call } = require('./service');

async function issuance({ quick, port = 3901 }) {
  const vouchers = quick ? 20_000 : 1_000_000;
  const booksPerRequest = 1_000;
  const requests = vouchers / (booksPerRequest * 10);
  const schema = await freshSchema('bench_issue');
  const service = await startService(schema, port);
  try {
    const payer = await token('payer', '200054781');
    const { programmeId } = await call(service.baseUrl, payer, 'POST', '/v1/programmes', {
      name: 'Bench issuance',
      territory: { departements: ['33'] },
      faceValueCents: 1000,
      budgetCents: vouchers * 1000,
      validFrom: '2020-01-01T00:00:00Z',
      validUntil: '2099-01-01T00:00:00Z',
    });
    const started = process.hrtime.bigint();
    // Two requests in flight: they contend on the programme stream (its budget), as real bulk orders would.
    await runConcurrently(requests, 2, () =>
      call(service.baseUrl, payer, 'POST', `/v1/programmes/${programmeId}/books`, {
        books: booksPerRequest,
        vouchersPerBook: 10,
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { vouchers, requests, seconds, perSecond: vouchers / seconds };
  } finally {
    await service.stop();
    await dropSchema(schema);
  }
}

module.exports = { issuance };
