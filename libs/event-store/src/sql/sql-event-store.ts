import {
  AppendOptions,
  AppendResult,
  EventStore,
  GlobalPosition,
  Reservation,
  ReservationTakenError,
  StoredEvent,
  StreamAppend,
  WrongExpectedVersionError,
} from '../event-store.port';
import { appendBatchArguments, type AppendAnswer, type AppendRequest } from './append-arguments';
import { AppendBatcher } from './append-batcher';
import { CALL_APPEND_ALONE_FUNCTION, CALL_APPEND_BATCH_FUNCTION } from './append-independent-batch-function';
import { NOTIFY_APPENDED } from './append-function';
import { CURRENT_VERSIONS, PING, SELECT_ALL_AFTER, SELECT_RESERVATION, SELECT_STREAMS } from './queries';
import { EventRow, toStoredEvent } from './row-mapping';
import { EVENTS_STREAM_VERSION_CONSTRAINT } from './schema';
import { isUniqueViolation, SqlExecutor, SqlQueryable } from './sql-executor';
import { groupByStream, StreamReadBatcher, streamsAsked } from './stream-read-batcher';

/** The event-store algorithm, once, for every SQL adapter (PostgreSQL, PGlite). */
/** Appends within this window share one NOTIFY: readers need a wake-up, not one per event. */
const NOTIFY_COALESCE_MS = 20;

export abstract class SqlEventStore implements EventStore {
  private readonly localListeners = new Set<() => void>();
  private notifyPending = false;
  /** Whether other processes may follow this log (PostgreSQL) and must be told through NOTIFY. */
  protected abstract readonly sharedWithOtherProcesses: boolean;
  /**
   * Whether concurrent reads and appends share round trips (stream-read-batcher.ts, append-batcher.ts):
   * worth it over a network (PostgreSQL). PGlite runs in-process behind one lock, where waiting for
   * the end of the turn let the followers of the log take that lock first, and writers starved.
   */
  protected abstract readonly batchesConcurrentCalls: boolean;

  private readonly appends = new AppendBatcher(
    (requests) => this.appendBatch(requests),
    (request) => this.appendAlone(request),
  );
  private readonly streamReads = new StreamReadBatcher((streamIds) => this.readStreamsNow(streamIds));

  constructor(private readonly executor: SqlExecutor) {}

  /**
   * The store's own database, for what lives next to the events (projections and their
   * checkpoints, the relay's checkpoint): one pool, or PGlite's single connection, per process.
   */
  get sql(): SqlExecutor {
    return this.executor;
  }

  async append(streams: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const reservations = options.reservations ?? [];
    assertWellFormed(streams, reservations);
    if (streams.length === 0 && reservations.length === 0) return { versions: {} };
    const request = { streams, reservations };
    const answer =
      this.batchesConcurrentCalls && isSmall(request)
        ? await this.appends.append(request)
        : await this.appendAlone(request);
    if (answer.reservationTaken) throw await this.takenReservation(reservations);
    if (answer.conflict !== undefined) {
      const stream = streams.find((candidate) => candidate.streamId === answer.conflict)!;
      throw new WrongExpectedVersionError(stream.streamId, stream.expectedVersion, Number(answer.actual));
    }
    if (streams.some((stream) => stream.events.length > 0)) this.announceAppend();
    return { versions: newVersions(streams, new Map(Object.entries(answer.versions ?? {}))) };
  }

  /** One append is a batch of one, for the loop of pass_append_batch_in_order. */
  private async appendAlone(request: AppendRequest): Promise<AppendAnswer> {
    try {
      const [answer] = await this.appendBatch([request], CALL_APPEND_ALONE_FUNCTION);
      return answer;
    } catch (error) {
      // Only a writer bypassing the stream lock can get here; the answer is the same.
      if (isUniqueViolation(error, EVENTS_STREAM_VERSION_CONSTRAINT))
        throw await this.versionConflict(request.streams);
      throw error;
    }
  }

  private async appendBatch(
    requests: readonly AppendRequest[],
    statement = CALL_APPEND_BATCH_FUNCTION,
  ): Promise<AppendAnswer[]> {
    const [row] = await this.executor.query<{ result: AppendAnswer[] | string }>(
      statement,
      appendBatchArguments(requests),
    );
    return typeof row.result === 'string' ? JSON.parse(row.result) : row.result;
  }

  /** Followers in this process hear of an append at once; other processes through LISTEN/NOTIFY. */
  async onAppended(listener: () => void): Promise<() => Promise<void>> {
    this.localListeners.add(listener);
    return async () => {
      this.localListeners.delete(listener);
    };
  }

