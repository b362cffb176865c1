import request from 'supertest';
import { streams } from '@pass/domain';
import { describeOnPostgres } from './support/postgres';
import { readyToRedeem, redeem, auth } from './support/scenario';
import { startSecondInstance, type SecondInstance } from './support/second-instance';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Each instance remembers the books it last redeemed from (RedemptionStateReader). Another replica's
 * redemptions move those books behind its back: the append's version check must catch every one.
 */
describeOnPostgres('redemptions on two instances that remember books', () => {
  let t: TestApp;
  let second: SecondInstance;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    second = await startSecondInstance(t);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const redeemOnSecond = (venueToken: string, code: string) =>
    request(second.app.getHttpServer())
      .post('/v1/redemptions')
      .set(auth(venueToken))
      .set('Idempotency-Key', `second-${Math.random()}`)
      .send({ code });

  it('refuses a voucher the other instance redeemed, and redeems the rest of the book', async () => {
    const { venue, book } = await readyToRedeem(t, 4);
    const [first, takenElsewhere, next] = book.vouchers;

    await redeem(t, venue.token, { qr: first.qr }).expect(201); // this instance now remembers the book
    // By its printed code: each test instance signs QR codes with a key of its own.
    await redeemOnSecond(venue.token, takenElsewhere.code).expect(201);
    const refused = await redeem(t, venue.token, { qr: takenElsewhere.qr }).expect(409);
    expect(refused.body.type).toBe('/problems/voucher.already-redeemed');
    await redeem(t, venue.token, { qr: next.qr }).expect(201);

    const redeemed = (await t.store.readStream(streams.book(book.bookId)))
      .filter((event) => event.type === 'VoucherRedeemed.v1')
      .map((event) => (event.data as { voucherId: string }).voucherId);
    expect(redeemed).toEqual([first.voucherId, takenElsewhere.voucherId, next.voucherId]);
  });
});
