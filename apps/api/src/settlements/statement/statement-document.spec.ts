import type { Cents, OpenedBatchState } from '@pass/domain';
import { AWAITING_PAYMENT, statementDocument, type StatementFacts } from './statement-document';

const batch: OpenedBatchState = {
  status: 'opened',
  batchId: 'stl-1',
  payerId: '200054781',
  venueId: 'ven_1',
  payables: [
    {
      redemptionId: 'red-2',
      voucherId: 'bk_1-02',
      programmeId: 'prog-1',
      amountCents: 750 as Cents,
      // 00:30 on 1 March in Paris, still February in UTC: printed as the French day.
      scannedAt: '2026-02-28T23:30:00.000Z',
    },
    {
      redemptionId: 'red-1',
      voucherId: 'bk_1-01',
      programmeId: 'prog-1',
      amountCents: 1250 as Cents,
      scannedAt: '2026-02-27T10:00:00.000Z',
      serviceTitle: 'Atelier démarches en ligne',
    },
  ],
  totalCents: 2000 as Cents,
  until: '2026-02-28T23:00:00.000Z',
  period: '2026-02',
  awaitingBankDetails: false,
  openedAt: '2026-03-01T05:00:00.000Z',
};

const facts = (overrides: Partial<StatementFacts> = {}): StatementFacts => ({
  batch,
  payerName: 'Département de la Gironde',
  venue: { name: 'Médiathèque de la Bastide', siret: '73282932000074' },
  issuedAt: '2026-03-02T09:00:00.000Z',
  brandName: 'Pass numérique',
  ...overrides,
});

describe("a venue's statement of a settlement batch", () => {
  it('names the payer, the venue and the month, and lists each redemption by date with its amount', () => {
    const document = statementDocument(facts());
    expect(document.title).toBe('Relevé de remboursement stl-1');
    expect(document.lines).toEqual(
      expect.arrayContaining([
        'Tiers payeur : Département de la Gironde (SIREN 200054781)',
        'Lieu : Médiathèque de la Bastide, SIRET 73282932000074',
        'Période : février 2026',
      ]),
    );
    expect(document.tables).toEqual([
      {
        heading: 'Prestations',
        rows: [
          ['27/02/2026 · Atelier démarches en ligne · chèque bk_1-01', '12,50 €'],
          ['01/03/2026 · Accompagnement · chèque bk_1-02', '7,50 €'],
        ],
      },
      {
        heading: 'Total',
        rows: [
          ['Nombre de prestations', '2'],
          ['Montant total', '20,00 €'],
        ],
      },
      { heading: 'Paiement', rows: [['Statut', AWAITING_PAYMENT]] },
    ]);
  });

  it('gives the payment reference and date once paid', () => {
    const paid: OpenedBatchState = {
      ...batch,
      status: 'paid',
      payment: { paymentReference: 'VIR-2026-000042', paidAt: '2026-03-10T09:00:00.000Z' },
    };
    const [, , payment] = statementDocument(facts({ batch: paid })).tables;
    expect(payment.rows).toEqual([
      ['Statut', 'payé'],
      ['Référence du virement', 'VIR-2026-000042'],
      ['Date du paiement', '10/03/2026'],
    ]);
  });

  it("names the payer by SIREN alone without a display name, and a payer's own run by its cut-off", () => {
    const { period: _period, ...adHoc } = batch;
    const document = statementDocument(
      facts({ payerName: undefined, batch: { ...adHoc, until: '2026-03-15T10:00:00.000Z' } }),
    );
    expect(document.lines).toEqual(
      expect.arrayContaining([
        'Tiers payeur : SIREN 200054781',
        "Période : prestations enregistrées jusqu'au 15/03/2026",
      ]),
    );
  });
});
