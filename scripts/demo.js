// `npm run demo`: walks a programme → books → hand-over → redemptions against a running service
// (`npm start` in another terminal) and prints what happened. BASE_URL defaults to localhost:3000.
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { ensureBuild, root } = require('./ensure-build');

const baseUrl = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const PAYER = '200054781'; // the SIREN of a département, as an example

ensureBuild();
const { developmentJwtSecret } = require(join(root, 'dist/apps/api/src/config/development-secret.js'));
const { signDevelopmentToken } = require(join(root, 'dist/apps/api/src/auth/token-signer.js'));
const { isValidSiret } = require(join(root, 'dist/libs/domain/src/index.js'));
const secret = process.env.AUTH_JWT_SECRET || developmentJwtSecret(process.env.DATA_DIR ?? './data');

async function call(token, method, path, body, headers = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => undefined);
  return { status: response.status, body: answer };
}

function randomSiret() {
  const body = `8${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  for (let check = 0; check <= 9; check++) if (isValidSiret(`${body}${check}`)) return `${body}${check}`;
  throw new Error('no check digit fits');
}

function step(title, result) {
  const detail = result.body?.detail ? ` — ${result.body.detail}` : '';
  console.log(`${String(result.status).padEnd(4)} ${title}${detail}`);
  return result.body;
}

async function main() {
  const admin = await signDevelopmentToken(secret, { role: 'admin', org: 'operator' });
  const payer = await signDevelopmentToken(secret, { role: 'payer', org: PAYER });

  const { venueId } = step(
    'admin registers a venue in Bordeaux (33063)',
    await call(admin, 'POST', '/v1/venues', {
      siret: randomSiret(),
      name: 'Médiathèque Mériadeck',
      communeInsee: '33063',
    }),
  );
  step(
    'admin certifies it for a year',
    await call(admin, 'POST', `/v1/venues/${venueId}/certification`, {
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    }),
  );
  const venue = await signDevelopmentToken(secret, { role: 'venue', org: venueId });

  const { programmeId } = step(
    'the Gironde opens a programme: 10 € vouchers, 1,000 € budget',
    await call(payer, 'POST', '/v1/programmes', {
      name: 'Pass numérique Gironde (démo)',
      territory: { departements: ['33'] },
      faceValueCents: 1000,
      budgetCents: 100_000,
      validFrom: new Date(Date.now() - 86_400_000).toISOString(),
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    }),
  );
  const { books } = step(
    'it issues 2 books of 5 vouchers',
    await call(payer, 'POST', `/v1/programmes/${programmeId}/books`, {
      books: 2,
      vouchersPerBook: 5,
    }),
  );
  const [book] = books;
  console.log(
    `     book ${book.bookId}: first voucher ${book.vouchers[0].code} (print: GET /v1/books/${book.bookId}/print.pdf)`,
  );
  step(
    'a CCAS hands the first book to a beneficiary',
    await call(payer, 'POST', `/v1/books/${book.bookId}/distribution`, {
      distributorId: 'ccas-bordeaux',
      beneficiaryRef: 'dossier-0042',
    }),
  );

  const key = randomUUID();
  const scan = step(
    'the venue scans voucher 1 (QR)',
    await call(venue, 'POST', '/v1/redemptions', { qr: book.vouchers[0].qr }, { 'Idempotency-Key': key }),
  );
  console.log(`     redemption ${scan.redemptionId}: ${scan.amountCents} cents`);
  const retry = step(
    'the phone lost the answer and retries with the same key',
    await call(venue, 'POST', '/v1/redemptions', { qr: book.vouchers[0].qr }, { 'Idempotency-Key': key }),
  );
  console.log(`     same redemption: ${retry.redemptionId === scan.redemptionId}`);
  step(
    'someone scans voucher 1 again',
    await call(
      venue,
      'POST',
      '/v1/redemptions',
      { qr: book.vouchers[0].qr },
      { 'Idempotency-Key': randomUUID() },
    ),
  );
  const typed = step(
    'the venue types voucher 2 (damaged print) for a 6.50 € session',
    await call(
      venue,
      'POST',
      '/v1/redemptions',
      {
        code: book.vouchers[1].code,
        servicePriceCents: 650,
      },
      { 'Idempotency-Key': randomUUID() },
    ),
  );
  console.log(`     paid ${typed.amountCents} cents`);
  const { serviceId } = step(
    'the venue publishes a 2-voucher workshop on online procedures',
    await call(venue, 'POST', `/v1/venues/${venueId}/services`, {
      title: 'Atelier démarches en ligne',
      category: 'demarches-en-ligne',
      format: 'collective',
      durationMinutes: 120,
      priceInVouchers: 2,
      regulatedTariff: true,
    }),
  );
  const session = step(
    'the beneficiary pays the workshop with vouchers 3 and 4, all or none',
    await call(
      venue,
      'POST',
      '/v1/redemptions',
      { vouchers: [{ qr: book.vouchers[2].qr }, { qr: book.vouchers[3].qr }], serviceId },
      { 'Idempotency-Key': randomUUID() },
    ),
  );
  console.log(
    `     session ${session.sessionId}: ${session.redemptions.length} vouchers, ${session.totalCents} cents`,
  );
  step(
    'the same workshop with voucher 5 alone (regulated tariff: exactly 2)',
    await call(
      venue,
      'POST',
      '/v1/redemptions',
      { vouchers: [{ qr: book.vouchers[4].qr }], serviceId },
      { 'Idempotency-Key': randomUUID() },
    ),
  );
  step(
    'a voucher of the book not handed out yet',
    await call(
      venue,
      'POST',
      '/v1/redemptions',
      { qr: books[1].vouchers[0].qr },
      { 'Idempotency-Key': randomUUID() },
    ),
  );

  const figures = step(
    'the Gironde reads its programme',
    await call(payer, 'GET', `/v1/programmes/${programmeId}`),
  );
  console.log(
    `     budget ${figures.budgetCents}, committed ${figures.committedCents}, redeemed ${figures.redeemedCents} (cents)`,
  );
}

main().catch((error) => {
  console.error(`demo failed: ${error.message} — is the service running at ${baseUrl}? (npm start)`);
  process.exit(1);
});
