// Starts the built API as a separate process on the bench database, and prepares vouchers over HTTP.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { apiNodeFlags } = require('../api-node-flags');
const { benchDatabaseUrl, runConcurrently } = require('./support');

const SECRET = 'bench-secret-bench-secret-bench-secret!!';
const { signDevelopmentToken } = require(join(__dirname, '../../dist/apps/api/src/auth/token-signer.js'));
const { isValidSiret } = require(join(__dirname, '../../dist/libs/domain/src/index.js'));

/**
 * `BENCH_NODE_ARGS` (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the service where time goes.
 * `projector: true` runs the read models as documented for production: apps/projector in its own
 * process next to an API started with PROJECTIONS_IN_PROCESS=false (both on this machine's cores).
 */
async function startService(schema, port, extraEnv = {}, { projector = false } = {}) {
  const benchArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: benchDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_SIZE: '16',
    AUTH_JWT_SECRET: SECRET,
    DATA_DIR: join(__dirname, '../../data/bench'),
    LOG_LEVEL: 'warn',
    REDEMPTION_RATE_LIMIT: '100000000',
    BANK_DETAILS_KEY: Buffer.alloc(32, 7).toString('base64'),
    EXPIRY_SCHEDULE: 'off',
    ...(projector ? { PROJECTIONS_IN_PROCESS: 'false' } : {}),
    ...extraEnv,
  };
  // The API as `npm run start:prod` starts it; the projector as `npm run projector` does.
  const nodeArgs = (entry) => [...(entry.startsWith('apps/api/') ? apiNodeFlags() : []), ...benchArgs];
  const run = (entry) =>
    spawn(process.execPath, [...nodeArgs(entry), join(__dirname, '../../dist', entry)], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const children = [run('apps/api/src/main.js')];
  const [api] = children;
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the service exited with ${api.exitCode}`);
    const healthy = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) {
      // Started once the API has migrated the schema and created the read models' tables.
      if (projector) children.push(run('apps/projector/src/main.js'));
      return {
        baseUrl,
        pid: api.pid,
        projectorPid: children[1]?.pid,
        stop: () => Promise.all(children.map(stop)),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  api.kill('SIGKILL');
  throw new Error('the service did not become healthy within 60 s');
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const token = (role, org) => signDevelopmentToken(SECRET, { role, org });

async function call(baseUrl, bearer, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function randomSiret() {
  const body = `8${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  for (let check = 0; check <= 9; check++) if (isValidSiret(`${body}${check}`)) return `${body}${check}`;
  throw new Error('no check digit fits');
}

/** A certified venue, a programme and `vouchers` issued in books of 20 and handed out. */
async function prepareVouchers(baseUrl, vouchers) {
  const admin = await token('admin', 'operator');
  const payer = await token('payer', '200054781');
  const { venueId } = await call(baseUrl, admin, 'POST', '/v1/venues', {
    siret: randomSiret(),
    name: 'Bench',
    communeInsee: '33063',
  });
  await call(baseUrl, admin, 'POST', `/v1/venues/${venueId}/certification`, {
    validUntil: '2099-01-01T00:00:00Z',
  });
  const { programmeId } = await call(baseUrl, payer, 'POST', '/v1/programmes', {
    name: 'Bench',
    territory: { departements: ['33'] },
    faceValueCents: 1000,
    budgetCents: vouchers * 1000,
    validFrom: '2020-01-01T00:00:00Z',
    validUntil: '2099-01-01T00:00:00Z',
  });
  const books = [];
  for (let issued = 0; issued < vouchers; issued += 20 * 500) {
    const count = Math.min(500, Math.ceil((vouchers - issued) / 20));
    const answer = await call(baseUrl, payer, 'POST', `/v1/programmes/${programmeId}/books`, {
      books: count,
      vouchersPerBook: 20,
    });
    books.push(...answer.books);
  }
  await runConcurrently(books.length, 16, (i) =>
    call(baseUrl, payer, 'POST', `/v1/books/${books[i].bookId}/distribution`, {
      distributorId: 'ccas-bench',
    }),
  );
  // Round-robin over books: concurrent scans hit different books, as different beneficiaries would
  // (scans of one book contend for its stream, which the concurrency tests cover).
  const qrs = [];
  for (let index = 0; index < 20; index++)
    for (const book of books) if (book.vouchers[index]) qrs.push(book.vouchers[index].qr);
  return { venueToken: await token('venue', venueId), payerToken: payer, programmeId, qrs };
}

module.exports = { startService, prepareVouchers, token, call };
