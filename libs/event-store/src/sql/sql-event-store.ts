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
import {
  CURRENT_VERSIONS,
  INSERT_EVENTS,
  INSERT_RESERVATIONS,
  LOCK_STREAMS,
  PING,
  SELECT_ALL_AFTER,
  SELECT_RESERVATION,
  SELECT_STREAM,
} from './queries';
import { EventRow, toEventColumns, toReservationColumns, toStoredEvent } from './row-mapping';
import { EVENTS_STREAM_VERSION_CONSTRAINT } from './schema';
import { isUniqueViolation, SqlExecutor, SqlQueryable } from './sql-executor';

/** The event-store algorithm, once, for every SQL adapter (PostgreSQL, PGlite). */
export class SqlEventStore implements EventStore {
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
    // Locks are taken in stream-id order (no deadlock); events are inserted in the caller's order.
    const lockOrder = streams.map((stream) => stream.streamId).sort();
    try {
      return await this.executor.transaction(async (tx) => {
        const currentVersions = await lockAndReadVersions(tx, lockOrder);
        for (const stream of streams) assertExpectedVersion(stream, currentVersions);
        await reserve(tx, reservations);
        if (streams.some((stream) => stream.events.length > 0)) {
          await tx.query(INSERT_EVENTS, toEventColumns(streams, currentVersions));
        }
        return { versions: newVersions(streams, currentVersions) };
      });
    } catch (error) {
      // Only a writer bypassing the stream lock can get here; the answer is the same.
      if (isUniqueViolation(error, EVENTS_STREAM_VERSION_CONSTRAINT))
        throw await this.versionConflict(streams);
      throw error;
    }
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (await this.executor.query<EventRow>(SELECT_STREAM, [streamId])).map(toStoredEvent);
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

async function lockAndReadVersions(
  tx: SqlQueryable,
  sortedStreamIds: string[],
): Promise<Map<string, number>> {
  if (sortedStreamIds.length === 0) return new Map();
  await tx.query(LOCK_STREAMS, [sortedStreamIds]);
  return readVersions(tx, sortedStreamIds);
}

async function readVersions(db: SqlQueryable, streamIds: string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ stream_id: string; version: number }>(CURRENT_VERSIONS, [streamIds]);
  return new Map(rows.map((row) => [row.stream_id, Number(row.version)]));
}

function assertExpectedVersion(stream: StreamAppend, currentVersions: ReadonlyMap<string, number>): void {
  const actual = currentVersions.get(stream.streamId) ?? 0;
  if (stream.expectedVersion !== 'any' && stream.expectedVersion !== actual) {
    throw new WrongExpectedVersionError(stream.streamId, stream.expectedVersion, actual);
  }
}

async function reserve(tx: SqlQueryable, reservations: readonly Reservation[]): Promise<void> {
  if (reservations.length === 0) return;
  const held = await tx.query<{ scope: string; key: string }>(
    INSERT_RESERVATIONS,
    toReservationColumns(reservations),
  );
  if (held.length === reservations.length) return;
  const heldKeys = new Set(held.map((row) => reservationKey(row)));
  const taken = reservations.find((reservation) => !heldKeys.has(reservationKey(reservation)))!;
  const [existing] = await tx.query<{ value: unknown }>(SELECT_RESERVATION, [taken.scope, taken.key]);
  throw new ReservationTakenError(taken.scope, taken.key, existing?.value);
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
