import type { SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';

/** The standard's columns, in its schema's order (schema.json of LaMednum/standard-mediation-num). */
export const STANDARD_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const satisfies readonly (keyof SchemaLieuMediationNumerique)[];

// Fails to compile when the library's record gains a field this list lacks.
type MissingColumn = Exclude<keyof SchemaLieuMediationNumerique, (typeof STANDARD_COLUMNS)[number]>;
const everyColumnListed: [MissingColumn] extends [never] ? true : MissingColumn = true;
void everyColumnListed;

/** RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line end. */
export function standardCsv(records: readonly SchemaLieuMediationNumerique[]): string {
  const lines = [
    STANDARD_COLUMNS.join(','),
    ...records.map((record) => STANDARD_COLUMNS.map((column) => csvField(record[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
