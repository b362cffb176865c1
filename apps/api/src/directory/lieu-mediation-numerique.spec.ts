import {
  fromSchemaLieuDeMediationNumerique,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { toStandardExport } from './lieu-mediation-numerique';
import { STANDARD_COLUMNS, standardCsv } from './standard-csv';
import { parseRfc4180 } from '../../../../test/support/rfc4180';
import { directoryEntry } from './testing/directory-entry';

describe('a directory entry as a lieu de médiation numérique', () => {
  it('fills the standard from the venue, the location and its services', () => {
    const entry = directoryEntry({}, [
      ...directoryEntry().services,
      {
        serviceId: 'svc-2',
        title: 'Atelier courriels',
        category: 'courriels',
        format: 'collective',
        durationMinutes: 120,
        priceInVouchers: 1,
        regulatedTariff: false,
      },
    ]);
    const { records, refused } = toStandardExport([entry], 'pass-numerique');
    expect(refused).toEqual([]);
    expect(records).toEqual([
      {
        id: 'loc-1',
        pivot: '73282932000074',
        nom: 'Espace numérique du centre social',
        adresse: '12 rue des Lilas',
        code_postal: '33700',
        code_insee: '33281',
        commune: 'Mérignac',
        latitude: 44.84,
        longitude: -0.65,
        horaires: 'Mo,We 09:00-12:00',
        services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
        frais_a_charge: 'Gratuit sous condition',
        modalites_accompagnement: 'Accompagnement individuel|Dans un atelier collectif',
        source: 'pass-numerique',
        date_maj: '2026-03-04',
      },
    ]);
    // What the standard's library reads back without throwing is valid by its own rules.
    const [lieu] = records.map(fromSchemaLieuDeMediationNumerique);
    expect(lieu.frais_a_charge).toEqual(['Gratuit sous condition']);
  });

  it('leaves out coordinates and opening hours it does not have', () => {
    const { records } = toStandardExport([directoryEntry({ coordinates: null, openingHours: null })], 'x');
    expect(records[0]).not.toHaveProperty('latitude');
    expect(records[0]).not.toHaveProperty('horaires');
  });

  it('leaves out, with the reason, what the library refuses, and keeps the others', () => {
    const { records, refused } = toStandardExport(
      [
        directoryEntry({ locationId: 'loc-odd-address', address: 'Résidence #3 @ la gare' }),
        directoryEntry({ locationId: 'loc-ok' }),
        directoryEntry({ locationId: 'loc-no-service' }, []),
      ],
      'pass-numerique',
    );
    expect(records.map((record) => record.id)).toEqual(['loc-ok']);
    expect(refused.map((entry) => entry.locationId)).toEqual(['loc-odd-address', 'loc-no-service']);
    expect(refused[0].reason).toContain('Résidence #3 @ la gare');
  });
});

describe("the standard's CSV", () => {
  const record = (overrides: Partial<SchemaLieuMediationNumerique>) =>
    ({
      ...toStandardExport([directoryEntry()], 'pass-numerique').records[0],
      ...overrides,
    }) as SchemaLieuMediationNumerique;

  it("has the schema's header, then one line per record, CRLF-terminated", () => {
    const csv = standardCsv([record({}), record({ id: 'loc-2' })]);
    expect(csv.startsWith('id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,')).toBe(
      true,
    );
    const [header, ...rows] = parseRfc4180(csv);
    expect(header).toEqual([...STANDARD_COLUMNS]);
    expect(rows.map((cells) => cells[0])).toEqual(['loc-1', 'loc-2']);
    const cell = (column: (typeof STANDARD_COLUMNS)[number]) => rows[0][STANDARD_COLUMNS.indexOf(column)];
    expect(rows[0]).toHaveLength(STANDARD_COLUMNS.length);
    expect(cell('latitude')).toBe('44.84');
    expect(cell('horaires')).toBe('Mo,We 09:00-12:00');
    expect(cell('complement_adresse')).toBe('');
  });

  it('quotes a field holding a comma, a quote or a line end, doubling its quotes (RFC 4180)', () => {
    const csv = standardCsv([record({ nom: 'Le "Lab", étage 2', horaires: 'Mo 09:00-12:00\nTu' })]);
    expect(csv).toContain(',"Le ""Lab"", étage 2",');
    expect(csv).toContain(',"Mo 09:00-12:00\nTu",');
  });
});
