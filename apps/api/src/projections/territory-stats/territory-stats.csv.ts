import type { TerritoryFigures } from '@pass/projections';

const COLUMNS: [header: string, value: (line: TerritoryFigures) => unknown][] = [
  ['programme', (line) => line.programmeId],
  ['code_insee', (line) => line.code ?? ''],
  ['territoire', (line) => line.name ?? 'Non localisé'],
  ['departement', (line) => line.departement ?? ''],
  ['emis_centimes', (line) => line.issuedCents],
  ['distribues_centimes', (line) => line.distributedCents],
  ['utilises_centimes', (line) => line.redeemedCents],
  ['rembourses_centimes', (line) => line.reimbursedCents],
  ['passages', (line) => line.redemptions],
  ['cheques_emis', (line) => line.vouchersIssued],
  ['cheques_distribues', (line) => line.vouchersDistributed],
  ['cheques_utilises', (line) => line.vouchersRedeemed],
];

/**
 * For French spreadsheets: `;` separators (the comma is the decimal mark), a UTF-8 byte-order mark
 * so that accents open right, CRLF line ends, amounts as integer cents (exact, no decimal mark at all).
 */
export function territoryStatsCsv(lines: readonly TerritoryFigures[]): string {
  const rows = [
    COLUMNS.map(([header]) => header),
    ...lines.map((line) => COLUMNS.map(([, value]) => value(line))),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

function csvField(value: unknown): string {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
