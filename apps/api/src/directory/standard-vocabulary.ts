import { ModaliteAccompagnement, Service } from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { ServiceCategory, ServiceFormat } from '@pass/domain';

/**
 * Our categories in the national standard's vocabulary of services. Several of ours can land on
 * one of theirs (e-mail is an everyday tool); a Record keeps the mapping total when a category is added.
 */
export const STANDARD_SERVICE: Readonly<Record<ServiceCategory, Service>> = {
  'demarches-en-ligne': Service.AideAuxDemarchesAdministratives,
  'prendre-en-main-un-equipement': Service.MaitriseDesOutilsNumeriquesDuQuotidien,
  courriels: Service.MaitriseDesOutilsNumeriquesDuQuotidien,
  'securite-en-ligne': Service.UtilisationSecuriseeDuNumerique,
  'insertion-professionnelle': Service.InsertionProfessionnelleViaLeNumerique,
  'parentalite-education': Service.ParentaliteEtEducationAvecLeNumerique,
  'culture-numerique': Service.ComprehensionDuMondeNumerique,
  'loisirs-creation': Service.LoisirsEtCreationsNumeriques,
};

export const STANDARD_ACCOMPANIMENT: Readonly<Record<ServiceFormat, ModaliteAccompagnement>> = {
  individual: ModaliteAccompagnement.AccompagnementIndividuel,
  collective: ModaliteAccompagnement.DansUnAtelier,
};

/** Each standard value once, in the order our services first name it. */
export function standardServices(categories: readonly ServiceCategory[]): Service[] {
  return [...new Set(categories.map((category) => STANDARD_SERVICE[category]))];
}

export function standardAccompaniments(formats: readonly ServiceFormat[]): ModaliteAccompagnement[] {
  return [...new Set(formats.map((format) => STANDARD_ACCOMPANIMENT[format]))];
}
