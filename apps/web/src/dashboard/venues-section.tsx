import { formatCents, formatCount } from '../ui/format';
import { LoadedBlock } from '../ui/loading';
import type { Loaded } from '../ui/use-api';
import type { Venue } from './types';

/** Every venue that redeemed the payer's vouchers, with its redemptions. */
export function VenuesSection({ venues }: { venues: Loaded<{ venues: Venue[] }> }) {
  return (
    <section class="card" aria-labelledby="venues-title">
      <h2 id="venues-title">Lieux</h2>
      <LoadedBlock loaded={venues}>
        {({ venues: list }) =>
          list.length === 0 ? (
            <p class="muted">Aucun chèque utilisé dans un lieu pour l'instant.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>Chèques utilisés par lieu, tous programmes</caption>
                <thead>
                  <tr>
                    <th scope="col">Lieu</th>
                    <th scope="col">Commune (INSEE)</th>
                    <th scope="col" class="num">
                      Passages
                    </th>
                    <th scope="col" class="num">
                      Montant
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((venue) => (
                    <tr key={venue.venueId}>
                      <th scope="row">{venue.name}</th>
                      <td>{venue.communeInsee ?? '—'}</td>
                      <td class="num">{formatCount(venue.redemptions)}</td>
                      <td class="num">{formatCents(venue.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadedBlock>
    </section>
  );
}
