import { randomUUID } from 'node:crypto';
import type { EventStore } from '@pass/event-store';
import type { TestApp } from '../support/test-app';
import {
  auth,
  certifiedVenue,
  distribute,
  issueBooks,
  openProgramme,
  OTHER_PAYER,
  PAYER,
  redeem,
  tokensFor,
  type IssuedBook,
} from '../support/scenario';

/**
 * A payer's year in small: a programme co-funded 70/30 by PAYER and OTHER_PAYER, one funded by
 * OTHER_PAYER alone, books issued and distributed in both; `redeemNext` scans their vouchers one by
 * one through the API.
 */
export async function payerWorkload(t: TestApp, booksPerProgramme = 2, vouchersPerBook = 5) {
  const tokens = await tokensFor(t);
  const venue = await certifiedVenue(t, tokens);
  const coFunded = await openProgramme(t, tokens, {
    name: 'Pass numérique Gironde co-financé',
    coFunders: [
      { payerId: PAYER, shareBps: 7000 },
      { payerId: OTHER_PAYER, shareBps: 3000 },
    ],
  });
  const otherTokens = { ...tokens, payer: tokens.otherPayer };
  const alone = await openProgramme(t, otherTokens, { name: 'Pass numérique Bordeaux' });
  const books: IssuedBook[] = [
    ...(await issueBooks(t, tokens, coFunded, booksPerProgramme, vouchersPerBook)),
    ...(await issueBooks(t, otherTokens, alone, booksPerProgramme, vouchersPerBook)),
  ];
  for (const [index, book] of books.entries())
    await distribute(t, index < booksPerProgramme ? tokens : otherTokens, book.bookId);
  // Interleave the programmes so that both payers' messages are mixed in the log.
  const vouchers = books
    .flatMap((book) => book.vouchers.map((voucher, position) => ({ voucher, position })))
    .sort((a, b) => a.position - b.position)
    .map(({ voucher }) => voucher);
  let next = 0;
  return {
    tokens,
    books,
    remaining: () => vouchers.length - next,
    /** Scans the next voucher; answers the HTTP status and how long the API took. */
    async redeemNext(): Promise<{ status: number; ms: number }> {
      const started = Date.now();
      const response = await redeem(t, venue.token, { code: vouchers[next++].code });
      return { status: response.status, ms: Date.now() - started };
    },
    async cancel(book: IssuedBook, owner: 'payer' | 'otherPayer'): Promise<void> {
      await t
        .http()
        .post(`/v1/books/${book.bookId}/cancellation`)
        .set(auth(tokens[owner]))
        .send({ reason: 'lost' })
        .expect(200);
    },
  };
}

/** Settlement is not emitted by the API yet (another issue); its events' shapes are fixed. */
export async function appendSettlement(store: EventStore, payerId = PAYER): Promise<void> {
  const batchId = `batch-${randomUUID()}`;
  await store.append([
    {
      streamId: `settlement-${batchId}`,
      expectedVersion: 0,
      events: [
        {
          eventId: randomUUID(),
          type: 'SettlementBatchOpened.v1',
          data: {
            batchId,
            payerId,
            venueId: 'venue-settled',
            payables: [
              {
                redemptionId: 'red-1',
                voucherId: 'book-1-01',
                programmeId: 'prog-1',
                amountCents: 700,
                scannedAt: '2026-03-01T10:00:00.000Z',
              },
            ],
            totalCents: 700,
            until: '2026-04-01T00:00:00.000Z',
            awaitingBankDetails: false,
            openedAt: '2026-04-01T00:00:05.000Z',
          },
        },
        {
          eventId: randomUUID(),
          type: 'SettlementBatchPaid.v1',
          data: {
            batchId,
            payerId,
            venueId: 'venue-settled',
            totalCents: 700,
            paymentReference: 'VIR-2026-0001',
            paidAt: '2026-04-03T00:00:00.000Z',
          },
        },
      ],
    },
  ]);
}
