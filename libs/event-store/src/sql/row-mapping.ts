import type { NewEvent, Reservation, StoredEvent, StreamAppend } from '../event-store.port';

/** An events row as selected by the queries in queries.ts. */
export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at_ms: number;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at_ms),
    position: { transactionId: row.transaction_id, globalPosition: row.global_position },
  };
}

/**
 * JSON goes over the wire as text and is cast to jsonb in SQL: node-postgres would turn a JS array
 * into a PostgreSQL array, and `undefined` has no JSON form (stored as JSON null).
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** pass_append_batch's event columns: each event's ordinal within its stream's append, from 1. */
export function toEventColumns(streams: readonly StreamAppend[]): unknown[] {
  const streamIds: string[] = [];
  const versions: number[] = [];
  const eventIds: string[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  for (const stream of streams) {
    let version = 0;
    stream.events.forEach((event: NewEvent) => {
      streamIds.push(stream.streamId);
      versions.push(++version);
      eventIds.push(event.eventId);
      types.push(event.type);
      data.push(toJsonText(event.data));
      metadata.push(toJsonText(event.metadata ?? {}));
    });
  }
  return [streamIds, versions, eventIds, types, data, metadata];
}

/** pass_append_batch's reservation columns. */
export function toReservationColumns(reservations: readonly Reservation[]): unknown[] {
  return [
    reservations.map((reservation) => reservation.scope),
    reservations.map((reservation) => reservation.key),
    reservations.map((reservation) => toJsonText(reservation.value)),
  ];
}
