import type { Instant, OpenedBatchState } from '@pass/domain';
import { formatEuros, formatFrenchDate, type TableDocument } from '@pass/vouchers';

/** What a venue's accountant needs to book one batch: who pays whom, for what, and whether it is paid. */
export interface StatementFacts {
  readonly batch: OpenedBatchState;
  /** The payer's display name, when it set one (PUT /v1/payers/:siren/branding). */
  readonly payerName?: string;
  readonly venue: { readonly name: string; readonly siret: string };
  readonly issuedAt: Instant;
  readonly brandName: string;
}

/** Redemptions made before venues published their services name none. */
export const UNNAMED_SERVICE = 'Accompagnement';
export const AWAITING_PAYMENT = 'en attente de paiement';

const MONTH_AND_YEAR = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The venue's statement (*relevé*) of one settlement batch, as a table document. */
export function statementDocument(facts: StatementFacts): TableDocument {
  const { batch, venue } = facts;
  const payer = facts.payerName ? `${facts.payerName} (SIREN ${batch.payerId})` : `SIREN ${batch.payerId}`;
  const payables = [...batch.payables].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  return {
    title: `Relevé de remboursement ${batch.batchId}`,
    author: facts.brandName,
    lines: [
      `Tiers payeur : ${payer}`,
      `Lieu : ${venue.name}, SIRET ${venue.siret}`,
      `Période : ${periodLabel(batch)}`,
      `Le tiers payeur rembourse au lieu les chèques ${facts.brandName} ci-dessous, reçus en paiement de ses accompagnements.`,
      `Lot ouvert le ${formatFrenchDate(batch.openedAt)} ; relevé édité le ${formatFrenchDate(facts.issuedAt)}.`,
    ],
    tables: [
      {
        heading: 'Prestations',
        rows: payables.map((payable) => [
          `${formatFrenchDate(payable.scannedAt)} · ${payable.serviceTitle ?? UNNAMED_SERVICE} · chèque ${payable.voucherId}`,
          formatEuros(payable.amountCents),
        ]),
      },
      {
        heading: 'Total',
        rows: [
          ['Nombre de prestations', String(payables.length)],
          ['Montant total', formatEuros(batch.totalCents)],
        ],
      },
      { heading: 'Paiement', rows: paymentRows(batch) },
    ],
  };
}

/** A monthly batch covers its calendar month; a payer's own run, everything recorded up to its cut-off. */
function periodLabel(batch: OpenedBatchState): string {
  if (batch.period) {
    const [year, month] = batch.period.split('-').map(Number);
    return MONTH_AND_YEAR.format(new Date(Date.UTC(year, month - 1, 15)));
  }
  return `prestations enregistrées jusqu'au ${formatFrenchDate(batch.until)}`;
}

function paymentRows(batch: OpenedBatchState): [string, string][] {
  if (!batch.payment) return [['Statut', AWAITING_PAYMENT]];
  return [
    ['Statut', 'payé'],
    ['Référence du virement', batch.payment.paymentReference],
    ['Date du paiement', formatFrenchDate(batch.payment.paidAt)],
  ];
}
