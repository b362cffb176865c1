import fc from 'fast-check';
import { bookIssued, OTHER_PAYER_ID, PAYER_ID, programmeOpened } from '../../domain/src/testing/fixtures';
import { FundingDirectory, UnknownFundingError } from './funding-directory';
import { PAYER_EVENT_TYPES } from './payer-events';
import { PayerEventContract } from './testing/payer-event-contract';
import { iso, toKafkaRecord, toPayerMessages, type RelayableEvent } from './to-payer-messages';

const EVENT_ID = '7d0c5a5e-2b1f-4c3e-9a55-0f4f8b1e2a01';
const coFunders = [
  { payerId: PAYER_ID, shareBps: 7000 },
  { payerId: OTHER_PAYER_ID, shareBps: 3000 },
];
const stored = (event: { type: string; data: unknown }, eventId = EVENT_ID): RelayableEvent => ({
  eventId,
  ...event,
});

const redeemed = (shares: { payerId: string; amountCents: number }[]) =>
  stored({
    type: 'VoucherRedeemed.v1',
    data: {
      bookId: 'book-1',
      programmeId: 'prog-1',
      voucherId: 'book-1-01',
      redemptionId: 'red-1',
      venueId: 'venue-a',
      amountCents: 1000,
      servicePriceCents: 4500,
      shares,
      scannedAt: '2026-03-01T10:00:00Z',
      recordedAt: '2026-03-01T10:00:02.000Z',
    },
  });

const contract = new PayerEventContract();
function expectConforming(messages: ReturnType<typeof toPayerMessages>) {
  for (const message of messages) {
    const record = toKafkaRecord(message);
    expect(
      contract.violations({ key: record.key, headers: record.headers, value: JSON.parse(record.value) }),
    ).toEqual([]);
  }
}

