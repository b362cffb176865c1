import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { Role } from '@pass/domain';
import type { EventStore, SqlEventStore, StoredEvent } from '@pass/event-store';
import { createApp } from '../../apps/api/src/create-app';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { signDevelopmentToken } from '../../apps/api/src/auth/token-signer';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.module';
import { TestClock } from './test-clock';
import { createIsolatedSchema, dropSchema, postgresUrl } from './postgres';

export type StoreKind = 'pglite' | 'postgres';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface TestApp {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly http: () => request.Agent;
  readonly store: EventStore;
  readonly clock: TestClock;
  token(role: Role, org: string): Promise<string>;
  allEvents(): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

/**
 * The real application on a real store: PGlite in memory, or PostgreSQL in a schema of its own.
 * Its logs are dropped (LOG_LEVEL silent) unless `env` and `logDestination` say otherwise.
 */
export async function startTestApp(
  kind: StoreKind,
  env: Record<string, string> = {},
  logDestination?: DestinationStream,
): Promise<TestApp> {
  const schema = kind === 'postgres' ? await createIsolatedSchema('e2e') : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: '',
    LOG_LEVEL: 'silent',
    ...(schema ? { DATABASE_URL: postgresUrl(), DATABASE_SCHEMA: schema } : {}),
    ...env,
  });
  const clock = new TestClock();
  const app = await createApp(config, clock, logDestination);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    baseUrl,
    http: () => request.agent(baseUrl),
    store,
    clock,
    token: (role, org) => signDevelopmentToken(TEST_JWT_SECRET, { role, org }),
    allEvents: () => allCommittedEvents(store),
    async close() {
      await app.close();
      if (schema) await dropSchema(schema);
    },
  };
}

/**
 * Every committed event, in log order. Not readAll: it stops short of any transaction still open
 * (an in-process projector's batch, for a few milliseconds), so a count taken then would be low.
 * The order by names the table's columns: the bare names would sort by the text aliases, and
 * '1000' < '999' as text (the expected order then broke as transaction ids passed 1000).
 */
async function allCommittedEvents(store: EventStore): Promise<StoredEvent[]> {
  const rows = await (store as SqlEventStore).sql.query<Record<string, unknown>>(
    `select event_id::text as event_id, stream_id, stream_version, type, data, metadata, recorded_at,
       transaction_id::text as transaction_id, global_position::text as global_position
     from events order by events.transaction_id, events.global_position`,
  );
  return rows.map((row) => ({
    eventId: String(row.event_id),
    streamId: String(row.stream_id),
    streamVersion: Number(row.stream_version),
    type: String(row.type),
    data: row.data,
    metadata: row.metadata as Record<string, unknown>,
    recordedAt: new Date(row.recorded_at as string),
    position: { transactionId: String(row.transaction_id), globalPosition: String(row.global_position) },
  }));
}
