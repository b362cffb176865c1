// Shared helpers of the benchmarks: statistics, the machine, the bench database.
const os = require('node:os');
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { Client } = require('pg');

/** Where Debian's PostgreSQL listens on its Unix socket (the directory of `.s.PGSQL.5432`). */
const SOCKET_DIRECTORY = '/var/run/postgresql';
const SOCKET_URL = `postgres://postgres@localhost/pass_bench?host=${SOCKET_DIRECTORY}`;
const TCP_URL = 'postgres://postgres@127.0.0.1:5432/pass_bench';

/** BENCH_DATABASE_URL, or the default `ensureBenchDatabase` settles on. */
let chosenUrl = process.env.BENCH_DATABASE_URL ?? TCP_URL;

/** The bench database's connection string: read when connecting, once `ensureBenchDatabase` has run. */
const benchDatabaseUrl = () => chosenUrl;

/** `url` pointed at another database of the same server. */
function onDatabase(url, name) {
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.toString();
}

/**
 * The machine's PostgreSQL through its Unix socket when it lets us in there, as a service on the same
 * machine would connect: loopback TCP cost the API 3-14 % more CPU per redemption, and the
 * voucher-status rebuild ran 4-17 % faster through the socket, in three alternations each
 * (scripts/bench/findings.md, fourteenth session). Otherwise TCP (a socket may ask for peer auth).
 */
async function chooseDefaultUrl() {
  if (process.env.BENCH_DATABASE_URL || !existsSync(`${SOCKET_DIRECTORY}/.s.PGSQL.5432`)) return;
  const client = new Client({ connectionString: onDatabase(SOCKET_URL, 'postgres') });
  try {
    await client.connect();
    chosenUrl = SOCKET_URL;
  } catch {
    // TCP it is
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** How the bench reaches PostgreSQL, for the report. */
function databaseConnection() {
  const url = new URL(chosenUrl);
  const socket = url.searchParams.get('host');
  return socket?.startsWith('/') ? `PostgreSQL's Unix socket in ${socket}` : `TCP to ${url.host}`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `measure` `runs` times and keeps every figure: the report quotes the median. */
async function repeat(runs, measure) {
  const figures = [];
  for (let run = 0; run < runs; run++) figures.push(await measure(run));
  return figures;
}

/** Runs `count` tasks with at most `concurrency` in flight. */
async function runConcurrently(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let postgres = 'unknown';
  try {
    postgres = execSync('psql --version', { encoding: 'utf8' }).trim();
  } catch {
    // psql is only used to report the version
  }
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${postgres}, ${os.type()} ${os.release()}`;
}

/** Creates the bench database when missing (benchmarks never touch the test database). */
async function ensureBenchDatabase() {
  await chooseDefaultUrl();
  const name = new URL(chosenUrl).pathname.slice(1);
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

function adminUrl() {
  return onDatabase(chosenUrl, 'postgres');
}

async function asAdmin(sql) {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A throw-away database on the bench server; answers its connection string. */
async function freshDatabase(name) {
  await asAdmin(`drop database if exists "${name}"`);
  await asAdmin(`create database "${name}"`);
  return onDatabase(chosenUrl, name);
}

async function freshSchema(prefix) {
  const schema = `${prefix}_${Date.now().toString(36)}`;
  const client = new Client({ connectionString: chosenUrl });
  await client.connect();
  try {
    await client.query(`create schema "${schema}"`);
  } finally {
    await client.end();
  }
  return schema;
}

async function dropSchema(schema) {
  const client = new Client({ connectionString: chosenUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

const fmt = (value, digits = 0) =>
  Number(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

module.exports = {
  benchDatabaseUrl,
  databaseConnection,
  median,
  percentile,
  repeat,
  runConcurrently,
  machine,
  ensureBenchDatabase,
  freshSchema,
  dropSchema,
  freshDatabase,
  fmt,
};
