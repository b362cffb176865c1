import type { Reconciliation } from '@pass/domain';
import { formatEuros, type TableDocument } from '@pass/vouchers';

type ReconciliationReport = Reconciliation & {
  programme: { name: string; payerId: string; programmeId: string };
};

/** The reconciliation as CSV for spreadsheets: `;` separated, as French spreadsheet software expects. */
export function reconciliationCsv(report: ReconciliationReport): string {
  const rows: (string | number)[][] = [
    ['ligne', 'chèques', 'montant_centimes'],
    ['émis', report.issued.vouchers, report.issued.cents],
    ['utilisés (valeur faciale)', report.redeemed.vouchers, report.redeemed.cents],
    ['utilisés (montant payé aux lieux)', report.redeemed.vouchers, report.redeemed.amountCents],
    ['expirés', report.expired.vouchers, report.expired.cents],
    ['annulés', report.cancelled.vouchers, report.cancelled.cents],
    ['en circulation', report.outstanding.vouchers, report.outstanding.cents],
    ['remboursés', '', report.reimbursedCents],
    ['en attente de remboursement', '', report.awaitingSettlementCents],
    ['avoirs', '', report.creditedCents],
    ...report.payers.flatMap((payer) => [
      [`financeur ${payer.payerId} : utilisés`, '', payer.redeemedCents],
      [`financeur ${payer.payerId} : remboursés`, '', payer.reimbursedCents],
      [`financeur ${payer.payerId} : en attente`, '', payer.awaitingSettlementCents],
      [`financeur ${payer.payerId} : avoirs`, '', payer.creditedCents],
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
}

export function reconciliationDocument(report: ReconciliationReport, brandName: string): TableDocument {
  const tally = (vouchers: number, cents: number) => `${vouchers} chèques · ${formatEuros(cents)}`;
  return {
    title: `État contradictoire — ${report.programme.name}`,
    author: brandName,
    lines: [
      `Programme ${report.programme.programmeId}, tiers payeur ${report.programme.payerId}.`,
      `Établi le ${new Date().toISOString().slice(0, 10)} à partir du journal des événements.`,
    ],
    tables: [
      {
        heading: 'Chèques (valeur faciale) : émis = utilisés + expirés + annulés + en circulation',
        rows: [
          ['Émis', tally(report.issued.vouchers, report.issued.cents)],
          ['Utilisés', tally(report.redeemed.vouchers, report.redeemed.cents)],
          ['Expirés', tally(report.expired.vouchers, report.expired.cents)],
          ['Annulés', tally(report.cancelled.vouchers, report.cancelled.cents)],
          ['En circulation', tally(report.outstanding.vouchers, report.outstanding.cents)],
        ],
      },
      {
        heading: 'Paiements aux lieux : utilisés = remboursés + en attente',
        rows: [
          ['Montant des utilisations', formatEuros(report.redeemed.amountCents)],
          ['Remboursés', formatEuros(report.reimbursedCents)],
          ['En attente de remboursement', formatEuros(report.awaitingSettlementCents)],
          ['Avoirs émis', formatEuros(report.creditedCents)],
        ],
      },
      ...report.payers.map((payer) => ({
        heading: `Financeur ${payer.payerId}`,
        rows: [
          ['Utilisés (sa part)', formatEuros(payer.redeemedCents)],
          ['Remboursés', formatEuros(payer.reimbursedCents)],
          ['En attente', formatEuros(payer.awaitingSettlementCents)],
          ['Avoirs', formatEuros(payer.creditedCents)],
        ] as [string, string][],
      })),
    ],
  };
}
