import { useState } from 'preact/hooks';
import { downloadFromApi } from '../ui/download';
import { formatCents, formatCount } from '../ui/format';
import { LoadedBlock } from '../ui/loading';
import { useApi } from '../ui/use-api';
import { FranceMap } from './france-map';
import type { TerritoryLine, TerritoryStats } from './types';

/** Spend per département (map and table) and per commune (table), with the CSV of the latter. */
export function TerritorySection({ programmeId }: { programmeId: string }) {
  const query = `programmeId=${encodeURIComponent(programmeId)}`;
  const departements = useApi<TerritoryStats>(`/v1/stats/territories?${query}&level=departement`);
  const communes = useApi<TerritoryStats>(`/v1/stats/territories?${query}&level=commune`);
  const [downloadError, setDownloadError] = useState<string>();

  async function downloadCsv(level: 'departement' | 'commune') {
    setDownloadError(undefined);
    try {
      await downloadFromApi(`/v1/stats/territories.csv?${query}&level=${level}`, `depenses-par-${level}.csv`);
    } catch {
      setDownloadError("Le fichier n'a pas pu être téléchargé.");
    }
  }

  return (
    <section class="card" aria-labelledby="territories-title">
      <h2 id="territories-title">Dépenses par territoire</h2>
      <LoadedBlock loaded={departements}>
        {(stats) => (
          <div class="territories">
            <FranceMap lines={stats.territories} tableId="table-departements" />
            <TerritoryTable
              id="table-departements"
              caption="Par département"
              lines={stats.territories}
              stats={stats}
            />
          </div>
        )}
      </LoadedBlock>
      <LoadedBlock loaded={communes}>
        {(stats) => (
          <TerritoryTable id="table-communes" caption="Par commune" lines={stats.territories} stats={stats} />
        )}
      </LoadedBlock>
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void downloadCsv('departement')}
        >
          Télécharger le CSV par département
        </button>
        <button type="button" class="button button--secondary" onClick={() => void downloadCsv('commune')}>
          Télécharger le CSV par commune
        </button>
      </div>
      {downloadError && (
        <p class="field-error" role="alert">
          {downloadError}
        </p>
      )}
    </section>
  );
}

function TerritoryTable(props: {
  id: string;
  caption: string;
  lines: readonly TerritoryLine[];
  stats: TerritoryStats;
}) {
  const { id, caption, lines, stats } = props;
  return (
    <div class="table-wrap">
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Territoire</th>
            <th scope="col" class="num">
              Distribué
            </th>
            <th scope="col" class="num">
              Utilisé
            </th>
            <th scope="col" class="num">
              Remboursé
            </th>
            <th scope="col" class="num">
              Passages
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={5}>Aucun montant pour l'instant.</td>
            </tr>
          )}
          {lines.map((line) => (
            <tr key={`${line.code}`} data-code={line.code ?? ''}>
              <th scope="row">{line.code ? `${line.name ?? line.code} (${line.code})` : 'Non localisé'}</th>
              <td class="num">{formatCents(line.distributedCents)}</td>
              <td class="num" data-cents={line.redeemedCents}>
                {formatCents(line.redeemedCents)}
              </td>
              <td class="num">{formatCents(line.reimbursedCents)}</td>
              <td class="num">{formatCount(line.redemptions)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td class="num">{formatCents(stats.totals.distributedCents)}</td>
            <td class="num">{formatCents(stats.totals.redeemedCents)}</td>
            <td class="num">{formatCents(stats.totals.reimbursedCents)}</td>
            <td class="num">{formatCount(stats.totals.redemptions)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
