import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { openEventStore, type EventStore } from '@pass/event-store';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite store in DATA_DIR. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<EventStore> =>
        openEventStore({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          schema: config.databaseSchema,
          poolSize: config.databasePoolSize,
          preparedStatements: config.databasePreparedStatements,
        }),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
