import type { StoredEvent } from '../event-store.port';
import { EndOfTurnQueue } from './end-of-turn-queue';

interface PendingRead {
  readonly streamIds: readonly string[];
  readonly resolve: (streams: Map<string, StoredEvent[]>) => void;
  readonly reject: (error: unknown) => void;
}

/** Past this many stream ids a batch goes at once: one query's `any($1)` stays small and quick. */
const MAX_STREAMS_PER_BATCH = 256;

/**
 * Reads of streams asked for during one turn of the event loop go to the database as ONE query.
 * Measured as the top cost of a redemption under load: every round trip is a system call on each
 * side and a wake-up of a server process, and concurrent scans each read their book and venue.
 */
export class StreamReadBatcher {
  private readonly queue = new EndOfTurnQueue<PendingRead>(
    MAX_STREAMS_PER_BATCH,
    (batch) => this.send(batch),
    (read) => read.streamIds.length,
  );

  constructor(private readonly readNow: (streamIds: string[]) => Promise<StoredEvent[]>) {}

  read(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    return new Promise((resolve, reject) => this.queue.push({ streamIds, resolve, reject }));
  }

  private send(batch: PendingRead[]): void {
    const streamIds = [...new Set(batch.flatMap((read) => read.streamIds))];
    this.readNow(streamIds).then(
      (events) => {
        const byStream = groupByStream(events);
        for (const read of batch) read.resolve(streamsAsked(read.streamIds, byStream));
      },
      (error: unknown) => {
        for (const read of batch) read.reject(error);
      },
    );
  }
}

/** The streams one caller asked for, in its order, unknown ones empty; each caller owns its arrays. */
export function streamsAsked(
  streamIds: readonly string[],
  byStream: ReadonlyMap<string, readonly StoredEvent[]>,
): Map<string, StoredEvent[]> {
  return new Map(streamIds.map((id) => [id, [...(byStream.get(id) ?? [])]]));
}

export function groupByStream(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const stream = byStream.get(event.streamId);
    if (stream) stream.push(event);
    else byStream.set(event.streamId, [event]);
  }
  return byStream;
}