  private announceAppend(): void {
    for (const listener of this.localListeners) listener();
    if (!this.sharedWithOtherProcesses || this.notifyPending) return;
    this.notifyPending = true;
    setTimeout(() => {
      this.notifyPending = false;
      this.executor.query(NOTIFY_APPENDED).catch(() => undefined);
    }, NOTIFY_COALESCE_MS).unref();
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (await this.readStreams([streamId])).get(streamId)!;
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    if (this.batchesConcurrentCalls) return this.streamReads.read(streamIds);
    return streamsAsked(streamIds, groupByStream(await this.readStreamsNow([...streamIds])));
  }

  private async readStreamsNow(streamIds: string[]): Promise<StoredEvent[]> {
    return (await this.executor.query<EventRow>(SELECT_STREAMS, [streamIds])).map(toStoredEvent);
  }

  async readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`readAll limit must be a positive integer`);
    const rows = await this.executor.query<EventRow>(SELECT_ALL_AFTER, [
      after.transactionId,
      after.globalPosition,
      limit,
    ]);
    return rows.map(toStoredEvent);
  }

  async lookup(scope: string, key: string): Promise<unknown | undefined> {
    const [row] = await this.executor.query<{ value: unknown }>(SELECT_RESERVATION, [scope, key]);
    return row?.value;
  }

  async ping(): Promise<void> {
    await this.executor.query(PING);
  }

  async close(): Promise<void> {
    await this.executor.close();
  }

  /** Our own reservations were rolled back with the append: whichever key still exists is held by another. */
  private async takenReservation(reservations: readonly Reservation[]): Promise<ReservationTakenError> {
    for (const reservation of reservations) {
      const [row] = await this.executor.query<{ value: unknown }>(SELECT_RESERVATION, [
        reservation.scope,
        reservation.key,
      ]);
      if (row) return new ReservationTakenError(reservation.scope, reservation.key, row.value);
    }
    const [first] = reservations;
    return new ReservationTakenError(first.scope, first.key, undefined);
  }

  private async versionConflict(streams: readonly StreamAppend[]): Promise<WrongExpectedVersionError> {
    const actual = await readVersions(
      this.executor,
      streams.map((stream) => stream.streamId),
    );
    const conflicting =
      streams.find((stream) => stream.expectedVersion !== actual.get(stream.streamId)) ?? streams[0];
    return new WrongExpectedVersionError(
      conflicting.streamId,
      conflicting.expectedVersion,
      actual.get(conflicting.streamId) ?? 0,
    );
  }
}

async function readVersions(db: SqlQueryable, streamIds: string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ stream_id: string; version: number }>(CURRENT_VERSIONS, [streamIds]);
  return new Map(rows.map((row) => [row.stream_id, Number(row.version)]));
}

function newVersions(
  streams: readonly StreamAppend[],
  currentVersions: ReadonlyMap<string, number>,
): Record<string, number> {
  const versions: Record<string, number> = {};
  for (const stream of streams) {
    versions[stream.streamId] = (currentVersions.get(stream.streamId) ?? 0) + stream.events.length;
  }
  return versions;
}

/** Programming errors are refused before touching the database: they would otherwise surface as odd SQL errors. */
function assertWellFormed(streams: readonly StreamAppend[], reservations: readonly Reservation[]): void {
  const streamIds = new Set<string>();
  for (const stream of streams) {
    if (streamIds.has(stream.streamId))
      throw new Error(`stream ${stream.streamId} appears twice in one append`);
    streamIds.add(stream.streamId);
    const expected = stream.expectedVersion;
    if (expected !== 'any' && !(Number.isInteger(expected) && expected >= 0)) {
      throw new RangeError(`stream ${stream.streamId}: invalid expected version ${expected}`);
    }
  }
  const keys = new Set<string>();
  for (const reservation of reservations) {
    const key = reservationKey(reservation);
    if (keys.has(key)) {
      throw new Error(`reservation ${reservation.scope}/${reservation.key} appears twice in one append`);
    }
    keys.add(key);
  }
}

function reservationKey(reservation: { scope: string; key: string }): string {
  return JSON.stringify([reservation.scope, reservation.key]);
}

/** Appends of a few rows (a scan, a command) are batched; an issuance of thousands goes alone. */
const MAX_BATCHED_ROWS = 50;

function isSmall({ streams, reservations }: AppendRequest): boolean {
  const events = streams.reduce((sum, stream) => sum + stream.events.length, 0);
  return events + reservations.length <= MAX_BATCHED_ROWS;
}
