import { BATCH_STATUS } from '../dashboard/settlements-section';
import type { Batch } from '../dashboard/types';
import { csvBlob, toCsv } from '../ui/csv';
import { saveBlob } from '../ui/download';
import { formatCents, formatCount, formatDate, formatDateTime } from '../ui/format';
import { LoadedBlock } from '../ui/loading';
import { useApi } from '../ui/use-api';
import {
  categoryLabel,
  historyEntries,
  programmeLabel,
  sessionSummary,
  type HistoryEntry,
  type Redemption,
} from './redemption-entries';
import './history.css';

/** /app/historique: the venue's redemptions and the settlements paying it, both as CSV too. */
export function HistoryPage() {
  const redemptions = useApi<{ redemptions: Redemption[] }>('/v1/web/redemptions');
  const settlements = useApi<{ batches: Batch[] }>('/v1/settlements');
  return (
    <>
      <section class="card" aria-labelledby="redemptions-title">
        <h2 id="redemptions-title">Chèques enregistrés</h2>
        <LoadedBlock loaded={redemptions}>
          {({ redemptions: list }) => <RedemptionsTable list={list} />}
        </LoadedBlock>
      </section>
      <section class="card" aria-labelledby="payments-title">
        <h2 id="payments-title">Remboursements reçus</h2>
        <LoadedBlock loaded={settlements}>{({ batches }) => <BatchesTable batches={batches} />}</LoadedBlock>
      </section>
    </>
  );
}

function RedemptionsTable({ list }: { list: readonly Redemption[] }) {
  if (list.length === 0) return <p class="muted">Aucun chèque enregistré pour l'instant.</p>;
  const total = list.reduce((sum, redemption) => sum + redemption.amountCents, 0);
  const entries = historyEntries(list);
  const download = () =>
    saveBlob(
      csvBlob(
        toCsv(
          [
            'date_passage',
            'programme',
            'cheque',
            'montant_centimes',
            'passage',
            'seance',
            'lieu',
            'prestation',
            'categorie',
          ],
          list.map((r) => [
            r.scannedAt,
            programmeLabel(r),
            r.voucherId,
            r.amountCents,
            r.redemptionId,
            r.sessionId,
            r.locationId === null ? null : (r.locationName ?? r.locationId),
            r.service?.title ?? null,
            r.service ? categoryLabel(r.service.category) : null,
          ]),
        ),
      ),
      'cheques-enregistres.csv',
    );
  return (
    <>
      <p>
        {formatCount(list.length)} chèque(s) pour un total de <strong>{formatCents(total)}</strong>.
      </p>
      <button type="button" class="button button--secondary" onClick={download}>
        Télécharger le CSV des chèques
      </button>
      <div class="table-wrap">
        <table>
          <caption>
            Chèques enregistrés, du plus récent au plus ancien ; les chèques d'une même séance sont regroupés
            sur une ligne
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Prestation</th>
              <th scope="col">Lieu</th>
              <th scope="col">Programme</th>
              <th scope="col">Chèques</th>
              <th scope="col" class="num">
                Montant
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.key}>
                <th scope="row">{formatDateTime(entry.scannedAt)}</th>
                <td>
                  <EntryService entry={entry} />
                </td>
                <td>{entry.location ?? 'Non précisé'}</td>
                <td>{entry.programmes.join(', ')}</td>
                <td>
                  <EntryVouchers entry={entry} />
                </td>
                <td class="num">{formatCents(entry.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A session says so in words, with its service; a voucher alone names its service, if any. */
function EntryService({ entry }: { entry: HistoryEntry }) {
  const category = entry.service && (
    <span class="history__category">{categoryLabel(entry.service.category)}</span>
  );
  if (entry.sessionId !== null)
    return (
      <>
        <strong>{sessionSummary(entry)}</strong>
        {category}
      </>
    );
  if (!entry.service) return <>Non précisée</>;
  return (
    <>
      {entry.service.title}
      {category}
    </>
  );
}

/** Every voucher of a session, each with its amount; a voucher alone is just its id. */
function EntryVouchers({ entry }: { entry: HistoryEntry }) {
  if (entry.sessionId === null) return <>{entry.vouchers[0].voucherId}</>;
  return (
    <ul class="history__vouchers" aria-label={`Chèques de la séance du ${formatDateTime(entry.scannedAt)}`}>
      {entry.vouchers.map((voucher) => (
        <li key={voucher.redemptionId}>
          {voucher.voucherId} : {formatCents(voucher.amountCents)}
        </li>
      ))}
    </ul>
  );
}

function BatchesTable({ batches }: { batches: readonly Batch[] }) {
  if (batches.length === 0) return <p class="muted">Aucun remboursement pour l'instant.</p>;
  const download = () =>
    saveBlob(
      csvBlob(
        toCsv(
          ['lot', 'ouvert_le', 'passages', 'montant_centimes', 'etat', 'reference_paiement', 'paye_le'],
          batches.map((b) => [
            b.batchId,
            b.openedAt,
            b.redemptions,
            b.totalCents,
            BATCH_STATUS[b.status],
            b.paymentReference,
            b.paidAt,
          ]),
        ),
      ),
      'remboursements.csv',
    );
  return (
    <>
      <button type="button" class="button button--secondary" onClick={download}>
        Télécharger le CSV des remboursements
      </button>
      <div class="table-wrap">
        <table>
          <caption>Lots de remboursement</caption>
          <thead>
            <tr>
              <th scope="col">Ouvert le</th>
              <th scope="col" class="num">
                Passages
              </th>
              <th scope="col" class="num">
                Montant
              </th>
              <th scope="col">État</th>
              <th scope="col">Référence du virement</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.batchId}>
                <th scope="row">{formatDate(b.openedAt)}</th>
                <td class="num">{formatCount(b.redemptions)}</td>
                <td class="num">{formatCents(b.totalCents)}</td>
                <td>{BATCH_STATUS[b.status]}</td>
                <td>{b.paymentReference ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
