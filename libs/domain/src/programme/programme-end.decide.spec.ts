import type { BookEvent } from '../book/book.events';
import { evolveBook, initialBookState } from '../book/book.state';
import { decideExpireBook } from '../book/expire-book.decide';
import { decideRedeemVoucher } from '../book/redeem-voucher.decide';
import { isDomainError } from '../shared/errors';
import type { Cents } from '../shared/money';
import { specification } from '../testing/given-when-then';
import {
  bookDistributed,
  bookIssued,
  OTHER_PAYER_ID,
  otherPayer,
  payer,
  PAYER_ID,
  programmeOpened,
  venueActor,
  venueCertified,
  venueRegistered,
  voucherRedeemed,
} from '../testing/fixtures';
import { evolveVenue, initialVenueState } from '../venue/venue.state';
import { decideIssueCreditNote, decideStopDistribution } from './programme-end.decide';
import type { ProgrammeEvent } from './programme.events';
import { evolveProgramme, initialProgrammeState } from './programme.state';

// Valid until 2026-12-31T23:59:59Z; with 31 days of grace, scans are accepted until 2027-01-31T23:59:59Z.
const IN_GRACE = '2027-01-31T23:00:00.000Z';
const AFTER_GRACE = '2027-02-01T00:00:00.000Z';

const stopping = specification(evolveProgramme, initialProgrammeState, decideStopDistribution);
const expiry = specification(evolveBook, initialBookState, decideExpireBook);
const crediting = specification(evolveProgramme, initialProgrammeState, decideIssueCreditNote);
const venue = [venueRegistered(), venueCertified({ validUntil: '2028-01-01T00:00:00.000Z' })].reduce(
  evolveVenue,
  initialVenueState,
);

function redeemAt(events: BookEvent[], scannedAt: string) {
  const book = events.reduce(evolveBook, initialBookState);
  const result = decideRedeemVoucher(
    { actor: venueActor(), voucherId: 'book-1-02', redemptionId: 'r2', scannedAt, now: scannedAt },
    book,
    venue,
  );
  return isDomainError(result) ? result.code : result[0].type;
}

describe('the end of a programme', () => {
  it('stops distribution once; stopping again changes nothing', () => {
    const now = '2026-12-01T00:00:00.000Z';
    stopping
      .given([programmeOpened()])
      .when({ actor: payer, programmeId: 'prog-1', now })
      .then([{ type: 'DistributionStopped.v1', data: { programmeId: 'prog-1', stoppedAt: now } }]);
    const stopped: ProgrammeEvent = {
      type: 'DistributionStopped.v1',
      data: { programmeId: 'prog-1', stoppedAt: now },
    };
    stopping.given([programmeOpened(), stopped]).when({ actor: payer, programmeId: 'prog-1', now }).then([]);
    stopping
      .given([programmeOpened()])
      .when({ actor: otherPayer, programmeId: 'prog-1', now })
      .thenFails('programme.not-found');
  });

  it('accepts scans until the last instant of the grace period, judged on scannedAt', () => {
    const book = [bookIssued(), bookDistributed()];
    expect(redeemAt(book, IN_GRACE)).toBe('VoucherRedeemed.v1');
    expect(redeemAt(book, '2027-01-31T23:59:59.000Z')).toBe('VoucherRedeemed.v1');
    expect(redeemAt(book, AFTER_GRACE)).toBe('voucher.expired');
  });

  it('honours a programme-specific grace period', () => {
    const book = [bookIssued({ gracePeriodDays: 0 }), bookDistributed()];
    expect(redeemAt(book, '2026-12-31T23:59:59.000Z')).toBe('VoucherRedeemed.v1');
    expect(redeemAt(book, '2027-01-01T00:00:00.000Z')).toBe('voucher.expired');
  });

  it('expires nothing while the grace period runs', () => {
    expiry
      .given([bookIssued(), bookDistributed()])
      .when({ bookId: 'book-1', now: IN_GRACE })
      .thenFails('programme.grace-period-running');
  });

  it('expires every voucher neither redeemed nor voided after the grace period, once', () => {
    const book = [bookIssued(), bookDistributed(), voucherRedeemed()];
    const expired: BookEvent = {
      type: 'VouchersExpired.v1',
      data: {
        bookId: 'book-1',
        programmeId: 'prog-1',
        voucherIds: ['book-1-02'],
        amountCents: 1000 as Cents,
        expiredAt: AFTER_GRACE,
      },
    };
    expiry.given(book).when({ bookId: 'book-1', now: AFTER_GRACE }).then([expired]);
    expiry
      .given([...book, expired])
      .when({ bookId: 'book-1', now: AFTER_GRACE })
      .then([]);
    expect(redeemAt([...book, expired], IN_GRACE)).toBe('voucher.expired');
  });

  it('does not expire the voided vouchers of a cancelled book', () => {
    const cancelled: BookEvent = {
      type: 'BookCancelled.v1',
      data: {
        bookId: 'book-1',
        reason: 'stolen',
        voidedVoucherIds: ['book-1-02'],
        cancelledAt: '2026-05-01T00:00:00.000Z',
      },
    };
    expiry
      .given([bookIssued(), bookDistributed(), voucherRedeemed(), cancelled])
      .when({ bookId: 'book-1', now: AFTER_GRACE })
      .then([]);
  });

  it('credits the face value of the expired vouchers not credited yet, split between co-funders', () => {
    const coFunded = programmeOpened({
      coFunders: [
        { payerId: PAYER_ID, shareBps: 7000 },
        { payerId: OTHER_PAYER_ID, shareBps: 3000 },
      ],
    });
    const command = {
      programmeId: 'prog-1',
      creditNoteId: 'cn-1',
      expiredVoucherCount: 3,
      expiredCents: 3000 as Cents,
      now: AFTER_GRACE,
    };
    crediting
      .given([coFunded])
      .when(command)
      .then([
        {
          type: 'CreditNoteIssued.v1',
          data: {
            programmeId: 'prog-1',
            creditNoteId: 'cn-1',
            voucherCount: 3,
            amountCents: 3000,
            shares: [
              { payerId: PAYER_ID, amountCents: 2100 },
              { payerId: OTHER_PAYER_ID, amountCents: 900 },
            ],
            issuedAt: AFTER_GRACE,
          },
        },
      ]);
    const credited: ProgrammeEvent = {
      type: 'CreditNoteIssued.v1',
      data: {
        programmeId: 'prog-1',
        creditNoteId: 'cn-1',
        voucherCount: 3,
        amountCents: 3000 as Cents,
        shares: [],
        issuedAt: AFTER_GRACE,
      },
    };
    crediting
      .given([coFunded, credited])
      .when({ ...command, creditNoteId: 'cn-2' })
      .then([]);
  });
});
