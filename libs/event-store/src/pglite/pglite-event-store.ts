import { PGlite } from './pglite-module';
import type { EventStore } from '../event-store.port';
import { runMigrations } from '../sql/schema';
import { SqlEventStore } from '../sql/sql-event-store';
import { PgliteExecutor } from './pglite-executor';

export interface PgliteEventStoreOptions {
  /** Directory of the database files; undefined keeps everything in memory. */
  readonly dataDir?: string;
}

/** The embedded default: the same SQL as PostgreSQL, in-process, one connection. */
export class PgliteEventStore extends SqlEventStore implements EventStore {
  constructor(private readonly database: PGlite) {
    super(new PgliteExecutor(database));
  }

  /** Opens (or creates) the database and brings the schema up to date. */
  static async open(options: PgliteEventStoreOptions = {}): Promise<PgliteEventStore> {
    const db = options.dataDir === undefined ? await PGlite.create() : await PGlite.create(options.dataDir);
    const store = new PgliteEventStore(db);
    try {
      await runMigrations(new PgliteExecutor(db));
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /** One process opens a PGlite database: its own appends are all there is to hear of. */
  protected readonly sharedWithOtherProcesses = false;
  protected readonly batchesConcurrentCalls = false;

  /** For the libraries that live next to the events (projections): PGlite has a single connection. */
  get db(): PGlite {
    return this.database;
  }
}
