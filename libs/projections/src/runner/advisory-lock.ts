import { Client } from 'pg';
import { PostgresEventStore, type EventStore } from '@pass/event-store';

/** A session-level lock held as long as its connection lives. */
export interface HeldLock {
  /** Resolves when the lock is lost (its connection died): stop writing. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/**
 * `pg_try_advisory_lock` on a connection of its own (a pooled one would hand the lock to whatever
 * borrows it next). Keyed by schema and name, so isolated test schemas do not contend.
 * PGlite is one process with one connection: there is nobody to exclude, the lock is a no-op.
 */
export async function tryAdvisoryLock(store: EventStore, name: string): Promise<HeldLock | undefined> {
  if (!(store instanceof PostgresEventStore))
    return { lost: new Promise(() => undefined), release: async () => {} };
  const client = new Client(store.pool.options);
  let markLost: () => void = () => undefined;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  client.on('error', () => markLost());
  client.on('end', () => markLost());
  await client.connect();
  try {
    const [row] = (
      await client.query<{ locked: boolean }>(
        `select pg_try_advisory_lock(hashtextextended('projections:' || coalesce(current_schema(), '') || ':' || $1, 0)) as locked`,
        [name],
      )
    ).rows;
    if (!row.locked) {
      await client.end();
      return undefined;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return { lost, release: () => client.end().catch(() => undefined) };
}

const guardedPools = new WeakSet<object>();

/**
 * The server ends a transaction left idle past idle_in_transaction_session_timeout (the store sets
 * 10 s). A batch's transaction can sit idle that long if something else blocks the event loop of
 * its process (the API renders PDFs synchronously), and node-postgres then emits 'error' on the
 * borrowed client, which crashes the process when nobody listens. Listening turns it into what it
 * should be: that batch fails, rolls back, and is tried again.
 */
export function survivePoolClientErrors(store: EventStore): void {
  if (!(store instanceof PostgresEventStore) || guardedPools.has(store.pool)) return;
  guardedPools.add(store.pool);
  store.pool.on('connect', (client) => client.on('error', () => undefined));
}
