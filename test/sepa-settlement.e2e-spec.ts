import { onBothStores } from './support/both-stores';
import { startTestApp, type TestApp } from './support/test-app';
import { auth } from './support/scenario';
import { freshPayer, fundedVenues, redeemOk, settleOk } from './support/settlement-scenario';
import { schemaErrors } from './support/xml-schema';

const VENUE_IBAN = 'FR7630006000011234567890189';
const PAYER_IBAN = 'FR1420041010050500013M02606';

const only = (xml: string, element: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}[^>]*>([^<]*)</${element}>`, 'g'))].map((match) => match[1]);

onBothStores('bank details and SEPA credit transfer files', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('writes a pain.001.001.03 file whose totals are the batch total, valid against the XSD', async () => {
    const tokens = await freshPayer(t);
    const { venues, vouchers } = await fundedVenues(t, tokens, 1, 3);
    const venue = venues[0];
    await redeemOk(t, venue.token, vouchers[0].qr);
    await redeemOk(t, venue.token, vouchers[1].qr, { servicePriceCents: 333 });
    const [batch] = await settleOk(t, tokens.payer);
    expect(batch).toMatchObject({
      totalCents: 1333,
      status: 'awaiting-bank-details',
      awaitingBankDetails: true,
    });
    const sepa = () => t.http().get(`/v1/settlements/${batch.batchId}/sepa.xml`).set(auth(tokens.payer));

    const noVenueAccount = await sepa().expect(422);
    expect(noVenueAccount.body.type).toBe('/problems/bank-account.missing');
    await t
      .http()
      .put(`/v1/venues/${venue.venueId}/bank-account`)
      .set(auth(venue.token))
      .send({ iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'agrifrpp', holder: 'Médiathèque de Mérignac' })
      .expect(200, { venueId: venue.venueId, ibanLast4: '0189' });
    const noPayerAccount = await sepa().expect(422);
    expect(noPayerAccount.body.detail).toContain(`/v1/payers/${tokens.payerId}/bank-account`);
    await t
      .http()
      .put(`/v1/payers/${tokens.payerId}/bank-account`)
      .set(auth(tokens.payer))
      .send({ iban: PAYER_IBAN, name: 'Département de la Gironde' })
      .expect(200);

    const file = await sepa().expect(200);
    expect(file.headers['content-type']).toMatch(/^application\/xml/);
    const xml = file.text;
    expect(schemaErrors(xml)).toEqual([]);
    expect(only(xml, 'NbOfTxs')).toEqual(['1', '1']);
    expect(only(xml, 'CtrlSum')).toEqual(['13.33', '13.33']);
    expect(only(xml, 'InstdAmt')).toEqual(['13.33']);
    expect(only(xml, 'EndToEndId')).toEqual([batch.batchId]);
    expect(only(xml, 'IBAN')).toEqual([PAYER_IBAN, VENUE_IBAN]);
    expect(only(xml, 'BIC')).toEqual(['AGRIFRPP']);
    expect(only(xml, 'Nm')).toEqual([
      'Departement de la Gironde',
      'Departement de la Gironde',
      'Mediatheque de Merignac',
    ]);

    // With bank details now known, the batch is open to payment.
    const seen = await t.http().get(`/v1/settlements/${batch.batchId}`).set(auth(tokens.payer)).expect(200);
    expect(seen.body).toMatchObject({ status: 'open', awaitingBankDetails: false });
    await t.http().get(`/v1/settlements/${batch.batchId}/sepa.xml`).set(auth(venue.token)).expect(403);
  });

  it('stores the IBAN sealed: the events hold a ciphertext and the last four characters only', async () => {
    const tokens = await freshPayer(t);
    const { venues } = await fundedVenues(t, tokens, 1, 1);
    await t
      .http()
      .put(`/v1/venues/${venues[0].venueId}/bank-account`)
      .set(auth(tokens.admin))
      .send({ iban: VENUE_IBAN, holder: 'Association Le Lieu' })
      .expect(200);
    await t
      .http()
      .put(`/v1/payers/${tokens.payerId}/bank-account`)
      .set(auth(tokens.admin))
      .send({ iban: PAYER_IBAN, bic: 'PSSTFRPPBOR', name: 'Gironde' })
      .expect(200);

    const events = [
      ...(await t.store.readStream(`venue-${venues[0].venueId}`)),
      ...(await t.store.readStream(`payer-${tokens.payerId}`)),
    ];
    const sealed = events.filter((event) => event.type.endsWith('BankAccountSet.v1'));
    expect(sealed.map((event) => event.type).sort()).toEqual([
      'PayerBankAccountSet.v1',
      'VenueBankAccountSet.v1',
    ]);
    const stored = JSON.stringify(sealed);
    for (const secret of [
      VENUE_IBAN,
      PAYER_IBAN,
      '300060000112345678901',
      '2004101005050001',
      'Le Lieu',
      'PSSTFRPP',
    ])
      expect(stored).not.toContain(secret);
    expect(sealed.map((event) => (event.data as { ibanLast4: string }).ibanLast4).sort()).toEqual([
      '0189',
      '2606',
    ]);
    expect(Object.keys(sealed[0].data as object).sort()).toEqual(
      expect.arrayContaining(['ibanLast4', 'sealedAccount', 'setAt']),
    );
  });

  it('refuses an invalid IBAN with 400 and appends nothing; strangers get 404, other roles 403', async () => {
    const tokens = await freshPayer(t);
    const { venues } = await fundedVenues(t, tokens, 2, 1);
    const [venue, other] = venues;
    const before = (await t.store.readStream(`venue-${venue.venueId}`)).length;
    const put = (token: string, body: Record<string, unknown>, venueId = venue.venueId) =>
      t.http().put(`/v1/venues/${venueId}/bank-account`).set(auth(token)).send(body);

    for (const iban of ['FR7630006000011234567890188', 'XX00 1234', 'not an iban']) {
      const refused = await put(venue.token, { iban, holder: 'Le Lieu' }).expect(400);
      expect(refused.body.type).toBe('/problems/request.invalid');
    }
    await put(venue.token, { iban: VENUE_IBAN, bic: 'NOTABIC', holder: 'Le Lieu' }).expect(400);
    await put(venue.token, { iban: VENUE_IBAN, holder: '' }).expect(400);
    expect(await t.store.readStream(`venue-${venue.venueId}`)).toHaveLength(before);

    const stranger = await put(other.token, { iban: VENUE_IBAN, holder: 'Le Lieu' }).expect(404);
    expect(stranger.body.type).toBe('/problems/venue.not-found');
    await put(tokens.payer, { iban: VENUE_IBAN, holder: 'Le Lieu' }).expect(403);
    await put(tokens.admin, { iban: VENUE_IBAN, holder: 'Le Lieu' }, 'ven_unknown').expect(404);

    const payerPut = (token: string, siren: string) =>
      t
        .http()
        .put(`/v1/payers/${siren}/bank-account`)
        .set(auth(token))
        .send({ iban: PAYER_IBAN, name: 'Gironde' });
    const otherSiren = await payerPut(tokens.otherPayer, tokens.payerId).expect(404);
    expect(otherSiren.body.type).toBe('/problems/payer.not-found');
    await payerPut(tokens.payer, '123456789').expect(404);
    await payerPut(venue.token, tokens.payerId).expect(403);
    expect(await t.store.readStream(`payer-${tokens.payerId}`)).toEqual([]);
  });
});
