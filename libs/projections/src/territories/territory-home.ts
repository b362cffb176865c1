import type { Territory } from '@pass/domain';

/** Where issued and distributed vouchers are counted: they have no venue yet, only their programme's territory. */
export interface TerritoryHome {
  /** '' when the territory spans several départements. */
  readonly departement: string;
  /** '' unless the territory is a single commune. */
  readonly commune: string;
}

export type DepartementOfCommune = (communeInsee: string) => string | undefined;

/**
 * A territory of one département (and communes within it), or of one commune, has a home at that
 * level; anything wider is reported as not located ('') rather than split by a guess.
 */
export function territoryHome(territory: Territory, departementOf: DepartementOfCommune): TerritoryHome {
  const { departements, communes } = territory;
  if (departements.length === 0 && communes.length === 1)
    return { departement: departementOf(communes[0]) ?? '', commune: communes[0] };
  const communeDepartements = new Set(communes.map((commune) => departementOf(commune) ?? ''));
  const all = new Set([...departements, ...communeDepartements]);
  if (all.size === 1) return { departement: [...all][0], commune: '' };
  return { departement: '', commune: '' };
}
