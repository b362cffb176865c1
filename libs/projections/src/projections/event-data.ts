import type {
  BookAllocated,
  VouchersExpired,
  BookCancelled,
  BookDistributed,
  BookIssued,
  BooksIssued,
  ProgrammeOpened,
  SettlementBatchOpened,
  SettlementBatchPaid,
  VenueRegistered,
  VoucherRedeemed,
} from '@pass/domain';
import type { ProjectedEvent } from '../model/projected-event';

/** The events projections read, by type: narrowing a ProjectedEvent gives typed data. */
export interface ProjectedTypes {
  'ProgrammeOpened.v1': ProgrammeOpened['data'];
  'BooksIssued.v1': BooksIssued['data'];
  'BookIssued.v1': BookIssued['data'];
  'BookDistributed.v1': BookDistributed['data'];
  'VoucherRedeemed.v1': VoucherRedeemed['data'];
  'BookCancelled.v1': BookCancelled['data'];
  'BookAllocated.v1': BookAllocated['data'];
  'VouchersExpired.v1': VouchersExpired['data'];
  'VenueRegistered.v1': VenueRegistered['data'];
  'SettlementBatchOpened.v1': SettlementBatchOpened['data'];
  'SettlementBatchPaid.v1': SettlementBatchPaid['data'];
}

export type KnownEvent = {
  [Type in keyof ProjectedTypes]: ProjectedEvent & {
    readonly type: Type;
    readonly data: ProjectedTypes[Type];
  };
}[keyof ProjectedTypes];

/** Other event types (certifications, future ones) are simply not projected. */
export function known(event: ProjectedEvent): KnownEvent | undefined {
  return event as KnownEvent;
}
