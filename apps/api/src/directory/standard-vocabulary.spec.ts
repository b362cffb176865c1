import { ModaliteAccompagnement, Service } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { SERVICE_CATEGORIES } from '@pass/domain';
import { STANDARD_SERVICE, standardAccompaniments, standardServices } from './standard-vocabulary';

describe("our categories in the national standard's vocabulary", () => {
  it('maps every category to a service value the standard lists', () => {
    for (const category of SERVICE_CATEGORIES)
      expect(Object.values(Service)).toContain(STANDARD_SERVICE[category]);
  });

  it('maps each category as agreed with the standard', () => {
    expect(STANDARD_SERVICE).toEqual({
      'demarches-en-ligne': 'Aide aux démarches administratives',
      'prendre-en-main-un-equipement': 'Maîtrise des outils numériques du quotidien',
      courriels: 'Maîtrise des outils numériques du quotidien',
      'securite-en-ligne': 'Utilisation sécurisée du numérique',
      'insertion-professionnelle': 'Insertion professionnelle via le numérique',
      'parentalite-education': 'Parentalité et éducation avec le numérique',
      'culture-numerique': 'Compréhension du monde numérique',
      'loisirs-creation': 'Loisirs et créations numériques',
    });
  });

  it('names a standard service once however many of our categories land on it', () => {
    expect(standardServices(['courriels', 'demarches-en-ligne', 'prendre-en-main-un-equipement'])).toEqual([
      Service.MaitriseDesOutilsNumeriquesDuQuotidien,
      Service.AideAuxDemarchesAdministratives,
    ]);
  });

  it('turns formats into ways of accompanying, once each', () => {
    expect(standardAccompaniments(['collective', 'individual', 'collective'])).toEqual([
      ModaliteAccompagnement.DansUnAtelier,
      ModaliteAccompagnement.AccompagnementIndividuel,
    ]);
    expect(standardAccompaniments(['individual'])).toEqual(['Accompagnement individuel']);
  });
});
