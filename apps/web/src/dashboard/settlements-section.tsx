import { useState } from 'preact/hooks';
import { downloadFromApi } from '../ui/download';
import { formatCents, formatCount, formatDate } from '../ui/format';
import { LoadedBlock } from '../ui/loading';
import { useApi } from '../ui/use-api';
import type { Batch } from './types';

export const BATCH_STATUS: Record<Batch['status'], string> = {
  open: 'à payer',
  'awaiting-bank-details': 'en attente du RIB du lieu',
  paid: 'payé',
};

/** The payer's settlement batches (GET /v1/settlements), each with its SEPA transfer file. */
export function SettlementsSection({ venueNames }: { venueNames: Map<string, string> }) {
  const settlements = useApi<{ batches: Batch[] }>('/v1/settlements');
  const [error, setError] = useState<string>();

  async function sepa(batchId: string) {
    setError(undefined);
    try {
      await downloadFromApi(
        `/v1/settlements/${encodeURIComponent(batchId)}/sepa.xml`,
        `virement-${batchId}.xml`,
      );
    } catch {
      setError(`Le fichier de virement du lot ${batchId} n'a pas pu être téléchargé.`);
    }
  }

  return (
    <section class="card" aria-labelledby="settlements-title" id="remboursements">
      <h2 id="settlements-title">Remboursements aux lieux</h2>
      <LoadedBlock loaded={settlements}>
        {({ batches }) =>
          batches.length === 0 ? (
            <p class="muted">Aucun lot de remboursement pour l'instant.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>Lots de remboursement, du plus récent au plus ancien</caption>
                <thead>
                  <tr>
                    <th scope="col">Lieu</th>
                    <th scope="col">Ouvert le</th>
                    <th scope="col" class="num">
                      Passages
                    </th>
                    <th scope="col" class="num">
                      Montant
                    </th>
                    <th scope="col">État</th>
                    <th scope="col">Virement</th>
                  </tr>
                </thead>
                <tbody>
                  {batches.map((batch) => (
                    <tr key={batch.batchId}>
                      <th scope="row">{venueNames.get(batch.venueId) ?? batch.venueId}</th>
                      <td>{formatDate(batch.openedAt)}</td>
                      <td class="num">{formatCount(batch.redemptions)}</td>
                      <td class="num">{formatCents(batch.totalCents)}</td>
                      <td>{BATCH_STATUS[batch.status]}</td>
                      <td>
                        {batch.status === 'open' ? (
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            onClick={() => void sepa(batch.batchId)}
                          >
                            Fichier SEPA <span class="visually-hidden">du lot {batch.batchId}</span>
                          </button>
                        ) : (
                          (batch.paymentReference ?? '—')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadedBlock>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
