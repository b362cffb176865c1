import { openEventStore, preparedStatementsSetting, SqlEventStore } from '@pass/event-store';

/** The projector reads the same store settings as the API (DATABASE_URL, DATABASE_SCHEMA, DATA_DIR). */
export async function openStoreFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<SqlEventStore> {
  const dataDir = env.DATA_DIR === undefined ? './data' : env.DATA_DIR || undefined;
  const store = await openEventStore({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    schema: env.DATABASE_SCHEMA || undefined,
    poolSize: 4,
    preparedStatements: preparedStatementsSetting(env.DATABASE_PREPARED_STATEMENTS),
  });
  if (!(store instanceof SqlEventStore)) throw new Error('projections need an SQL event store');
  return store;
}

export function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be an integer ≥ 0, got "${raw}"`);
  return value;
}