describe('payer messages of stored events', () => {
  it('a single-funder redemption is one message keyed by the payer, ce_id = the event id', () => {
    const messages = toPayerMessages(
      redeemed([{ payerId: PAYER_ID, amountCents: 1000 }]),
      new FundingDirectory(),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].key).toBe(PAYER_ID);
    expect(messages[0].headers).toEqual({
      ce_specversion: '1.0',
      ce_id: EVENT_ID,
      ce_type: PAYER_EVENT_TYPES.voucherRedeemed,
      ce_source: '/pass-numerique/event-store',
      ce_time: '2026-03-01T10:00:00.000Z',
      ce_subject: 'vouchers/book-1-01',
      'content-type': 'application/json',
    });
    expect(messages[0].payload).toMatchObject({
      payerId: PAYER_ID,
      amountCents: 1000,
      redemptionAmountCents: 1000,
    });
    expectConforming(messages);
  });

  it("a session's voucher carries the session, location and service category, never the agent", () => {
    const plain = redeemed([{ payerId: PAYER_ID, amountCents: 1000 }]);
    const inSession = stored({
      type: plain.type,
      data: {
        ...(plain.data as object),
        sessionId: 'ses_1',
        locationId: 'loc_1',
        agentId: 'agt_1',
        service: { serviceId: 'svc_1', title: 'Démarches CAF', category: 'demarches-en-ligne' },
      },
    });
    const [message] = toPayerMessages(inSession, new FundingDirectory());
    expect(message.payload).toMatchObject({
      sessionId: 'ses_1',
      locationId: 'loc_1',
      serviceCategory: 'demarches-en-ligne',
    });
    expect(JSON.stringify(message.payload)).not.toContain('agt_1');
    expectConforming([message]);
  });

  it('a co-funded redemption is one message per payer with its share and a per-payer ce_id', () => {
    const messages = toPayerMessages(
      redeemed([
        { payerId: PAYER_ID, amountCents: 700 },
        { payerId: OTHER_PAYER_ID, amountCents: 300 },
      ]),
      new FundingDirectory(),
    );
    expect(messages.map((message) => [message.key, message.headers.ce_id, message.payload])).toEqual([
      [PAYER_ID, `${EVENT_ID}:${PAYER_ID}`, expect.objectContaining({ payerId: PAYER_ID, amountCents: 700 })],
      [
        OTHER_PAYER_ID,
        `${EVENT_ID}:${OTHER_PAYER_ID}`,
        expect.objectContaining({ payerId: OTHER_PAYER_ID, amountCents: 300 }),
      ],
    ]);
    expectConforming(messages);
  });

  it('books issued go to every funder of the programme, learnt from ProgrammeOpened', () => {
    const directory = new FundingDirectory();
    const booksIssued = stored({
      type: 'BooksIssued.v1',
      data: {
        programmeId: 'prog-1',
        bookIds: ['book-1', 'book-2'],
        voucherCount: 10,
        amountCents: 10_000,
        issuedAt: '2026-02-01T00:00:00.000Z',
      },
    });
    expect(directory.missingStreamFor(booksIssued)).toBe('programme-prog-1');
    expect(() => toPayerMessages(booksIssued, directory)).toThrow(UnknownFundingError);
    directory.learn(programmeOpened({ coFunders }));
    expect(directory.missingStreamFor(booksIssued)).toBeUndefined();
    const messages = toPayerMessages(booksIssued, directory);
    expect(messages.map((message) => message.payload)).toEqual([
      expect.objectContaining({
        payerId: PAYER_ID,
        funding: { role: 'lead', shareBps: 7000 },
        amountCents: 10_000,
      }),
      expect.objectContaining({ payerId: OTHER_PAYER_ID, funding: { role: 'co-funder', shareBps: 3000 } }),
    ]);
    expect(messages[0].headers.ce_subject).toBe('programmes/prog-1');
    expectConforming(messages);
  });

  it('a programme entering its last month is announced to every funder, with its figures', () => {
    const directory = new FundingDirectory();
    const expiring = stored({
      type: 'ProgrammeExpiring.v1',
      data: {
        programmeId: 'prog-1',
        validUntil: '2026-12-31T23:59:59.000Z',
        redeemableUntil: '2027-01-31T23:59:59.000Z',
        figures: {
          booksIssued: 10,
          booksAllocated: 6,
          booksNotAllocated: 4,
          booksHandedOut: 5,
          booksStarted: 3,
          vouchersUnredeemed: 40,
          unredeemedFaceValueCents: 40_000,
        },
        announcedAt: '2026-12-01T04:00:00.000Z',
      },
    });
    expect(directory.missingStreamFor(expiring)).toBe('programme-prog-1');
    directory.learn(programmeOpened({ coFunders }));
    const messages = toPayerMessages(expiring, directory);
    expect(messages.map((message) => [message.key, message.headers.ce_type])).toEqual([
      [PAYER_ID, PAYER_EVENT_TYPES.programmeExpiring],
      [OTHER_PAYER_ID, PAYER_EVENT_TYPES.programmeExpiring],
    ]);
    expect(messages[0].payload).toMatchObject({ booksNotAllocated: 4, unredeemedFaceValueCents: 40_000 });
    expectConforming(messages);
  });

  it('a cancelled book releases face value × voided vouchers, to the funders learnt from BookIssued', () => {
    const directory = new FundingDirectory();
    const cancelled = stored({
      type: 'BookCancelled.v1',
      data: {
        bookId: 'book-1',
        reason: 'lost',
        voidedVoucherIds: ['book-1-02'],
        cancelledAt: '2026-04-01T00:00:00Z',
      },
    });
    expect(directory.missingStreamFor(cancelled)).toBe('book-book-1');
    directory.learn(bookIssued());
    const [message, ...others] = toPayerMessages(cancelled, directory);
    expect(others).toEqual([]);
    expect(message.headers.ce_id).toBe(EVENT_ID);
    expect(message.payload).toEqual({
      payerId: PAYER_ID,
      programmeId: 'prog-1',
      funding: { role: 'lead', shareBps: 10_000 },
      bookId: 'book-1',
      reason: 'lost',
      voidedVoucherIds: ['book-1-02'],
      voidedAmountCents: 1000,
      cancelledAt: '2026-04-01T00:00:00.000Z',
    });
    expectConforming([message]);
  });

  it('settlement batches go to their payer', () => {
    const opened = toPayerMessages(
      stored({
        type: 'SettlementBatchOpened.v1',
        data: {
          batchId: 'batch-1',
          payerId: PAYER_ID,
          venueId: 'venue-a',
          payables: [
            {
              redemptionId: 'red-1',
              voucherId: 'book-1-01',
              programmeId: 'prog-1',
              amountCents: 1000,
              scannedAt: '2026-03-01T10:00:00.000Z',
            },
          ],
          totalCents: 1000,
          until: '2026-04-01T00:00:00.000Z',
          awaitingBankDetails: false,
          openedAt: '2026-04-01T00:00:05.000Z',
          period: '2026-03',
        },
      }),
      new FundingDirectory(),
    );
    const paid = toPayerMessages(
      stored({
        type: 'SettlementBatchPaid.v1',
        data: {
          batchId: 'batch-1',
          payerId: PAYER_ID,
          venueId: 'venue-a',
          totalCents: 1000,
          paymentReference: 'VIR-2026-0001',
          paidAt: '2026-04-03T00:00:00.000Z',
        },
      }),
      new FundingDirectory(),
    );
    expect(opened[0].payload).toMatchObject({ period: '2026-03' });
    expect([...opened, ...paid].map((message) => [message.key, message.headers.ce_type])).toEqual([
      [PAYER_ID, PAYER_EVENT_TYPES.settlementBatchOpened],
      [PAYER_ID, PAYER_EVENT_TYPES.settlementBatchPaid],
    ]);
    expectConforming([...opened, ...paid]);
  });

  it('events that are not the payers’ concern, or carry personal data or codes, produce nothing', () => {
    const directory = new FundingDirectory();
    for (const event of [
      programmeOpened(),
      bookIssued(),
      { type: 'BookDistributed.v1', data: { bookId: 'book-1', beneficiaryRef: 'dossier-42' } },
      { type: 'VenueRegistered.v1', data: { venueId: 'venue-a' } },
    ]) {
      expect(toPayerMessages(stored(event), directory)).toEqual([]);
    }
  });

  it('payloads never carry a beneficiary reference or a voucher code', () => {
    const directory = new FundingDirectory();
    directory.learn(bookIssued());
    const serialized = JSON.stringify([
      ...toPayerMessages(redeemed([{ payerId: PAYER_ID, amountCents: 1000 }]), directory),
      ...toPayerMessages(
        stored({
          type: 'BookCancelled.v1',
          data: {
            bookId: 'book-1',
            reason: 'stolen',
            voidedVoucherIds: [],
            cancelledAt: '2026-04-01T00:00:00Z',
          },
        }),
        directory,
      ),
    ]);
    expect(serialized).not.toMatch(/beneficiary|dossier|AAAAAAAAAAAA0|"code"|servicePrice/);
  });

  it('the AsyncAPI contract refuses a payload with a field it does not name, or a wrong key', () => {
    const [message] = toPayerMessages(
      redeemed([{ payerId: PAYER_ID, amountCents: 1000 }]),
      new FundingDirectory(),
    );
    const record = toKafkaRecord(message);
    const value = { ...JSON.parse(record.value), beneficiaryRef: 'dossier-42' };
    expect(contract.violations({ key: record.key, headers: record.headers, value })).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
    expect(
      contract.violations({ key: 'venue-a', headers: record.headers, value: JSON.parse(record.value) }),
    ).toEqual([expect.stringContaining('key must match pattern')]);
    expect(contract.types).toEqual(Object.values(PAYER_EVENT_TYPES));
  });

  it('the mapping is deterministic: a re-sent event keeps its ce_ids', () => {
    const event = redeemed([
      { payerId: PAYER_ID, amountCents: 500 },
      { payerId: OTHER_PAYER_ID, amountCents: 500 },
    ]);
    const ids = () => toPayerMessages(event, new FundingDirectory()).map((message) => message.headers.ce_id);
    expect(ids()).toEqual(ids());
    expect(new Set(ids()).size).toBe(2);
  });
});

