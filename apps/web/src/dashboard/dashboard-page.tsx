import { useEffect, useState } from 'preact/hooks';
import { LoadedBlock } from '../ui/loading';
import { useApi } from '../ui/use-api';
import type { Actor } from '../auth/session';
import { BooksSection } from './books-section';
import { BrandingSection } from './branding-section';
import { ProgrammeFigures } from './programme-figures';
import { SettlementsSection } from './settlements-section';
import { TerritorySection } from './territory-section';
import type { ProgrammeSummary, Venue } from './types';
import { VenuesSection } from './venues-section';

/** /app/tableau-de-bord: where a collectivité's money goes, programme by programme. */
export function DashboardPage({ actor }: { actor: Actor }) {
  const programmes = useApi<{ programmes: ProgrammeSummary[] }>('/v1/web/programmes');
  const venues = useApi<{ venues: Venue[] }>('/v1/web/venues');
  const [selected, setSelected] = useState<string>();
  const list = programmes.data?.programmes ?? [];
  useEffect(() => {
    if (!selected && list.length > 0) setSelected(list[0].programmeId);
  }, [list.length]);
  const programme = list.find((candidate) => candidate.programmeId === selected);
  const venueNames = new Map((venues.data?.venues ?? []).map((venue) => [venue.venueId, venue.name]));

  return (
    <>
      <BrandingSection actor={actor} />
      <LoadedBlock loaded={programmes}>
        {() =>
          list.length === 0 ? (
            <p class="notice">Aucun programme pour cette collectivité pour l'instant.</p>
          ) : (
            <>
              {list.length > 1 && (
                <div class="field">
                  <label for="programme">Programme</label>
                  <select
                    id="programme"
                    value={selected}
                    onChange={(event) => setSelected((event.currentTarget as HTMLSelectElement).value)}
                  >
                    {list.map((candidate) => (
                      <option key={candidate.programmeId} value={candidate.programmeId}>
                        {candidate.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {programme && (
                <>
                  <ProgrammeFigures programme={programme} />
                  <TerritorySection programmeId={programme.programmeId} />
                  <BooksSection programme={programme} />
                </>
              )}
            </>
          )
        }
      </LoadedBlock>
      <SettlementsSection venueNames={venueNames} />
      <VenuesSection venues={venues} />
    </>
  );
}
