import {
  Adresse,
  Frais,
  FraisACharge,
  Id,
  Localisation,
  ModalitesAccompagnement,
  Nom,
  Pivot,
  Services,
  toSchemaLieuMediationNumerique,
  type LieuMediationNumerique,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { DirectoryEntry } from '@pass/projections';
import { standardAccompaniments, standardServices } from './standard-vocabulary';

/**
 * One directory entry as a *lieu de médiation numérique*, built with the standard's own model
 * constructors: each one throws on data the standard refuses (a character outside its address
 * alphabet, no service at all...), so what comes out is valid by the standard's library.
 */
export function toLieuMediationNumerique(entry: DirectoryEntry, source: string): LieuMediationNumerique {
  const { venue, location, services } = entry;
  return {
    id: Id(location.locationId),
    pivot: Pivot(venue.siret),
    nom: Nom(location.name || venue.name),
    adresse: Adresse({
      voie: location.address,
      code_postal: location.postalCode,
      code_insee: location.communeInsee,
      commune: location.communeName,
    }),
    ...(location.coordinates ? { localisation: Localisation(location.coordinates) } : {}),
    ...(location.openingHours ? { horaires: location.openingHours } : {}),
    services: Services(standardServices(services.map((service) => service.category))),
    // The standard's way of saying "free with a Pass numérique" (its library maps data.inclusion's
    // 'pass-numerique' fee to it too).
    frais_a_charge: FraisACharge([Frais.GratuitSousCondition]),
    modalites_accompagnement: ModalitesAccompagnement(
      standardAccompaniments(services.map((service) => service.format)),
    ),
    source,
    date_maj: new Date(entry.updatedAt),
  };
}

export interface StandardExport {
  readonly records: SchemaLieuMediationNumerique[];
  /** Entries the standard's library refused, and why: left out of the export rather than failing it. */
  readonly refused: { readonly locationId: string; readonly reason: string }[];
}

/** The flat records of the standard's data schema (its JSON and CSV), one per accepted entry. */
export function toStandardExport(entries: readonly DirectoryEntry[], source: string): StandardExport {
  const records: SchemaLieuMediationNumerique[] = [];
  const refused: { locationId: string; reason: string }[] = [];
  for (const entry of entries) {
    try {
      records.push(toSchemaLieuMediationNumerique(toLieuMediationNumerique(entry, source)));
    } catch (error) {
      refused.push({
        locationId: entry.location.locationId,
        reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
  return { records, refused };
}