describe('the funding directory', () => {
  it('forgets the least recently used books beyond its capacity', () => {
    const directory = new FundingDirectory(2);
    directory.learn(bookIssued({ bookId: 'b1' }));
    directory.learn(bookIssued({ bookId: 'b2' }));
    directory.book('b1');
    directory.learn(bookIssued({ bookId: 'b3' }));
    expect(
      [directory.book('b1'), directory.book('b2'), directory.book('b3')].map((book) => book?.bookId),
    ).toEqual(['b1', undefined, 'b3']);
  });
});

describe('the instants of payer messages', () => {
  const roundTrip = (instant: string) => {
    const millis = Date.parse(instant);
    return Number.isNaN(millis) ? instant : new Date(millis).toISOString();
  };
  const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));

  it('are spelled as toISOString spells them, whatever the instant looked like', () => {
    // Strings of the canonical shape, impossible dates and hours included, and other spellings.
    const shaped = fc
      .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    const instants = fc.oneof(
      shaped,
      fc
        .date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
      fc.constantFrom(
        '2026-02-30T10:00:00.000Z',
        '2026-03-01T10:00:00Z',
        '2026-03-01T11:00:00+01:00',
        'soon',
      ),
    );
    fc.assert(
      fc.property(instants, (instant) => expect(iso(instant)).toBe(roundTrip(instant))),
      {
        numRuns: 5_000,
      },
    );
    expect(iso('2026-02-30T10:00:00.000Z')).toBe('2026-03-02T10:00:00.000Z');
    expect(iso('2026-03-01T11:00:00+01:00')).toBe('2026-03-01T10:00:00.000Z');
  });
});
