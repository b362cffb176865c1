import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../apps/api/src/create-app';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { APP_CONFIG } from '../../apps/api/src/config/config.module';
import type { TestApp } from './test-app';
import { TestClock } from './test-clock';

export interface SecondInstance {
  readonly app: INestApplication;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/**
 * Another service instance on the same database and schema as `first` (PostgreSQL only: the
 * embedded store admits one process), as a second replica in production. Close it before `first`,
 * whose close drops the schema.
 */
export async function startSecondInstance(first: TestApp): Promise<SecondInstance> {
  // The same validated config: same schema, same bank-details key and token secret.
  const config = first.app.get<AppConfig>(APP_CONFIG);
  if (!config.databaseUrl) throw new Error('a second instance needs PostgreSQL');
  const clock = new TestClock();
  const app = await createApp(config, clock);
  await app.init();
  await app.getHttpAdapter().getInstance().ready(); // supertest drives its server without listen

  return { app, clock, close: () => app.close() };
}
