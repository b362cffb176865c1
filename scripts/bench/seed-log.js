// Seeds a realistic log straight through the store (no HTTP): a programme, venues, books of 20
// issued and handed out, and most vouchers redeemed — the events projections and the relay follow.
const { randomUUID } = require('node:crypto');

const PAYER = '200054781';
const BOOKS_PER_APPEND = 50;

const event = (type, data) => ({ eventId: randomUUID(), type, data });

async function seedLog(store, { books, venues = 20 }) {
  const programmeId = `prg_bench${Date.now().toString(36)}`;
  const territory = { departements: ['33'], communes: [] };
  const validity = { validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2099-12-31T23:59:59.000Z' };
  const coFunders = [{ payerId: PAYER, shareBps: 10_000 }];
  await store.append([
    {
      streamId: `programme-${programmeId}`,
      expectedVersion: 0,
      events: [
        event('ProgrammeOpened.v1', {
          programmeId,
          payerId: PAYER,
          name: 'Bench',
          territory,
          faceValueCents: 1000,
          budgetCents: books * 20 * 1000,
          ...validity,
          coFunders,
          gracePeriodDays: 31,
          openedAt: '2026-01-01T00:00:00.000Z',
        }),
      ],
    },
    ...Array.from({ length: venues }, (_, v) => ({
      streamId: `venue-ven_bench${v}`,
      expectedVersion: 0,
      events: [
        event('VenueRegistered.v1', {
          venueId: `ven_bench${v}`,
          siret: `0000000000000${v}`,
          name: `Lieu ${v}`,
          communeInsee: '33063',
          departement: '33',
          registeredAt: '2026-01-01T00:00:00.000Z',
        }),
        event('VenueCertified.v1', {
          venueId: `ven_bench${v}`,
          validUntil: '2099-01-01T00:00:00.000Z',
          certifiedAt: '2026-01-01T00:00:00.000Z',
        }),
      ],
    })),
  ]);
  let count = 1 + venues * 2;
  for (let first = 0; first < books; first += BOOKS_PER_APPEND) {
    const appends = [];
    for (let b = first; b < Math.min(books, first + BOOKS_PER_APPEND); b++) {
      const bookId = `bk_bench${b}`;
      const vouchers = Array.from({ length: 20 }, (_, i) => ({
        voucherId: `${bookId}-${String(i + 1).padStart(2, '0')}`,
        code: `C${b}X${i}`,
      }));
      const redeemed = vouchers.slice(0, 16).map((voucher, i) =>
        event('VoucherRedeemed.v1', {
          bookId,
          programmeId,
          voucherId: voucher.voucherId,
          redemptionId: `rdm_${b}_${i}`,
          venueId: `ven_bench${(b + i) % venues}`,
          amountCents: 1000,
          servicePriceCents: null,
          shares: [{ payerId: PAYER, amountCents: 1000 }],
          scannedAt: '2026-06-01T10:00:00.000Z',
          recordedAt: '2026-06-01T10:00:01.000Z',
        }),
      );
      appends.push({
        streamId: `book-${bookId}`,
        expectedVersion: 0,
        events: [
          event('BookIssued.v1', {
            bookId,
            programmeId,
            payerId: PAYER,
            coFunders,
            vouchers,
            faceValueCents: 1000,
            ...validity,
            territory,
            gracePeriodDays: 31,
            issuedAt: '2026-01-02T00:00:00.000Z',
          }),
          event('BookDistributed.v1', {
            bookId,
            distributorId: 'ccas-bench',
            beneficiaryRef: null,
            distributedAt: '2026-01-03T00:00:00.000Z',
            recordedBy: PAYER,
          }),
          ...redeemed,
        ],
      });
      count += 2 + redeemed.length;
    }
    await store.append(appends);
  }
  return count;
}

module.exports = { seedLog };
