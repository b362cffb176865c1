/** A programme's territory: INSEE département codes and/or commune codes. */
export interface Territory {
  readonly departements: readonly string[];
  readonly communes: readonly string[];
}

/** Where a venue stands, by INSEE codes. */
export interface Location {
  readonly communeInsee: string;
  readonly departement: string;
}

export function territoryCovers(territory: Territory, location: Location): boolean {
  return (
    territory.communes.includes(location.communeInsee) ||
    territory.departements.includes(location.departement)
  );
}

export function isEmptyTerritory(territory: Territory): boolean {
  return territory.departements.length === 0 && territory.communes.length === 0;
}
