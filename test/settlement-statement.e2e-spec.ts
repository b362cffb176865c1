import { inspectPdfPages } from '@pass/vouchers/testing/pdf-inspection';
import { describeOnPostgres } from './support/postgres';
import { startTestApp, type TestApp } from './support/test-app';
import { auth, certifiedVenue, distribute, issueBooks, openProgramme, randomSiret } from './support/scenario';
import { freshPayer, redeemOk, settleOk } from './support/settlement-scenario';

/** Every line of text drawn in the PDF, pages in order (pdfkit's output, read without a PDF library). */
function pdfText(pdf: Buffer): string {
  return inspectPdfPages(pdf)
    .flatMap((page) => page.lines)
    .join('\n');
}

describeOnPostgres("a venue's settlement statement (PDF)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres');
  });
  afterAll(() => t.close());

  it('is the batch, readable by its payer, its venue and an admin, with the payment once made', async () => {
    const tokens = await freshPayer(t);
    await t
      .http()
      .put(`/v1/payers/${tokens.payerId}/branding`)
      .set(auth(tokens.payer))
      .send({ displayName: 'Département de la Gironde' })
      .expect(200);
    const siret = randomSiret();
    const venue = await certifiedVenue(t, tokens, '33063', siret);
    const otherVenue = await certifiedVenue(t, tokens);
    const programmeId = await openProgramme(t, tokens);
    const [book] = await issueBooks(t, tokens, programmeId, 1, 3);
    await distribute(t, tokens, book.bookId);
    const service = await t
      .http()
      .post(`/v1/venues/${venue.venueId}/services`)
      .set(auth(venue.token))
      .send({
        title: 'Faire ses démarches CAF en ligne',
        category: 'demarches-en-ligne',
        format: 'individual',
        durationMinutes: 60,
        priceInVouchers: 1,
      })
      .expect(201);
    await redeemOk(t, venue.token, book.vouchers[0].qr, { serviceId: service.body.serviceId });
    await redeemOk(t, venue.token, book.vouchers[1].qr, { servicePriceCents: 750 });
    await redeemOk(t, otherVenue.token, book.vouchers[2].qr);
    const batch = (await settleOk(t, tokens.payer)).find((opened) => opened.venueId === venue.venueId)!;
    const statement = (token: string) =>
      t.http().get(`/v1/settlements/${batch.batchId}/statement.pdf`).set(auth(token)).buffer(true);

    for (const reader of [tokens.payer, venue.token, tokens.admin]) {
      const response = await statement(reader).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const stranger of [otherVenue.token, tokens.otherPayer]) {
      const response = await statement(stranger).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe('/problems/settlement.not-found');
    }

    const unpaid = pdfText((await statement(venue.token).expect(200)).body);
    for (const expected of [
      'Tiers payeur : Département de la Gironde (SIREN',
      'Lieu : Médiathèque, SIRET ' + siret,
      'Faire ses démarches CAF en ligne',
      'Accompagnement',
      '10,00 €',
      '7,50 €',
      'Montant total',
      '17,50 €',
      'en attente de paiement',
    ])
      expect(unpaid).toContain(expected);

    await t
      .http()
      .post(`/v1/settlements/${batch.batchId}/payment`)
      .set(auth(tokens.payer))
      .send({ paymentReference: 'VIR-2026-000042' })
      .expect(200);
    const paid = pdfText((await statement(tokens.payer).expect(200)).body);
    expect(paid).toContain('VIR-2026-000042');
    expect(paid).toContain('17,50 €');
    expect(paid).not.toContain('en attente de paiement');
  });
});
