import type { Reservation, StreamAppend } from '../event-store.port';
import { toEventColumns, toReservationColumns } from './row-mapping';

/** One append as the store received it. */
export interface AppendRequest {
  readonly streams: readonly StreamAppend[];
  readonly reservations: readonly Reservation[];
}

/** What pass_append_batch answers for one append. */
export interface AppendAnswer {
  readonly conflict?: string;
  readonly actual?: number;
  readonly versions?: Record<string, number>;
  readonly reservationTaken?: boolean;
}

const ANY_VERSION = -1;

const sortedStreamIds = (streams: readonly StreamAppend[]): string[] =>
  streams.map((stream) => stream.streamId).sort();

const expectedVersionOf = (stream: StreamAppend): number =>
  stream.expectedVersion === 'any' ? ANY_VERSION : stream.expectedVersion;

/** pass_append_batch's arguments: the same columns for every append, each row tagged with its append's number. */
export function appendBatchArguments(requests: readonly AppendRequest[]): unknown[] {
  const streamAppends: number[] = [];
  const eventAppends: number[] = [];
  const reservationAppends: number[] = [];
  const streamColumns: unknown[][] = [[], []];
  const eventColumns: unknown[][] = [[], [], [], [], [], []];
  const reservationColumns: unknown[][] = [[], [], []];
  requests.forEach(({ streams, reservations }, index) => {
    const appendNumber = index + 1;
    append(streamColumns, [streams.map((stream) => stream.streamId), streams.map(expectedVersionOf)]);
    streams.forEach(() => streamAppends.push(appendNumber));
    const events = toEventColumns(streams) as unknown[][];
    append(eventColumns, events);
    events[0].forEach(() => eventAppends.push(appendNumber));
    append(reservationColumns, toReservationColumns(reservations) as unknown[][]);
    reservations.forEach(() => reservationAppends.push(appendNumber));
  });
  const lockIds = [...new Set(requests.flatMap((request) => sortedStreamIds(request.streams)))].sort();
  return [
    requests.length,
    lockIds,
    streamAppends,
    ...streamColumns,
    eventAppends,
    ...eventColumns,
    reservationAppends,
    ...reservationColumns,
  ];
}

function append(columns: unknown[][], values: unknown[][]): void {
  columns.forEach((column, index) => column.push(...values[index]));
}
