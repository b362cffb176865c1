import { Client } from 'pg';
import { EVENTS_APPENDED_CHANNEL } from '../sql/append-function';

const RECONNECT_MS = 1_000;

/**
 * LISTENs for appends on a connection of its own (a pooled one would be handed to queries), and
 * reconnects when the server drops it: a missed notification only delays a reader until its poll.
 */
export async function listenForAppends(
  connectionString: string,
  listener: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: Client | undefined;
  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString });
    next.on('notification', () => listener());
    next.on('error', () => undefined);
    next.on('end', () => {
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS).unref();
    });
    await next.connect();
    await next.query(`listen ${EVENTS_APPENDED_CHANNEL}`);
    client = next;
    // What was appended while we were away is not lost, only unannounced: say so once.
    listener();
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
