/**
 * The fixed list of what vouchers pay for. Each maps to a service of the national data standard
 * for *lieux de médiation numérique* (the directory export uses the mapping).
 */
export const SERVICE_CATEGORIES = [
  'demarches-en-ligne',
  'prendre-en-main-un-equipement',
  'courriels',
  'securite-en-ligne',
  'insertion-professionnelle',
  'parentalite-education',
  'culture-numerique',
  'loisirs-creation',
] as const;

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** A collective workshop or individual support. */
export const SERVICE_FORMATS = ['collective', 'individual'] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];

export function isServiceCategory(value: string): value is ServiceCategory {
  return (SERVICE_CATEGORIES as readonly string[]).includes(value);
}
