import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** `describe` when a PostgreSQL server is reachable (see global-setup.js), otherwise a loud skip. */
export const describeOnPostgres: jest.Describe = (() => {
  if (process.env.PASS_TEST_POSTGRES === 'available') return describe;
  return ((name: string, fn: () => void) =>
    describe.skip(
      `${name} [SKIPPED: ${process.env.PASS_TEST_POSTGRES ?? 'no PostgreSQL'}]`,
      fn,
    )) as jest.Describe;
})();

export function postgresUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

/** Creates an empty schema so that suites running in parallel never see each other's rows. */
export async function createIsolatedSchema(prefix = 't'): Promise<string> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return schema;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
