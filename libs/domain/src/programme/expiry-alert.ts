import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Cents } from '../shared/money';
import { toMillis, type Instant } from '../shared/time';
import { redemptionDeadline } from '../shared/validity';
import type { IssuedBookState } from '../book/book.state';
import type { ProgrammeExpiring } from './programme.events';
import type { ProgrammeState } from './programme.state';

export const DEFAULT_EXPIRY_ALERT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a payer needs to see in the last month: where its books are and what is still unspent. */
export interface ExpiryAlertFigures {
  booksIssued: number;
  /** Out of the payer's hands (*injectés*): allocated to a distributor. */
  booksAllocated: number;
  booksNotAllocated: number;
  booksHandedOut: number;
  /** Handed-out books with at least one voucher redeemed. */
  booksStarted: number;
  vouchersUnredeemed: number;
  unredeemedFaceValueCents: Cents;
}

export function expiryAlertFigures(books: readonly IssuedBookState[]): ExpiryAlertFigures {
  const live = books.filter((book) => book.status !== 'cancelled');
  const unredeemed = live.flatMap((book) =>
    book.vouchers.filter((v) => !v.redemption && !v.voided && !v.expired).map(() => book.faceValueCents),
  );
  return {
    booksIssued: books.length,
    booksAllocated: books.filter((book) => book.chain.length > 0).length,
    booksNotAllocated: live.filter((book) => book.chain.length === 0 && !book.wasDistributed).length,
    booksHandedOut: books.filter((book) => book.wasDistributed).length,
    booksStarted: books.filter((book) => book.vouchers.some((v) => v.redemption)).length,
    vouchersUnredeemed: unredeemed.length,
    unredeemedFaceValueCents: unredeemed.reduce((sum, cents) => sum + cents, 0) as Cents,
  };
}

/** The alert starts `alertDays` before validUntil. */
export function expiryAlertStarts(validUntil: Instant, alertDays = DEFAULT_EXPIRY_ALERT_DAYS): Instant {
  return new Date(toMillis(validUntil) - alertDays * DAY_MS).toISOString();
}

export interface AnnounceExpiring {
  readonly programmeId: string;
  readonly figures: ExpiryAlertFigures;
  readonly alertDays: number;
  readonly now: Instant;
  readonly actor?: Actor;
}

/** Once per programme, from D-alertDays: the payer's finance feed hears that the year ends. */
export function decideAnnounceExpiring(
  command: AnnounceExpiring,
  state: ProgrammeState,
): Decision<ProgrammeExpiring> {
  if (state.status === 'none')
    return domainError('programme.not-found', `no programme ${command.programmeId}`);
  if (state.expiringAnnounced) return [];
  if (toMillis(command.now) < toMillis(expiryAlertStarts(state.validUntil, command.alertDays))) return [];
  return [
    {
      type: 'ProgrammeExpiring.v1',
      data: {
        programmeId: state.programmeId,
        validUntil: state.validUntil,
        redeemableUntil: redemptionDeadline(state.validUntil, state.gracePeriodDays),
        figures: command.figures,
        announcedAt: command.now,
      },
    },
  ];
}
